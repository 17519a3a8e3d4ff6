import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { isStaleTemporary, openCacheFolder, removeStaleTemporaries, temporaryPath, writeAtomic } from '../../../src/cache/index.ts'
import { removeDir, root, tempDir } from '../../helpers/fixtures.ts'
import { runNode } from '../../helpers/run-cli.ts'

// A cache entry is read back by name: under that name there must only ever be a whole entry.
const test = suite('writeAtomic')
let work = ''

test.before(async () => {
  work = await tempDir('atomic-write')
})

test.after(async () => {
  await removeDir(work)
})

test('should replace a file whole and leave nothing beside it', async () => {
  const path = join(work, 'replace', 'entry.json')
  await writeAtomic(path, 'old')
  await writeAtomic(path, 'new')
  assert.is(await readFile(path, 'utf8'), 'new')
  assert.equal(await readdir(join(work, 'replace')), ['entry.json'])
})

test('should leave no partial file when the write fails', async () => {
  const dir = join(work, 'fails')
  // A folder with something in it cannot be replaced by a file: the rename fails.
  await mkdir(join(dir, 'entry', 'inside'), { recursive: true })
  try {
    await writeAtomic(join(dir, 'entry'), 'bytes')
    assert.unreachable('the write should fail')
  } catch (error) {
    assert.instance(error, Error)
  }
  assert.equal(await readdir(dir), ['entry'])
})

test('should delete what a killed run left, and keep what a running one writes', async () => {
  const dir = join(work, 'killed')
  await mkdir(dir, { recursive: true })
  // A child process starts an entry the way the build does and dies before renaming it.
  const script = `import { writeFileSync } from 'node:fs'; import { temporaryPath } from ${JSON.stringify(join(root, 'src/cache/index.ts'))}; writeFileSync(temporaryPath(${JSON.stringify(join(dir, 'entry.v8'))}), 'half'); process.kill(process.pid, 'SIGKILL')`
  await runNode(['--import', 'tsx', '--input-type=module', '-e', script])
  const [left] = await readdir(dir)
  assert.ok(left !== undefined && left !== 'entry.v8', 'nothing under the entry’s own name')
  assert.ok(isStaleTemporary(left))
  // This process is still writing its own.
  const ours = temporaryPath(join(dir, 'other.v8'))
  await writeFile(ours, 'in progress')
  assert.is(await removeStaleTemporaries(dir), 1)
  assert.equal(await readdir(dir), [ours.slice(dir.length + 1)])
  // A cache folder's pruning keeps it too.
  const folder = openCacheFolder(dir)
  await folder.write('entry.v8', 'whole')
  assert.is(await folder.prune(), 0)
  assert.equal((await readdir(dir)).sort(), [ours.slice(dir.length + 1), 'entry.v8'].sort())
})

test.run()
