import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { type ArticleModel, type ArticleSources, keptBundleKeys, searchBundleKeys, type SiteModel } from '../../../src/site/index.ts'
import { articleModel } from '../../helpers/article-model.ts'
import { removeDir, tempDir } from '../../helpers/fixtures.ts'

// A search bundle's key names its index in the cache and, by its stamp, in readers' caches: a key
// kept from the last build must be the one its records would make now.
const test = suite('keptBundleKeys')
let work = ''

test.before(async () => {
  work = await tempDir('search-inputs')
})

test.after(async () => {
  await removeDir(work)
})

/** Six articles in three bundles of two, oldest first, with these changes to their fields. */
function site(changes: Record<string, Partial<ArticleModel>> = {}): SiteModel {
  const articles = [6, 5, 4, 3, 2, 1].map((n) => articleModel(n, { digest: `digest-${n}`, ...changes[`a${n}`] }))
  const bundle = (index: number, ...ns: number[]) => ({ url: `/pagefind/${index}/`, articles: ns.map((n) => `/2024/01/a${n}/`) })
  return {
    site: { language: 'vi' },
    localities: {},
    authors: {},
    categories: {},
    articles,
    searchBundles: [bundle(0, 1, 2), bundle(1, 3, 4), bundle(2, 5, 6)],
  } as unknown as SiteModel
}

let record = ''
const sources = (files: Record<string, string> = {}, shared = 'registries'): ArticleSources => ({
  files: new Map([1, 2, 3, 4, 5, 6].map((n) => [`a${n}`, files[`a${n}`] ?? `file-a${n}`])),
  shared,
  record,
})

/** The keys as made from the records' inputs, without a record. */
async function made(model: SiteModel): Promise<Map<string, string>> {
  return searchBundleKeys(model, model.searchBundles)
}

async function kept(model: SiteModel, from: ArticleSources | undefined): ReturnType<typeof keptBundleKeys> {
  return keptBundleKeys(model, model.searchBundles, new Map(model.articles.map((article) => [article.url, article])), from)
}

test('should make every key on the first build, then take every one from the record, each its own bundle’s', async () => {
  record = join(work, 'first.json')
  const model = site()
  const first = await kept(model, sources())
  assert.is(first.reused, 0)
  assert.equal(first.keys, await made(model))
  await first.save()
  const again = await kept(model, sources())
  assert.is(again.reused, 3)
  assert.equal(again.keys, await made(model))
})

test('should make again the key of a bundle whose article was edited (its file, or its body and images), and keep the others', async () => {
  record = join(work, 'edit.json')
  await (await kept(site(), sources())).save()
  const retitled = site({ a3: { title: 'Bài 3, sửa tên' } })
  const byFile = await kept(retitled, sources({ a3: 'file-a3-edited' }))
  assert.is(byFile.reused, 2)
  assert.equal(byFile.keys, await made(retitled))
  assert.is.not(byFile.keys.get('/pagefind/1/'), (await made(site())).get('/pagefind/1/'))
  const rewritten = site({ a6: { digest: 'digest-6-edited' } })
  const byBody = await kept(rewritten, sources())
  assert.is(byBody.reused, 2)
  assert.equal(byBody.keys, await made(rewritten))
})

test('should take no key without the files’ hashes, with other registries, or from a record that is not one', async () => {
  record = join(work, 'other.json')
  const model = site()
  await (await kept(model, sources())).save()
  assert.is((await kept(model, undefined)).reused, 0)
  assert.is((await kept(model, sources({}, 'other registries'))).reused, 0)
  // A file not known: its bundle's key is made, the others are kept.
  const partial = { ...sources(), files: new Map([...sources().files].filter(([id]) => id !== 'a5')) }
  const cut = await kept(model, partial)
  assert.is(cut.reused, 2)
  assert.equal(cut.keys, await made(model))
  for (const text of ['{"version":1,"keys":{"x":"not a key"}}', '{"version":2,"keys":{}}', 'not JSON', '']) {
    await writeFile(record, text)
    const result = await kept(model, sources())
    assert.is(result.reused, 0, text)
    assert.equal(result.keys, await made(model), text)
  }
})

test.run()
