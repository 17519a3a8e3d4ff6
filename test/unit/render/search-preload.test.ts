import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadContent } from '../../../src/content/index.ts'
import { searchPreload, stemmedLanguages } from '../../../src/render/index.ts'
import { checkSite, planSite, type SiteModel } from '../../../src/site/index.ts'
import { contentWith, removeDir, root, testNow } from '../../helpers/fixtures.ts'

const test = suite('searchPreload')
let content = ''
let model: SiteModel | undefined

test.before(async () => {
  content = await contentWith(undefined, { keepSiteArticles: true })
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

test("should preload the newest bundle's pagefind.js, stamped entry and Vietnamese (unstemmed) WebAssembly", async () => {
  const preload = await searchPreload(model!)
  const newest = model!.searchBundles.at(-1)?.url
  assert.ok(preload && newest)
  assert.match(preload.stamp, /^[0-9a-f]{16}$/)
  assert.is(preload.module, `${newest}pagefind.js`)
  assert.equal(preload.fetches, [`${newest}pagefind-entry.json?ts=${preload.stamp}`, `${newest}wasm.unknown.pagefind`])
})

test('should change the stamp with an article of the newest bundle, and only with one of it', async () => {
  const before = (await searchPreload(model!))?.stamp
  const newest = model!.searchBundles.at(-1)?.articles.at(-1)
  const oldest = model!.searchBundles[0]?.articles[0]
  assert.is.not(newest, oldest)
  assert.is.not((await searchPreload(edited(newest, { digest: 'another body' })))?.stamp, before, 'a body edited in the newest bundle')
  assert.is((await searchPreload(edited(oldest, { digest: 'another body' })))?.stamp, before, 'an older bundle edited')
  assert.is((await searchPreload(model!))?.stamp, before, 'the same model, the same stamp')
})

test("should name an English site's WebAssembly after its language, and preload none for a language with a region", async () => {
  const site = model!
  const english = await searchPreload({ ...site, site: { ...site.site, language: 'en' } })
  assert.ok(english?.fetches.at(-1)?.endsWith('/wasm.en.pagefind'))
  const brazilian = await searchPreload({ ...site, site: { ...site.site, language: 'pt-BR' } })
  assert.is(brazilian?.fetches.length, 1, 'the entry alone')
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
