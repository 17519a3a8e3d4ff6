import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { serialize } from 'node:v8'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { noStamps, readStamps, stampOf, writeStamps, type Stamp } from '../../../src/publish/file-stamps.ts'
import { removeDir, tempDir } from '../../helpers/fixtures.ts'

const test = suite('file stamps')

const stamp = (hash: string, size = 1, mtimeMs = 1_700_000_000_123.25): Stamp => ({ hash: hash.repeat(32).slice(0, 32), size, mtimeMs })

test('should keep the stamps under carried folders, nested or side by side, and let a fresh stamp win', async () => {
  const work = await tempDir('file-stamps')
  try {
    const file = join(work, 'x.stamps.v8')
    const first = new Map([
      ['/2019/05/a/index.html', stamp('a')],
      ['/2019/05/index.html', stamp('b')],
      ['/2019/05-x/index.html', stamp('c')],
      ['/2019/06/z/index.html', stamp('d')],
      ['/pagefind/3/x.pf_fragment', stamp('e', 7, 12.5)],
      ['/index.html', stamp('f')],
    ])
    await writeStamps(file, noStamps, [], first)
    const old = await readStamps(file)
    assert.equal(old.paths, [...first.keys()].sort(), 'written in path order')
    for (const [path, value] of first) assert.equal(stampOf(old, path), value, path)
    assert.is(stampOf(old, '/2019/05/'), undefined)

    await writeStamps(
      file,
      old,
      ['2019/05', 'pagefind', 'pagefind/3'],
      new Map([
        ['/2019/05/index.html', stamp('9', 2)],
        ['/new.html', stamp('8')],
      ])
    )
    const next = await readStamps(file)
    assert.equal(next.paths, ['/2019/05/a/index.html', '/2019/05/index.html', '/new.html', '/pagefind/3/x.pf_fragment'])
    assert.equal(stampOf(next, '/2019/05/index.html'), stamp('9', 2), 'the fresh stamp wins')
    assert.equal(stampOf(next, '/pagefind/3/x.pf_fragment'), stamp('e', 7, 12.5), 'a folder inside a carried one is kept once')
  } finally {
    await removeDir(work)
  }
})

test('should read a missing, foreign or inconsistent table as empty, and delete the JSON stamps of earlier releases', async () => {
  const work = await tempDir('file-stamps')
  try {
    assert.equal((await readStamps(join(work, 'missing.v8'))).paths, [])
    const json = join(work, 'a.stamps.json')
    await writeFile(json, JSON.stringify({ '/index.html': [1, 1, 'f'.repeat(32)] }))
    assert.equal((await readStamps(json)).paths, [], 'JSON stamps are not a table')
    const unsorted = join(work, 'b.stamps.v8')
    await writeFile(
      unsorted,
      serialize({
        version: 1,
        paths: new Uint8Array(Buffer.from('/b\0/a')),
        sizes: new Float64Array(2),
        times: new Float64Array(2),
        hashes: new Uint8Array(32),
      })
    )
    assert.equal((await readStamps(unsorted)).paths, [], 'paths out of order')
    await writeFile(unsorted, 'not a table')
    assert.equal((await readStamps(unsorted)).paths, [], 'unreadable bytes')
    await writeStamps(join(work, 'a.stamps.v8'), noStamps, [], new Map([['/index.html', stamp('a')]]))
    assert.equal((await readStamps(join(work, 'a.stamps.v8'))).paths, ['/index.html'])
    assert.equal(await readStamps(json).then((table) => table.paths), [], 'the JSON file is gone')
  } finally {
    await removeDir(work)
  }
})

test.run()
