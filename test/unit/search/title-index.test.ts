import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { planTitleIndex, type TitledArticle, type TitleUnit, titleWordsByToken, writeTitleIndex } from '../../../src/search/title-index.ts'
import { type FoundTitle, findTitles, type ReadTitleFile } from '../../../templates/client/cms/find-titles.ts'
import { decodePostings, encodePostings, type TitleIndex, titleWords } from '../../../templates/client/cms/title-format.ts'
import { removeDir, tempDir } from '../../helpers/fixtures.ts'

const test = suite('title index')

/** Words the generated archive's titles are made of: some in every other title, some in a few. */
const syllables = ['Thanh', 'Hóa', 'đường', 'xã', 'Như', 'Xuân', 'hoàn', 'thành', 'nhà', 'cho', 'hộ', 'nghèo', 'lễ', 'hội', 'mùa', 'lúa']

/** An archive of `count` articles, newest first as the model lists them; article `n` (oldest 0) has a title of its own. */
function archive(count: number): TitledArticle[] {
  const articles: TitledArticle[] = []
  for (let number = 0; number < count; number++) {
    const words = [`số${number}`, syllables[number % 2], syllables[(number * 7) % 16], syllables[(number * 13 + 3) % 16]]
    const year = 2005 + Math.floor(number / 400)
    articles.push({ title: words.join(' '), date: { text: `${year}, bài ${number}` }, url: `/${year}/01/bai-${number}/` })
  }
  return articles.reverse()
}

/** Reads the planned files from memory, recording every path read. */
function reader(units: readonly TitleUnit[], reads: string[]): ReadTitleFile {
  const files = new Map(units.flatMap((unit) => unit.files.map((file) => [file.path, file.body] as const)))
  return async (path) => {
    reads.push(path)
    const body = files.get(`pagefind/titles/${path}`)
    if (body === undefined) throw new Error(`404 ${path}`)
    return JSON.parse(body) as unknown
  }
}

/** An archive of 20,000 articles and its index, planned once for the tests that query it. */
const large = archive(20_000)
const largeUnits = planTitleIndex(large)

test('should fold title words as the search routes do: no marks, đ as d, lower case, split at punctuation', () => {
  assert.equal([...titleWords('Đường về Hoằng Hóa: Covid-19, HĐND')].sort(), ['19', 'covid', 'covid19', 'duong', 'hdnd', 'hoa', 'hoang', 've'])
})

test('should give the same words folding each token once as folding each title whole', () => {
  const titles = [
    'Thọ Xuân: Khánh thành cầu mới qua sông Chu',
    'THỌ XUÂN khánh thành CẦU mới, cầu mới!',
    'Covid-19: Đường về  nhà\tđường\u00a0xa',
    // Marks after a space, decomposed letters, a final sigma: the same words either way.
    'a \u0301b Nghe\u0323 An ΟΔΟΣ ΟΔΟΣ',
    '  ',
    '',
  ]
  const wordsOf = titleWordsByToken()
  for (const title of titles) {
    assert.equal([...wordsOf(title)].sort(), [...titleWords(title)].sort(), title)
    assert.equal([...wordsOf(title)].sort(), [...titleWords(title)].sort(), `${title}, its tokens known`)
  }
})

test('should encode article numbers as gaps or as a bitmap, whichever is shorter, and decode them back', () => {
  const rare = [3, 900, 99_999]
  const dense = Array.from({ length: 30_000 }, (_, at) => at * 3 + 1)
  assert.equal(decodePostings(encodePostings(rare)), rare)
  assert.equal(decodePostings(encodePostings(dense)), dense)
  assert.ok(encodePostings(rare).length <= 12, encodePostings(rare))
  assert.ok(encodePostings(dense).startsWith('~'), 'a word of every third title is a bitmap')
  assert.ok(encodePostings(dense).length <= 90_000 / 6 + 8, `${encodePostings(dense).length} characters`)
  assert.equal(decodePostings(encodePostings([0])), [0])
  assert.equal(decodePostings(encodePostings([])), [])
})

test('should file every word in one chunk, chunks in word order, shards of the articles oldest first', () => {
  const articles = archive(5000)
  const units = planTitleIndex(articles, { shard: 16, group: 8 })
  const [words, ...shards] = units
  assert.is(words?.path, 'pagefind/titles/words')
  assert.is(shards.length, Math.ceil(5000 / (16 * 8)))
  assert.equal(
    shards.slice(0, 2).map((unit) => unit.path),
    ['pagefind/titles/0', 'pagefind/titles/1']
  )
  const index = JSON.parse(words?.files.find((file) => file.path.endsWith('/index.json'))?.body ?? '') as TitleIndex
  assert.equal({ ...index, chunks: index.chunks.length }, { articles: 5000, shard: 16, group: 8, chunks: index.chunks.length })
  const firsts = index.chunks.map(([first]) => first)
  assert.is(firsts[0], '')
  assert.equal(firsts, [...firsts].sort())
  const seen = new Map<string, number[]>()
  for (const file of words?.files ?? [])
    if (!file.path.endsWith('/index.json'))
      for (const [word, encoded] of Object.entries(JSON.parse(file.body) as Record<string, string>)) seen.set(word, decodePostings(encoded))
  const oldestFirst = [...articles].reverse()
  const expected = new Map<string, number[]>()
  for (const [number, article] of oldestFirst.entries())
    for (const word of titleWords(article.title)) expected.set(word, [...(expected.get(word) ?? []), number])
  assert.equal(seen, expected)
  assert.equal(seen.get('so4321'), [4321])
  const shard = JSON.parse(shards[0]?.files[1]?.body ?? '[]') as unknown[]
  const sixteenth = oldestFirst[16] as TitledArticle
  assert.equal(shard[0], [sixteenth.title, sixteenth.date.text, sixteenth.url])
})

test('should change the chunks of its words, the index and the newest folder when an article is added, nothing else', () => {
  const articles = archive(5000)
  const before = planTitleIndex(articles)
  const added: TitledArticle = { title: 'Mùa lúa mới ở Như Xuân', date: { text: '2026' }, url: '/2026/01/mua-lua-moi/' }
  const after = planTitleIndex([added, ...articles])
  const paths = (units: readonly TitleUnit[]) => new Map(units.flatMap((unit) => unit.files.map((file) => [file.path, file.body] as const)))
  const old = paths(before)
  const changed = [...paths(after)].filter(([path, body]) => old.get(path) !== body).map(([path]) => path)
  const chunks = changed.filter((path) => /\/words\/[0-9a-f]{16}\.json$/.test(path))
  assert.ok(chunks.length >= 1 && chunks.length <= titleWords(added.title).size, `${chunks.length} chunks changed`)
  assert.equal(
    changed.filter((path) => !chunks.includes(path)),
    ['pagefind/titles/words/index.json', 'pagefind/titles/4/156.json']
  )
  const keys = new Map(before.map((unit) => [unit.path, unit.key]))
  assert.equal(
    after.filter((unit) => keys.get(unit.path) !== unit.key).map((unit) => unit.path),
    ['pagefind/titles/words', 'pagefind/titles/4']
  )
})

test('should find an old article by its whole title typed without diacritics, from one chunk a word and its shard', async () => {
  const articles = large
  const units = largeUnits
  const reads: string[] = []
  const old = articles.at(-38) as TitledArticle
  const found = await findTitles(
    reader(units, reads),
    old.title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd'),
    10
  )
  assert.equal(found, [{ title: old.title, date: old.date.text, url: old.url }] satisfies FoundTitle[])
  assert.is(reads[0], 'words/index.json')
  assert.ok(reads.length <= 1 + titleWords(old.title).size + 1, reads.join(' '))
  assert.equal(
    reads.filter((path) => !path.startsWith('words/')),
    ['0/1.json']
  )
})

test('should list the newest matches first, the last word as a prefix, reading only their shards', async () => {
  const articles = large
  const units = largeUnits
  const reads: string[] = []
  const found = await findTitles(reader(units, reads), 'thanh ngh', 10)
  const expected = articles
    .filter((article) => {
      const words = [...titleWords(article.title)]
      return words.includes('thanh') && words.some((word) => word.startsWith('ngh'))
    })
    .slice(0, 10)
  assert.is(expected.length, 10)
  assert.equal(
    found.map((article) => article.url),
    expected.map((article) => article.url)
  )
  assert.ok(reads.filter((path) => !path.startsWith('words/')).length <= 10, reads.join(' '))
  // With diacritics, the spelling counts: "hóa" is not "hoàn", which "hoa" starts.
  const plain = await findTitles(reader(units, []), 'hoa', 10)
  const spelled = await findTitles(reader(units, []), 'hóa', 10)
  assert.ok(
    plain.some((article) => !article.title.includes('Hóa')),
    plain.map((article) => article.title).join(', ')
  )
  assert.is(spelled.length, 10)
  assert.ok(
    spelled.every((article) => article.title.includes('Hóa')),
    spelled.map((article) => article.title).join(', ')
  )
})

test('should find nothing for a word no title holds, without reading a shard', async () => {
  const units = planTitleIndex(archive(2000))
  const reads: string[] = []
  assert.equal(await findTitles(reader(units, reads), 'thanh khongcobainao', 10), [])
  assert.equal(await findTitles(reader(units, reads), 'khongcobainao thanh', 10), [])
  assert.equal(await findTitles(reader(units, reads), '  ', 10), [])
  assert.equal(
    reads.filter((path) => !path.startsWith('words/')),
    []
  )
})

test('should write only the folders the live output does not hold', async () => {
  const dir = await tempDir('title-index')
  try {
    const articles = archive(3000)
    const first = await writeTitleIndex(articles, { outputDir: dir })
    assert.equal(first.carriedUnits, [])
    assert.equal((await readdir(join(dir, 'pagefind', 'titles'))).sort(), ['0', '1', '2', 'words'])
    const index = JSON.parse(await readFile(join(dir, 'pagefind', 'titles', 'words', 'index.json'), 'utf8')) as TitleIndex
    assert.is(index.articles, 3000)
    const again = await tempDir('title-index-again')
    try {
      const held = new Set(first.units.map((unit) => unit.path).filter((path) => path !== 'pagefind/titles/2'))
      const second = await writeTitleIndex(articles, {
        outputDir: again,
        carriableUnits: async (units) => new Set(units.map((unit) => unit.path).filter((path) => held.has(path))),
      })
      assert.equal(second.carriedUnits.sort(), [...held].sort())
      assert.equal(await readdir(join(again, 'pagefind', 'titles')), ['2'])
      assert.is(second.written, Math.ceil((3000 - 2048) / 32))
    } finally {
      await removeDir(again)
    }
  } finally {
    await removeDir(dir)
  }
})

test.run()
