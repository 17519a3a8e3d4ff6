import { readdir, readFile, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadRegistries } from '../../../src/content/index.ts'
import { writeCmsAdmin } from '../../../src/publish/index.ts'
import { fixtureSite, removeDir, tempDir } from '../../helpers/fixtures.ts'

// Decap's 6.4 MB go into every build's output: linked from node_modules, in a folder named by
// their bytes, so a new Decap is a new URL and the same Decap the same one.
const test = suite('publish/cms-admin')
const decapDist = dirname(createRequire(import.meta.url).resolve('decap-cms'))
let work = ''

test.before(async () => {
  work = await tempDir('cms-admin')
})

test.after(async () => {
  await removeDir(work)
})

test("should publish Decap's files in a fingerprinted folder, linked from node_modules, the same folder every build", async () => {
  const { registries } = await loadRegistries(fixtureSite)
  assert.ok(registries)
  const folders: string[] = []
  for (const name of ['first', 'second']) {
    await writeCmsAdmin(join(work, name), registries, { contentDir: fixtureSite })
    const found = (await readdir(join(work, name, 'assets'))).filter((entry) => entry.startsWith('decap-cms.'))
    assert.equal(found.length, 1, found.join(', '))
    folders.push(found[0] as string)
  }
  assert.is(folders[0], folders[1], 'the same Decap, the same folder')
  const folder = join(work, 'second', 'assets', folders[0] as string)
  const names = (await readdir(folder)).sort()
  assert.match(folders[0] ?? '', /^decap-cms\.[0-9a-f]{10}$/, 'fingerprinted like every asset')
  assert.ok(names.includes('decap-cms.js') && names.some((name) => name.endsWith('.wasm')), names.join(', '))
  const [published, installed] = await Promise.all([stat(join(folder, 'decap-cms.js')), stat(join(decapDist, 'decap-cms.js'))])
  // A hard link where the output and node_modules share a disk (both inside the repository here),
  // a copy of the same bytes across disks.
  if (published.dev === installed.dev) assert.is(published.ino, installed.ino, 'a hard link, not a copy')
  else assert.ok((await readFile(join(folder, 'decap-cms.js'))).equals(await readFile(join(decapDist, 'decap-cms.js'))))
  assert.match(await readFile(join(work, 'second', 'admin', 'index.html'), 'utf8'), `/assets/${folders[0]}/decap-cms.js`)
})

test.run()
