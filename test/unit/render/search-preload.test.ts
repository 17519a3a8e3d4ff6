import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadContent } from '../../../src/content/index.ts'
import { searchPreload, stemmedLanguages } from '../../../src/render/index.ts'
import { checkSite, planSearchBundles, planSite, type SiteModel } from '../../../src/site/index.ts'
import { contentWith, fixtures, removeDir, root, testNow } from '../../helpers/fixtures.ts'

const test = suite('searchPreload')
let content = ''
let model: SiteModel | undefined

test.before(async () => {
  content = await contentWith(join(fixtures, 'search'), { keepSiteArticles: true })
  const { sources } = checkSite(await loadContent({ contentDir: content }))
  assert.ok(sources)
  model = planSite(sources, { now: testNow, drafts: false, searchBundleSize: 2 })
})

test.after(async () => {
  await removeDir(content)
})

/** The model with one article's fields changed. */
function edited(url: string | undefined, change: Record<string, unknown>): SiteModel {
  const site = model!
  return { ...site, articles: site.articles.map((article) => (article.url === url ? { ...article, ...change } : article)) }
}

test("should preload the newest bundle's pagefind.js, stamped entry and metadata, and Vietnamese (unstemmed) WebAssembly", async () => {
  const preload = await searchPreload(model!)
  const newest = model!.searchBundles.at(-1)?.url
  const stamp = preload?.first[0]?.stamp ?? ''
  assert.ok(preload && newest)
  assert.match(stamp, /^[0-9a-f]{16}$/)
  assert.equal(
    preload.first.map(({ url }) => url),
    [newest],
    'bundles of two: the newest is not small beside the one before'
  )
  assert.is(preload.module, `${newest}pagefind.js`)
  assert.equal(preload.fetches, [`${newest}pagefind-entry.json?ts=${stamp}`, `${newest}pagefind.${stamp}.pf_meta`, `${newest}wasm.unknown.pagefind`])
})

test('should ask the bundle before the newest first too while the newest holds less than a fifth of it', async () => {
  const count = model!.articles.length
  assert.ok(count >= 7, `${count} articles`)
  // Bundles of count - 1: the newest holds one article.
  const small = { ...model!, searchBundles: planSearchBundles(model!.articles, count - 1) }
  const preload = await searchPreload(small)
  assert.equal(
    preload?.first.map(({ url }) => url),
    ['/pagefind/1/', '/pagefind/0/']
  )
  const [newest, previous] = preload?.first ?? []
  assert.ok(newest && previous && newest.stamp !== previous.stamp)
  assert.equal(preload?.fetches, [
    `/pagefind/1/pagefind-entry.json?ts=${newest.stamp}`,
    `/pagefind/0/pagefind-entry.json?ts=${previous.stamp}`,
    `/pagefind/1/pagefind.${newest.stamp}.pf_meta`,
    `/pagefind/0/pagefind.${previous.stamp}.pf_meta`,
    '/pagefind/1/wasm.unknown.pagefind',
  ])
  // Bundles of count - 2: the newest holds two, a fifth or more of the one before only when that holds ten or fewer.
  const ratio = await searchPreload({ ...model!, searchBundles: planSearchBundles(model!.articles, 2) })
  assert.is(ratio?.first.length, 1)
})

test('should change a stamp with an article of its bundle, and only with one of it', async () => {
  const stampOf = async (site: SiteModel) => (await searchPreload(site))?.first[0]?.stamp
  const before = await stampOf(model!)
  const newest = model!.searchBundles.at(-1)?.articles.at(-1)
  const oldest = model!.searchBundles[0]?.articles[0]
  assert.is.not(newest, oldest)
  assert.is.not(await stampOf(edited(newest, { digest: 'another body' })), before, 'a body edited in the newest bundle')
  assert.is(await stampOf(edited(oldest, { digest: 'another body' })), before, 'an older bundle edited')
  assert.is(await stampOf(model!), before, 'the same model, the same stamp')
  assert.is(await stampOf(edited(newest, { commentCount: 7 })), before, 'a comment approved: the record, and so the entry, are the same')
})

test("should name an English site's WebAssembly after its language, and preload none for a language with a region", async () => {
  const site = model!
  const english = await searchPreload({ ...site, site: { ...site.site, language: 'en' } })
  assert.ok(english?.fetches.at(-1)?.endsWith('/wasm.en.pagefind'))
  const brazilian = await searchPreload({ ...site, site: { ...site.site, language: 'pt-BR' } })
  assert.is(brazilian?.fetches.length, 2, 'the entry and the metadata alone')
})

test("should know the languages Pagefind's binary has a stemming WebAssembly for", async () => {
  // Pagefind's binary carries one gzipped WebAssembly per stemmed language, named pagefind_web_bg.<lang>.<version>.wasm.gz.
  const platforms = join(root, 'node_modules', '@pagefind')
  const found = new Set<string>()
  for (const platform of await readdir(platforms)) {
    const bin = join(platforms, platform, 'bin')
    for (const name of await readdir(bin)) {
      if (name.endsWith('.sha256')) continue
      const text = (await readFile(join(bin, name))).toString('latin1')
      for (const match of text.matchAll(/pagefind_web_bg\.([a-z_-]+)\.\d+\.\d+\.\d+\.wasm\.gz/g)) found.add(match[1] ?? '')
    }
  }
  assert.ok(found.has('unknown'), "the binary's WebAssembly names were read")
  found.delete('unknown')
  assert.equal([...found].sort(), [...stemmedLanguages].sort())
})

test.run()
