import { readdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { cacheCode, cacheFingerprint, fixCacheFingerprints, hashCodeGraph, readCodeGraph } from '../../../src/cache/index.ts'
import { storedFingerprint } from '../../../src/cache/code-fingerprint.ts'
import { copyCode, replaceInFile } from '../../helpers/code-copy.ts'
import { removeDir } from '../../helpers/fixtures.ts'

// A fingerprint kept in .cache/code/ stands for the code only while every file that shaped it has
// the same stamp; the tests plant a wrong value in the kept entry to see whether it was used.
const test = suite('storedFingerprint')
const spec = cacheCode.markdown
let copy = ''

test.before(async () => {
  copy = await copyCode()
})

test.after(async () => {
  await removeDir(copy)
})

/** Dates every file and folder of the copy an hour back, as a checkout older than the build is. */
async function ageCopy(dir = copy): Promise<void> {
  const past = new Date(Date.now() - 3_600_000)
  const entries = await readdir(dir, { recursive: true })
  for (const entry of [...entries.map((name) => join(dir, name)), dir].sort().reverse()) await utimes(entry, past, past)
}

/** Replaces the kept fingerprint with a marker, so a later call shows whether it took the kept one. */
async function plant(marker: string): Promise<void> {
  const folder = join(copy, '.cache', 'code')
  const [name] = await readdir(folder)
  const file = join(folder, name as string)
  const stored = JSON.parse(await readFile(file, 'utf8')) as { fingerprint: string }
  await writeFile(file, JSON.stringify({ ...stored, fingerprint: marker }))
}

const fresh = async (): Promise<string> => hashCodeGraph(await readCodeGraph(spec, copy))

test('should take the kept fingerprint while every stamp holds, and hash again after an edit or a new file beside a module', async () => {
  await ageCopy()
  assert.is((await storedFingerprint(spec, copy)).fingerprint, await fresh())
  await plant('kept')
  assert.is((await storedFingerprint(spec, copy)).fingerprint, 'kept', 'unchanged files: the kept entry is used')

  // An edit of the same size, dated in the past: only the inode or time differs, and that is enough.
  await replaceInFile(join(copy, 'src/markdown/processor.ts'), 'unified', 'UNIFIED')
  await ageCopy()
  await plant('stale')
  const edited = (await storedFingerprint(spec, copy)).fingerprint
  assert.is.not(edited, 'stale')
  assert.is(edited, await fresh())

  // A new file in a module's folder changes the folder's stamp: an import could now resolve to it.
  await plant('stale')
  await writeFile(join(copy, 'src/markdown/new-module.ts'), 'export const x = 1\n')
  assert.is((await storedFingerprint(spec, copy)).fingerprint, await fresh())
})

test('should not trust stamps as recent as the reading of the graph (a change in the same instant)', async () => {
  // Files written just now: their stamps could hide an edit made while the graph was read.
  await replaceInFile(join(copy, 'src/markdown/processor.ts'), 'UNIFIED', 'unified')
  assert.is((await storedFingerprint(spec, copy)).fingerprint, await fresh())
  await plant('racy')
  assert.is((await storedFingerprint(spec, copy)).fingerprint, await fresh())
})

test('should keep, for the rest of the process, the fingerprints a build fixed when it started', async () => {
  await ageCopy()
  assert.is(await fixCacheFingerprints(performance.timeOrigin, copy), undefined, 'no file of the code changed since the process started')
  const atStart = await cacheFingerprint('markdown', copy)
  // An edit while the build runs: the running code is still the old one, and so are its keys.
  await replaceInFile(join(copy, 'src/markdown/processor.ts'), 'unified', 'UNIFIED')
  assert.is(await cacheFingerprint('markdown', copy), atStart)
  assert.is.not(await fresh(), atStart)
})

test('should name a file of the code edited after the process started, which may not be the code it runs', async () => {
  // This process started before the edit, as a build whose start an edit overtook.
  const other = await copyCode()
  try {
    await ageCopy(other)
    await replaceInFile(join(other, 'src/markdown/processor.ts'), 'unified', 'UNIFIED')
    assert.is(await fixCacheFingerprints(performance.timeOrigin, other), 'src/markdown/processor.ts')
  } finally {
    await removeDir(other)
  }
})

test.run()
