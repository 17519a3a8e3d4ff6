import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { build, type BuildOptions, type BuildResult } from '../../src/pipeline/build.ts'
import { setSiteKey, writeArticle } from '../helpers/articles.ts'
import { contentWith, exists, removeDir, tempDir } from '../helpers/fixtures.ts'
import { readPage } from '../helpers/html.ts'
import { hashTree } from '../helpers/tree.ts'

const test = suite('archive navigation')
const now = Date.parse('2026-01-01T00:00:00+07:00')
let content = ''
let work = ''

async function buildInto(out: string, options: Partial<BuildOptions> = {}): Promise<BuildResult> {
  const result = await build({
    contentDir: content,
    outDir: join(work, out),
    cacheDir: join(work, 'cache'),
    now,
    log: () => {},
    searchBundleSize: 5, // the five articles fill one bundle: a sixth starts the next
    ...options,
  })
  assert.ok(result.ok, 'the archive builds')
  return result
}

test.before(async () => {
  work = await tempDir('archive')
  content = await contentWith(undefined)
  await setSiteKey(content, 'pageSize', '3')
  // Phường Điện Biên (in TP. Thanh Hóa) gets 4 articles, Hoằng Hóa 1; Lan Anh writes exactly 3.
  await writeArticle(content, { slug: 'd1', date: '2024-01-05 08:00', locality: 'dien-bien', author: 'to-phuong', category: 'thoi-su' })
  await writeArticle(content, { slug: 'd2', date: '2024-01-06 08:00', locality: 'dien-bien', author: 'lan-anh' })
  await writeArticle(content, { slug: 'd3', date: '2024-02-01 08:00', locality: 'dien-bien', author: 'lan-anh' })
  await writeArticle(content, { slug: 'd4', date: '2024-02-01 09:00', locality: 'dien-bien', author: 'lan-anh', aliases: ['/tin-cu/d4.htm'] })
  await writeArticle(content, { slug: 'h1', date: '2024-01-07 08:00', locality: 'hoang-hoa', author: 'minh-duc' })
  await buildInto('before')
})

test.after(async () => {
  await removeDir(work)
  await removeDir(content)
})

test('should count articles of a locality and the places under it, listing only places with articles', async () => {
  const province = await readPage(join(work, 'before'), '/dia-phuong/thanh-hoa/')
  assert.match(province, '<a href="/dia-phuong/tp-thanh-hoa/">TP. Thanh Hóa</a> <span class="count">(4 bài)</span>')
  assert.match(province, '<a href="/dia-phuong/hoang-hoa/">Huyện Hoằng Hóa</a> <span class="count">(1 bài)</span>')
  assert.not.match(province, '(0 bài)')
  const city = await readPage(join(work, 'before'), '/dia-phuong/tp-thanh-hoa/')
  assert.match(city, '<a href="/dia-phuong/dien-bien/">Phường Điện Biên</a> <span class="count">(4 bài)</span>')
  assert.match(city, '<li><a href="/dia-phuong/thanh-hoa/">Thanh Hóa</a></li>', 'breadcrumbs up the tree')
  assert.match(city, '<a href="/2024/02/d4/">', 'descendants are listed')
})

test('should say so on a locality without articles', async () => {
  const empty = await contentWith(undefined)
  try {
    const out = join(work, 'empty')
    const result = await build({ contentDir: empty, outDir: out, cacheDir: join(work, 'cache'), now: Date.parse('2019-01-01T00:00:00Z'), log: () => {} })
    assert.ok(result.ok)
    assert.match(await readPage(out, '/dia-phuong/hoang-hoa/'), '<p class="empty">Chưa có bài viết nào.</p>')
  } finally {
    await removeDir(empty)
  }
})

test('should paginate from the oldest: 1, N and N+1 articles', async () => {
  const out = join(work, 'before')
  const one = await readPage(out, '/dia-phuong/hoang-hoa/')
  assert.not.match(one, 'class="pagination"', 'one article: no pagination')
  const exactly = await readPage(out, '/tac-gia/lan-anh/')
  assert.not.match(exactly, 'class="pagination"', 'N articles: no pagination')
  assert.not.ok(await exists(join(out, 'tac-gia/lan-anh/trang/1/index.html')))
  const landing = await readPage(out, '/dia-phuong/dien-bien/')
  assert.equal(
    [...landing.matchAll(/<h2 class="teaser__title"><a href="([^"]+)"/g)].map((match) => match[1]),
    ['/2024/02/d4/', '/2024/02/d3/', '/2024/01/d2/']
  )
  assert.match(landing, '<link rel="next" href="/dia-phuong/dien-bien/trang/1/"/>')
  const first = await readPage(out, '/dia-phuong/dien-bien/trang/1/')
  assert.equal(
    [...first.matchAll(/<h2 class="teaser__title"><a href="([^"]+)"/g)].map((match) => match[1]),
    ['/2024/02/d3/', '/2024/01/d2/', '/2024/01/d1/']
  )
  assert.match(first, '<link rel="prev" href="/dia-phuong/dien-bien/trang/2/"/>')
  assert.not.match(first, 'rel="next"')
  const second = await readPage(out, '/dia-phuong/dien-bien/trang/2/')
  assert.equal(
    [...second.matchAll(/<h2 class="teaser__title"><a href="([^"]+)"/g)].map((match) => match[1]),
    ['/2024/02/d4/']
  )
  assert.match(second, '<link rel="prev" href="/dia-phuong/dien-bien/"/>')
  assert.match(second, '<link rel="next" href="/dia-phuong/dien-bien/trang/1/"/>')
})

test('should list a month by day and a year by month', async () => {
  const out = join(work, 'before')
  const month = await readPage(out, '/2024/01/')
  assert.match(month, '<h1>Tháng 01/2024</h1>')
  assert.match(
    month,
    /<h2 class="day__title">Chủ nhật, 07\/01\/2024<\/h2><ul class="teasers"><li class="teaser"><h3 class="teaser__title"><a href="\/2024\/01\/h1\/">/
  )
  const year = await readPage(out, '/2024/')
  assert.match(year, '<a href="/2024/02/">Tháng 02/2024</a> <span class="count">(2 bài)</span>')
  assert.match(year, '<a href="/2024/01/">Tháng 01/2024</a> <span class="count">(3 bài)</span>')
  assert.match(await readPage(out, '/chuyen-muc/thoi-su/'), '<a href="/2024/01/d1/">')
})

test('should change only the expected files when one article is added', async () => {
  const before = await hashTree(join(work, 'before'))
  const path = await writeArticle(content, { slug: 'd5', date: '2024-02-03 08:00', locality: 'dien-bien', author: 'minh-duc' })
  try {
    const result = await buildInto('after')
    const after = await hashTree(join(work, 'after'))
    const search = (files: Record<string, string>, bundle: string) => Object.entries(files).filter(([file]) => file.startsWith(bundle))
    const bundles = (files: Record<string, string>) => [
      ...new Set(
        Object.keys(files)
          .filter((file) => file.startsWith('pagefind/') && !file.startsWith('pagefind/words/') && !file.startsWith('pagefind/titles/'))
          .map((file) => file.split('/')[1])
      ),
    ]
    const touched = bundles(after).filter(
      (bundle) => JSON.stringify(search(after, `pagefind/${bundle}/`)) !== JSON.stringify(search(before, `pagefind/${bundle}/`))
    )
    assert.equal(search(after, 'pagefind/0/'), search(before, 'pagefind/0/'), 'the older search bundle is untouched')
    assert.is(result.search?.indexed, 1, 'only the newest bundle is indexed again')
    assert.is((result.search?.cached ?? 0) + (result.search?.carried ?? 0), bundles(after).length - 1, 'every other bundle is reused')
    assert.is(touched.length, 1, `one bundle changes: ${touched.join(', ')}`)
    // The new article starts a bundle, so the one before it is no longer the newest: the search
    // routes now list its words.
    assert.not.equal(search(after, 'pagefind/words/'), search(before, 'pagefind/words/'), 'the routes gain the previous newest bundle')
    const routed = (JSON.parse(await readFile(join(work, 'after', 'pagefind', 'words', 'index.json'), 'utf8')) as { bundles: string[] }).bundles
    assert.equal(
      [...routed].sort(),
      bundles(after)
        .filter((bundle) => !touched.includes(bundle))
        .map((bundle) => `/pagefind/${bundle}/`)
        .sort(),
      'every bundle but the newest'
    )
    // The editor's title index: the new article's words, the table of contents and its shard.
    const titles = Object.keys(after)
      .filter((file) => file.startsWith('pagefind/titles/') && before[file] !== after[file])
      .map((file) => file.replace(/[0-9a-f]{16}\.json$/, '<chunk>.json'))
    assert.equal([...new Set(titles)].sort(), ['pagefind/titles/0/0.json', 'pagefind/titles/words/<chunk>.json', 'pagefind/titles/words/index.json'])
    // The file manifest lists every file's hash, so it changes whenever anything does.
    const pages = (files: Record<string, string>) => Object.keys(files).filter((file) => !file.startsWith('pagefind/') && file !== '.toasoan-manifest.json')
    const changed = pages(after)
      .filter((file) => before[file] !== after[file])
      .sort()
    assert.equal(
      pages(before).filter((file) => !(file in after)),
      [],
      'nothing disappears'
    )
    assert.equal(changed, [
      '2024/02/d5/index.html',
      '2024/02/index.html',
      '2024/index.html',
      'dia-phuong/dien-bien/feed.xml',
      'dia-phuong/dien-bien/index.html',
      'dia-phuong/dien-bien/trang/2/index.html',
      'dia-phuong/thanh-hoa/feed.xml',
      'dia-phuong/thanh-hoa/index.html',
      'dia-phuong/thanh-hoa/trang/2/index.html',
      'dia-phuong/tp-thanh-hoa/feed.xml',
      'dia-phuong/tp-thanh-hoa/index.html',
      'dia-phuong/tp-thanh-hoa/trang/2/index.html',
      'feed.xml',
      'index.html',
      // The news window holds no article here, so the news sitemap lists the newest one, plainly.
      'sitemap-news.xml',
      'sitemap.xml',
      'sitemaps/bai-viet-1.xml',
      'sitemaps/trang-1.xml',
      'tac-gia/minh-duc/feed.xml',
      'tac-gia/minh-duc/index.html',
      // Bundles of 3 split the newest run into bundles of 1: the new article starts one, and the
      // search page lists it (with bundles of 5,000, once every 1,000 articles).
      'tim-kiem/index.html',
      'tin-moi/dien-bien.html',
      'tin-moi/thanh-hoa.html',
      'tin-moi/tp-thanh-hoa.html',
    ])
  } finally {
    const { rm } = await import('node:fs/promises')
    await rm(path)
  }
})

test.run()
