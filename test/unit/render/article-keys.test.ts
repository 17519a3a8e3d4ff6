import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { articleKeys, type ArticleSources, teaserInputs } from '../../../src/render/index.ts'
import { type ArticleModel, type CommentModel, teaserOf } from '../../../src/site/index.ts'
import { articleModel } from '../../helpers/article-model.ts'
import { removeDir, tempDir } from '../../helpers/fixtures.ts'

// An article page's key is kept from the last build while the article and every one before it
// are made from the same inputs; a wrong key would serve another page's HTML, or a stale one.
const test = suite('articleKeys')
let work = ''

test.before(async () => {
  work = await tempDir('article-keys')
})

test.after(async () => {
  await removeDir(work)
})

function article(n: number, thread: CommentModel[] = []): ArticleModel {
  return articleModel(n, { locality: 'tinh', digest: `digest-${n}`, comments: true, commentThread: thread, commentCount: thread.length })
}

/** Newest first, as the site model holds them. */
const newestFirst = (count: number): ArticleModel[] => Array.from({ length: count }, (_, index) => article(count - index))
/** The record file of the running test. */
let record = ''
const files = (articles: readonly ArticleModel[], changed: Record<string, string> = {}): ArticleSources => ({
  files: new Map(articles.map((item) => [item.id, changed[item.id] ?? `file-${item.id}`])),
  shared: 'registries',
  record,
})

/** The key made from the item, as `renderCached` makes it, counting the items keyed. */
function keyer(): { keyOf: (item: ArticleModel) => string; made: string[] } {
  const made: string[] = []
  return {
    made,
    keyOf: (item) => {
      made.push(item.id)
      return createHash('sha256').update(JSON.stringify(item)).digest('hex')
    },
  }
}

const expected = (articles: readonly ArticleModel[]): string[] => articles.map(keyer().keyOf)

test('should make every key on the first build, then take every one from the record, each for its own article', async () => {
  record = join(work, 'same.json')
  const articles = newestFirst(5)
  const first = keyer()
  const made = await articleKeys(articles, files(articles), 'context', first.keyOf)
  assert.is(made.reused, 0)
  assert.is(first.made.length, 5)
  assert.equal(made.keys, expected(articles))
  await made.save()
  const again = keyer()
  const kept = await articleKeys(articles, files(articles), 'context', again.keyOf)
  assert.is(kept.reused, 5)
  assert.equal(again.made, [], 'no item serialised')
  assert.equal(kept.keys, expected(articles), 'each article has its own key, newest first')
})

test('should keep the older articles’ keys when a newer one is published, and make the new one’s', async () => {
  record = join(work, 'added.json')
  await (await articleKeys(newestFirst(4), files(newestFirst(4)), 'context', keyer().keyOf)).save()
  const articles = newestFirst(5)
  const { keyOf, made } = keyer()
  const result = await articleKeys(articles, files(articles), 'context', keyOf)
  assert.is(result.reused, 4)
  assert.equal(made, ['a5'])
  assert.equal(result.keys, expected(articles))
})

test('should make again the key of an edited article and of every newer one, whose related links may show it', async () => {
  record = join(work, 'edited.json')
  const articles = newestFirst(5)
  await (await articleKeys(articles, files(articles), 'context', keyer().keyOf)).save()
  for (const [name, sources, items] of [
    ['its file', files(articles, { a3: 'file-a3-edited' }), articles],
    ['its body or images', files(articles), articles.map((item) => (item.id === 'a3' ? { ...item, digest: 'digest-3-edited' } : item))],
    [
      'its comments',
      files(articles),
      articles.map((item) => (item.id === 'a3' ? article(3, [{ id: 'c1', name: 'Lan', message: 'Cảm ơn', date: { iso: '', text: '' }, replies: [] }]) : item)),
    ],
  ] as const) {
    const { keyOf, made } = keyer()
    const result = await articleKeys(items, sources, 'context', keyOf)
    assert.is(result.reused, 2, name)
    assert.equal(made, ['a3', 'a4', 'a5'], name)
    assert.equal(result.keys, expected(items), name)
  }
})

test('should make every key again when an older article is removed, or one is published between others', async () => {
  record = join(work, 'between.json')
  const articles = newestFirst(5)
  await (await articleKeys(articles, files(articles), 'context', keyer().keyOf)).save()
  const removed = articles.filter((item) => item.id !== 'a1')
  const first = keyer()
  assert.is((await articleKeys(removed, files(removed), 'context', first.keyOf)).reused, 0)
  assert.is(first.made.length, 4)
  const between = [...articles.slice(0, 3), { ...article(25), id: 'a2b' }, ...articles.slice(3)]
  const second = keyer()
  const result = await articleKeys(between, files(between), 'context', second.keyOf)
  assert.is(result.reused, 2, 'the two oldest')
  assert.equal(result.keys, expected(between))
})

test('should take no key from a record of another context, a record that is not one, or without the files’ hashes', async () => {
  record = join(work, 'context.json')
  const articles = newestFirst(3)
  await (await articleKeys(articles, files(articles), 'context', keyer().keyOf)).save()
  assert.is((await articleKeys(articles, files(articles), 'other code or settings', keyer().keyOf)).reused, 0)
  assert.is((await articleKeys(articles, { ...files(articles), shared: 'other registries' }, 'context', keyer().keyOf)).reused, 0)
  const none = keyer()
  const without = await articleKeys(articles, undefined, 'context', none.keyOf)
  assert.is(without.reused, 0)
  assert.is(none.made.length, 3)
  // A file's hash unknown: the chain stops there, and that article and the newer ones are keyed from their items.
  const partial = { ...files(articles), files: new Map([['a1', 'file-a1']]) }
  const cut = keyer()
  assert.is((await articleKeys(articles, partial, 'context', cut.keyOf)).reused, 1)
  assert.equal(cut.made, ['a2', 'a3'])
  const saved = JSON.parse(await readFile(record, 'utf8')) as { chains: string; keys: string }
  for (const text of ['{"version":1,"chains":"x","keys":"not a key"}', '{"version":2}', 'not JSON', '']) {
    await writeFile(record, text.replace('"x"', JSON.stringify(saved.chains.split('\n')[0])))
    const { keyOf, made } = keyer()
    const result = await articleKeys(articles, files(articles), 'context', keyOf)
    assert.is(result.reused, 0, text)
    assert.is(made.length, 3, text)
    assert.equal(result.keys, expected(articles), text)
  }
})

// A listing page's key holds its teasers by what they are made from: a teaser standing for an
// older version would keep a stale title or thumbnail on the index pages.
test('should stand a teaser by a hash of its URL, its article’s file and its thumbnail, and leave the rest to be hashed', () => {
  const withLead = (thumbnail: string): ArticleModel =>
    articleModel(1, {
      authors: ['lan'],
      lead: {
        src: 'a.jpg',
        url: '/media/a.jpg',
        width: 800,
        height: 600,
        alt: 'Ảnh',
        caption: '',
        credit: '',
        set: { thumbnail: { url: thumbnail, width: 320, height: 240, format: 'webp' } } as NonNullable<ArticleModel['lead']>['set'],
      },
    })
  const authors = { lan: { id: 'lan', name: 'Lan Anh', url: '/tac-gia/lan/' } } as unknown as Parameters<typeof teaserOf>[1]
  const articles = [withLead('/media/ab/a-320.1111111111.webp'), articleModel(2)]
  const inputs = teaserInputs(articles, { files: new Map([['a1', 'file-a1']]), shared: 'registries', record: '' })
  const teaser = teaserOf(articles[0] as ArticleModel, authors)
  assert.match(inputs(teaser) ?? '', /^[0-9a-f]{32}$/)
  assert.is(inputs(teaserOf(articles[0] as ArticleModel, authors)), inputs(teaser), 'the same inputs, the same text')
  // Another file or another image's bytes (another thumbnail name) give another text.
  const edited = teaserInputs(articles, { files: new Map([['a1', 'file-a1-edited']]), shared: 'registries', record: '' })
  assert.is.not(edited(teaser), inputs(teaser))
  const rephotographed = [withLead('/media/cd/a-320.2222222222.webp')]
  const other = teaserInputs(rephotographed, { files: new Map([['a1', 'file-a1']]), shared: 'registries', record: '' })
  assert.is.not(other(teaserOf(rephotographed[0] as ArticleModel, authors)), inputs(teaser))
  // Hashed instead: an article whose file is not known, and what is not a teaser (a fragment's link).
  assert.is(inputs(teaserOf(articles[1] as ArticleModel, authors)), undefined)
  assert.is(inputs({ url: '/2024/01/a1/', title: 'Bài 1', date: { iso: '', text: '' } }), undefined)
  assert.is(inputs({ ...teaser }), undefined, 'a copy is not a teaser teaserOf made')
})

test.run()
