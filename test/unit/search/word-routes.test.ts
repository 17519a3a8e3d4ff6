import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { recordWords, writeRoutes, type RoutesIndex } from '../../../src/search/index.ts'
import { removeDir, tempDir } from '../../helpers/fixtures.ts'

const test = suite('search word routes')

test('should file every word of a record folded, whole and split at its punctuation, alt text included', () => {
  const words = recordWords(
    '<h1>Đường về Hoằng Hóa</h1><p data-pagefind-weight="3">Covid-19 &amp; HĐND</p><img alt="Chợ xẩm"><span data-pagefind-meta="date:x"></span>'
  )
  assert.equal([...words].sort(), ['19', 'cho', 'covid', 'covid19', 'duong', 'hdnd', 'hoa', 'hoang', 've', 'xam'])
})

test("should write chunks in word order with each word's bundles as a mask, listed by an index", async () => {
  const dir = await tempDir('routes')
  try {
    const masks = new Map<string, bigint>()
    for (let word = 0; word < 3000; word++) masks.set(`w${String(word).padStart(4, '0')}`, BigInt(word % 7) + 1n)
    masks.set('xam', 1n << 30n)
    const index = await writeRoutes(
      dir,
      Array.from({ length: 31 }, (_, bundle) => `/pagefind/${bundle}/`),
      masks,
      Array.from({ length: 31 }, (_, bundle) => `key${bundle}`)
    )
    assert.equal(JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as RoutesIndex, index)
    assert.ok(index.chunks.length > 1, `${index.chunks.length} chunks`)
    assert.is(index.tags[30], 'key30', "each bundle's key beside it")
    assert.is(index.chunks[0]?.[0], '')
    const firsts = index.chunks.map(([first]) => first)
    assert.equal(firsts, [...firsts].sort())
    const all: Record<string, string> = {}
    for (const [, file] of index.chunks) Object.assign(all, JSON.parse(await readFile(join(dir, file), 'utf8')) as Record<string, string>)
    assert.is(Object.keys(all).length, masks.size)
    assert.is(all['xam'], (1n << 30n).toString(16))
    assert.is(all['w0006'], '7')
    // Adding a word changes its own chunk only: boundaries come from the words, not their positions.
    const before = new Set(index.chunks.map(([, file]) => file))
    masks.set('w1500a', 1n)
    const after = await writeRoutes(join(dir, 'again'), index.bundles, masks, index.tags)
    assert.is(after.chunks.filter(([, file]) => !before.has(file)).length, 1)
  } finally {
    await removeDir(dir)
  }
})

test.run()
