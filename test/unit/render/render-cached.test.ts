import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { articleSourcesOf, planModel } from '../../../src/pipeline/build.ts'
import { folderKey, loadContent } from '../../../src/content/index.ts'
import { exists } from '../../../src/shared/files.ts'
import { renderCached, type CachedRenderResult } from '../../../src/render/index.ts'
import { writeArticle } from '../../helpers/articles.ts'
import { contentWith, removeDir, tempDir, testNow } from '../../helpers/fixtures.ts'
import { hashTree } from '../../helpers/tree.ts'

// Each way a page's inputs can change must re-render it, and nothing else: a stale page would be
// served for good from the CDN. The render stage is run as the build runs it (content loaded and
// planned, article keys kept from a record), into a folder of its own each time: what a whole
// build adds (search, images, carrying folders, the swap) is tested in e2e/publish/units.test.ts.
const test = suite('renderCached')
let work = ''
let content = ''
let run = 0
const assets = { css: '/a.css', articleScript: '/a.js', searchScript: '/s.js', commentsScript: '/c.js' }

/** The content loaded, planned and rendered with the cache in `cache`, into a new folder. */
async function render(options: { fingerprint: string; cache?: string }): Promise<CachedRenderResult & { out: string; articles: number }> {
  const out = join(work, `out-${run++}`)
  const cache = options.cache ?? join(work, 'cache')
  const { sources } = await loadContent({ contentDir: content, cacheDir: cache })
  assert.ok(sources)
  const { model } = await planModel(sources, {}, testNow)
  const inputs = articleSourcesOf(sources, {}, join(cache, 'article-keys', `${folderKey(content)}.json`))
  const result = await renderCached(model, {
    outputDir: out,
    pagesCacheDir: join(cache, 'pages', folderKey(content)),
    eleventyCacheDir: cache,
    assets,
    bodies: sources.bodies,
    fingerprint: options.fingerprint,
    ...(inputs === undefined ? {} : { articleSources: inputs }),
  })
  return { ...result, out, articles: model.articles.length }
}

/** The same content rendered without any cache. */
const fresh = (fingerprint: string) => render({ fingerprint, cache: join(work, `empty-${run}`) })

test.before(async () => {
  work = await tempDir('render-cached')
  content = await contentWith(undefined, { keepSiteArticles: true })
})

test.after(async () => {
  await removeDir(work)
  await removeDir(content)
})

test('should reuse every page on a no-op rebuild, byte for byte, and render only the files made from the whole model', async () => {
  const first = await render({ fingerprint: 'a' })
  assert.is(first.cached, 0)
  const again = await render({ fingerprint: 'a' })
  const wholeModel = again.rendered
  assert.ok(wholeModel <= 12, `home, search, 404, sitemaps, robots.txt, OpenSearch, _redirects, _headers: ${wholeModel}`)
  assert.is(again.cached, first.rendered - wholeModel, 'articles, indexes, years, fragments, redirects and feeds')
  assert.equal(await hashTree(again.out), await hashTree(first.out))
})

test('should render a new article and keep the others', async () => {
  const previous = await render({ fingerprint: 'a' })
  const path = await writeArticle(content, { slug: 'moi', date: '2025-01-02 08:00', locality: 'hoang-hoa', author: 'lan-anh' })
  try {
    const result = await render({ fingerprint: 'a' })
    assert.ok(result.cached >= 3, 'the other article pages at least')
    // Only a locality's landing page shows counts, of the places it lists: the province's lists the
    // district's, which gained an article; another month's page and another place's show none.
    for (const page of ['/2019/10/index.html', '/tac-gia/to-phuong/index.html'])
      assert.is(result.keys.get(page), previous.keys.get(page), `${page} is taken from the cache`)
    const province = '/dia-phuong/thanh-hoa/index.html'
    assert.ok(previous.keys.get(province), 'the province has a landing page')
    assert.is.not(result.keys.get(province), previous.keys.get(province), "the province's page shows the new count")
    // The new article changes counts on landing pages, its feeds and the lists it joins: a stale one would differ here.
    assert.equal(await hashTree(result.out), await hashTree((await fresh('a')).out), 'the same pages as a render without cache')
  } finally {
    await rm(path)
  }
})

test('should re-render an article whose body was edited', async () => {
  const path = join(content, 'articles/2020/03/hai-tac-gia-va-dinh-chinh.md')
  const original = await readFile(path, 'utf8')
  try {
    await render({ fingerprint: 'a' })
    const before = await render({ fingerprint: 'a' })
    await writeFile(path, original.replace('Công trình do huyện làm chủ đầu tư', 'Công trình do tỉnh làm chủ đầu tư'))
    const result = await render({ fingerprint: 'a' })
    assert.ok(result.rendered > before.rendered, 'the edited article and the feeds showing its text are rendered again')
    assert.ok(result.cached > 0)
    assert.match(await readFile(join(result.out, '2020/03/hai-tac-gia-va-dinh-chinh/index.html'), 'utf8'), 'do tỉnh làm chủ đầu tư')
    // The older article's page key is kept from the last build without serialising its item; the
    // edited one's and the newer ones' are made again.
    assert.is(result.articleKeysReused, 1, 'the 2019 article, older than the edit')
    assert.is(before.articleKeysReused, result.articles, 'a rebuild without changes keeps every article key')
    assert.equal(await hashTree(result.out), await hashTree((await fresh('a')).out), 'the same pages as a render without cache')
  } finally {
    await writeFile(path, original)
  }
})

test('should re-render a newer article whose related links show an edited older article’s title', async () => {
  const path = join(content, 'articles/2019/10/hoi-nghi-lang-nghe.md')
  const original = await readFile(path, 'utf8')
  const newer = '2020/03/hai-tac-gia-va-dinh-chinh/index.html'
  try {
    const before = await render({ fingerprint: 'a' })
    assert.match(await readFile(join(before.out, newer), 'utf8'), 'Hội nghị lắng nghe ý kiến người dân phường Điện Biên', 'it links the 2019 article')
    await writeFile(path, original.replace('title: "Hội nghị lắng nghe', 'title: "Hội nghị mở rộng lắng nghe'))
    const result = await render({ fingerprint: 'a' })
    assert.is(result.articleKeysReused, 0, 'the oldest article changed: no key is kept')
    assert.match(await readFile(join(result.out, newer), 'utf8'), 'Hội nghị mở rộng lắng nghe ý kiến người dân phường Điện Biên')
    assert.equal(await hashTree(result.out), await hashTree((await fresh('a')).out), 'the same pages as a render without cache')
  } finally {
    await writeFile(path, original)
  }
})

test('should re-render everything when site.yml or a registry changes', async () => {
  await render({ fingerprint: 'a' })
  const siteYml = join(content, 'site.yml')
  const original = await readFile(siteYml, 'utf8')
  await writeFile(siteYml, original.replace('title: "Báo Thử Nghiệm"', 'title: "Báo Thử Nghiệm Mới"'))
  try {
    const result = await render({ fingerprint: 'a' })
    assert.is(result.cached, 0)
    assert.match(await readFile(join(result.out, '2019/10/hoi-nghi-lang-nghe/index.html'), 'utf8'), 'Báo Thử Nghiệm Mới')
  } finally {
    await writeFile(siteYml, original)
  }
  const authors = join(content, 'authors.yml')
  const registry = await readFile(authors, 'utf8')
  await writeFile(authors, registry.replace('name: Tố Phương', 'name: Tố Phương (TXT)'))
  try {
    assert.is((await render({ fingerprint: 'a' })).cached, 0)
  } finally {
    await writeFile(authors, registry)
  }
})

test('should re-render everything when the templates change', async () => {
  await render({ fingerprint: 'a' })
  assert.is((await render({ fingerprint: 'b' })).cached, 0)
})

test('should prune the pages cache after a render that adds entries, and leave it alone on a no-op', async () => {
  const cache = join(work, 'prune-cache')
  await render({ fingerprint: 'p', cache })
  const folder = join(cache, 'pages', folderKey(content))
  const stray = join(folder, `${'0'.repeat(64)}.html`)
  await writeFile(stray, 'an entry no page uses')
  await render({ fingerprint: 'p', cache })
  assert.ok(await exists(stray), 'a no-op adds nothing, so it does not list the folder')
  const entries = (await readdir(folder)).length
  // New rendering code: every page is rendered again, and only the new entries are kept.
  await render({ fingerprint: 'q', cache })
  assert.not.ok(await exists(stray), 'a render that adds entries drops those it did not use')
  assert.is((await readdir(folder)).length, entries - 1, 'one entry per page, as after the first render')
})

test('should write the same pages from a render thread as from the main thread alone', async () => {
  const { sources } = await loadContent({ contentDir: content, cacheDir: join(work, 'threads-cache') })
  assert.ok(sources)
  const { model } = await planModel(sources, {}, testNow)
  const renderIn = async (name: string, threads: number) => {
    const out = join(work, name)
    // Runs of five pages: the thread renders every other run or so.
    const result = await renderCached(model, {
      outputDir: join(out, 'site'),
      pagesCacheDir: join(out, 'pages'),
      eleventyCacheDir: join(out, 'eleventy'),
      assets,
      bodies: sources.bodies,
      chunkSize: 5,
      threads,
    })
    return { result, tree: await hashTree(join(out, 'site')) }
  }
  const alone = await renderIn('one-thread', 0)
  const shared = await renderIn('two-threads', 1)
  assert.ok(alone.result.rendered > 20, 'several runs')
  assert.is(shared.result.rendered, alone.result.rendered)
  assert.equal(shared.tree, alone.tree)
})

test.run()
