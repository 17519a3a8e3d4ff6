import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { contentState } from '../../../src/content/index.ts'
import { removeDir, tempDir } from '../../helpers/fixtures.ts'

const test = suite('contentState')
let dir = ''

test.before(async () => {
  dir = await tempDir('content-state')
  await mkdir(join(dir, 'articles', '2025', '01'), { recursive: true })
  await writeFile(join(dir, 'site.yml'), 'title: A\n')
  await writeFile(join(dir, 'articles', '2025', '01', 'a.md'), 'one')
})

test.after(() => removeDir(dir))

test('should change with a file written, added or removed, or a folder made, and not with a dot file or folder', async () => {
  const states = [await contentState(dir, new Map())]
  const step = async (change: () => Promise<unknown>): Promise<string> => {
    await change()
    const state = await contentState(dir, new Map())
    assert.not.ok(states.includes(state))
    states.push(state)
    return state
  }
  assert.is(await contentState(dir, new Map()), states[0], 'the same when nothing changed')
  await step(() => writeFile(join(dir, 'articles', '2025', '01', 'a.md'), 'two'))
  await step(() => writeFile(join(dir, 'articles', '2025', '01', 'b.md'), 'three'))
  await step(() => mkdir(join(dir, 'articles', '2025', '02')))
  const last = await step(() => rm(join(dir, 'articles', '2025', '01', 'b.md')))
  await writeFile(join(dir, '.DS_Store'), 'x')
  await mkdir(join(dir, '.git', 'objects'), { recursive: true })
  await writeFile(join(dir, '.git', 'objects', 'ab'), 'a folder that is its own repository')
  assert.is(await contentState(dir, new Map()), last)
})

test("should take git's object id for a file it knows unmodified, whatever its times", async () => {
  const path = join(dir, 'articles', '2025', '01', 'a.md')
  const blobs = new Map([[path, '1'.repeat(40)]])
  const known = await contentState(dir, blobs)
  await writeFile(path, 'two')
  assert.is(await contentState(dir, blobs), known)
  assert.is.not(await contentState(dir, new Map([[path, '2'.repeat(40)]])), known)
})

test.run()
