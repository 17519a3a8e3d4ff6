import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { parseFeed } from '@rowanmanning/feed-parser'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { check } from 'linkinator'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { build } from '../../src/pipeline/build.ts'
import { planSitemaps, type ArticleModel, type SiteInfo } from '../../src/site/index.ts'
import { renderNewsSitemap, renderSitemapIndex } from '../../templates/index.ts'
import { fixtureSite, removeDir, tempDir } from '../helpers/fixtures.ts'
import { readPage } from '../helpers/html.ts'

const test = suite('syndication')
// Two days after the newest fixture article, so the news sitemap has exactly it.
const now = Date.parse('2024-05-02T12:00:00+07:00')
let work = ''
let out = ''
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap', 'item'].includes(name) })

test.before(async () => {
  work = await tempDir('syndication')
  out = join(work, 'dist')
  const result = await build({ contentDir: fixtureSite, outDir: out, cacheDir: join(work, 'cache'), now, log: () => {}, sitemapLimit: 2 })
  assert.ok(result.ok)
})

test.after(async () => {
  await removeDir(work)
})

async function readXml(path: string): Promise<string> {
  const text = await readFile(join(out, path), 'utf8')
  assert.is(XMLValidator.validate(text), true, `${path} is well-formed XML`)
  return text
}

test('should publish an RSS 2.0 site feed that a feed parser reads, newest first, with +0700 dates', async () => {
  const text = await readXml('feed.xml')
  const feed = parseFeed(text)
  assert.is(feed.title, 'Báo Thử Nghiệm')
  assert.is(feed.language, 'vi')
  assert.is(feed.self, 'https://fixture.example/feed.xml')
  assert.equal(
    feed.items.map((item) => item.url),
    [
      'https://fixture.example/2024/05/tieu-de-co-the-script/',
      'https://fixture.example/2020/03/hai-tac-gia-va-dinh-chinh/',
      'https://fixture.example/2019/10/hoi-nghi-lang-nghe/',
    ]
  )
  const twoAuthors = feed.items[1]
  assert.equal(
    twoAuthors?.authors.map((author) => author.name),
    ['Minh Đức', 'Lan Anh']
  )
  assert.is(twoAuthors?.published?.toISOString(), '2020-03-04T17:00:00.000Z')
  assert.match(text, '<pubDate>Thu, 05 Mar 2020 00:00:00 +0700</pubDate>')
  assert.match(text, '<dc:creator>Minh Đức</dc:creator><dc:creator>Lan Anh</dc:creator>')
  const withFigure = feed.items[2]
  assert.match(
    withFigure?.content ?? '',
    /<img src="https:\/\/fixture\.example\/media\/[0-9a-f]{2}\/hoi-truong-320\.[0-9a-f]{10}\.jpg" srcset="https:\/\/fixture\.example\/media\//,
    'content:encoded has absolute URLs'
  )
  assert.not.match(withFigure?.content ?? '', /srcset="[^"]*(?:^|[ ,])\/media/, 'srcset too')
  assert.match(withFigure?.content ?? '', '<a href="https://example.org/quy-dinh" rel="noopener">')
  assert.is(feed.items[0]?.title, "Cảnh giác với <script>alert('x')</script> trong tin nhắn lừa đảo", 'titles are escaped, not executed')
})

test('should give each enclosure the byte size of the image it names', async () => {
  const xml = await readXml('feed.xml')
  const enclosures = [...xml.matchAll(/<enclosure url="https:\/\/fixture\.example(\/media\/[^"]+)" length="(\d+)"/g)]
  assert.ok(enclosures.length > 0, 'the site feed has enclosures')
  for (const [, path, length] of enclosures) assert.is(Number(length), (await stat(join(out, path ?? ''))).size, path)
})

test('should publish a feed per author and per category, linked from their pages', async () => {
  const writer = parseFeed(await readXml('tac-gia/minh-duc/feed.xml'))
  assert.is(writer.title, 'Minh Đức - Báo Thử Nghiệm')
  assert.ok(
    writer.items.length > 0 && writer.items.every((item) => item.authors.some((author) => author.name === 'Minh Đức')),
    writer.items.map((item) => item.title).join(' | ')
  )
  assert.match(
    await readPage(out, '/tac-gia/minh-duc/'),
    '<link rel="alternate" type="application/rss+xml" title="Minh Đức - Báo Thử Nghiệm" href="/tac-gia/minh-duc/feed.xml"/>'
  )
  const section = parseFeed(await readXml('chuyen-muc/thoi-su/feed.xml'))
  assert.is(section.title, 'Thời sự - Báo Thử Nghiệm')
  assert.ok(section.items.length > 0)
  assert.match(await readPage(out, '/chuyen-muc/thoi-su/'), 'href="/chuyen-muc/thoi-su/feed.xml"')
})

test('should publish a feed per locality with the places under it, linked from its pages', async () => {
  const feed = parseFeed(await readXml('dia-phuong/tp-thanh-hoa/feed.xml'))
  assert.is(feed.title, 'TP. Thanh Hóa - Báo Thử Nghiệm')
  assert.equal(
    feed.items.map((item) => item.title),
    ["Cảnh giác với <script>alert('x')</script> trong tin nhắn lừa đảo", 'Hội nghị lắng nghe ý kiến người dân phường Điện Biên']
  )
  assert.is(parseFeed(await readXml('dia-phuong/hoang-hoa/feed.xml')).items.length, 1)
  const page = await readPage(out, '/dia-phuong/tp-thanh-hoa/')
  assert.match(page, '<link rel="alternate" type="application/rss+xml" title="TP. Thanh Hóa - Báo Thử Nghiệm" href="/dia-phuong/tp-thanh-hoa/feed.xml"/>')
  assert.match(await readPage(out, '/2019/10/hoi-nghi-lang-nghe/'), 'href="/dia-phuong/dien-bien/feed.xml"')
})

test('should split sitemaps at the limit under a sitemap index', async () => {
  const index = xml.parse(await readXml('sitemap.xml'))
  const listed: Array<{ loc: string }> = index.sitemapindex.sitemap
  assert.is(listed.at(-1)?.loc, 'https://fixture.example/sitemap-news.xml', 'the news sitemap is listed last')
  const children = listed.slice(0, -1)
  assert.ok(children.length >= 3)
  const all: string[] = []
  for (const child of children) {
    const path = child.loc.replace('https://fixture.example/', '')
    const urls: Array<{ loc: string; lastmod: string }> = xml.parse(await readXml(path)).urlset.url
    assert.ok(urls.length <= 2, `${path} holds at most the limit`)
    for (const url of urls) assert.match(url.lastmod, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/)
    all.push(...urls.map((url) => url.loc))
  }
  assert.equal(all.slice(0, 3), [
    'https://fixture.example/2019/10/hoi-nghi-lang-nghe/',
    'https://fixture.example/2020/03/hai-tac-gia-va-dinh-chinh/',
    'https://fixture.example/2024/05/tieu-de-co-the-script/',
  ])
  assert.ok(all.includes('https://fixture.example/dia-phuong/dien-bien/'))
  assert.is(new Set(all).size, all.length, 'no URL twice')
  assert.is(
    await readFile(join(out, 'robots.txt'), 'utf8'),
    'User-agent: *\nAllow: /\nDisallow: /admin/\n\nSitemap: https://fixture.example/sitemap.xml\nSitemap: https://fixture.example/sitemap-news.xml\n'
  )
})

test('should list only the last two days in the news sitemap', async () => {
  const news = xml.parse(await readXml('sitemap-news.xml'))
  const urls = news.urlset.url
  assert.is(urls.length, 1)
  assert.is(urls[0].loc, 'https://fixture.example/2024/05/tieu-de-co-the-script/')
  assert.is(urls[0]['news:news']['news:publication']['news:name'], 'Báo Thử Nghiệm điện tử')
  assert.is(urls[0]['news:news']['news:publication']['news:language'], 'vi')
  assert.is(urls[0]['news:news']['news:publication_date'], '2024-05-01T08:00:00+07:00')
})

test('should let browsers add the site search (OpenSearch), linked from every page', async () => {
  const description = xml.parse(await readXml('opensearch.xml')).OpenSearchDescription
  assert.is(description.Url['@_template'], 'https://fixture.example/tim-kiem/?q={searchTerms}')
  assert.is(description.Url['@_type'], 'text/html')
  assert.ok(description.ShortName.length > 0 && [...description.ShortName].length <= 16, description.ShortName)
  assert.match(await readPage(out, '/2019/10/hoi-nghi-lang-nghe/'), '<link rel="search" type="application/opensearchdescription+xml"')
})

test('should keep the newest article, without news metadata, when no article is in the news window', () => {
  const article = (url: string, iso: string) => ({ url, title: url, date: { iso }, published: Date.parse(iso) }) as unknown as ArticleModel
  const site = { baseUrl: 'https://x.example', publisherName: 'Báo X', language: 'vi' } as unknown as SiteInfo
  const articles = [article('/2024/05/b/', '2024-05-01T08:00:00+07:00'), article('/2024/04/a/', '2024-04-01T08:00:00+07:00')]
  const quiet = planSitemaps(articles, [], { site, limit: 10, now: Date.parse('2024-06-01T00:00:00Z') })
  const rendered = xml.parse(renderNewsSitemap(quiet))
  assert.equal(rendered.urlset.url, [{ loc: 'https://x.example/2024/05/b/', lastmod: '2024-05-01T08:00:00+07:00' }], 'never an empty urlset')
  assert.match(
    renderSitemapIndex(quiet, site.baseUrl),
    '<sitemap><loc>https://x.example/sitemap-news.xml</loc><lastmod>2024-05-01T08:00:00+07:00</lastmod></sitemap>'
  )
  const fresh = planSitemaps(articles, [], { site, limit: 10, now: Date.parse('2024-05-02T00:00:00Z') })
  assert.is(fresh.newest, undefined)
  assert.is(xml.parse(renderNewsSitemap(fresh)).urlset.url[0]['news:news']['news:title'], '/2024/05/b/')
})

test('should redirect aliases with _redirects and an HTML page at each old path', async () => {
  assert.is(
    await readFile(join(out, '_redirects'), 'utf8'),
    '/bai-viet/hoi-nghi-lang-nghe/ /2019/10/hoi-nghi-lang-nghe/ 301\n/tin-cu/hoi-nghi-108456.htm /2019/10/hoi-nghi-lang-nghe/ 301\n'
  )
  const page = await readFile(join(out, 'tin-cu/hoi-nghi-108456.htm'), 'utf8')
  assert.match(page, '<link rel="canonical" href="https://fixture.example/2019/10/hoi-nghi-lang-nghe/"/>')
  assert.match(page, '<meta http-equiv="refresh" content="0; url=/2019/10/hoi-nghi-lang-nghe/"/>')
  assert.match(await readFile(join(out, 'bai-viet/hoi-nghi-lang-nghe/index.html'), 'utf8'), 'http-equiv="refresh"')
})

test('should cache fingerprinted files forever and revalidate pages', async () => {
  const headers = await readFile(join(out, '_headers'), 'utf8')
  assert.match(headers, '/*\n  Cache-Control: public, max-age=300, must-revalidate')
  assert.match(headers, '/assets/*\n  ! Cache-Control\n  Cache-Control: public, max-age=31536000, immutable')
  const assets = await readdir(join(out, 'assets'))
  // Decap CMS is a script with chunks beside it: their folder carries the hash.
  assert.ok(
    assets.every((name) => /\.[0-9a-f]{10}(?:\.css|\.js)?$/.test(name)),
    assets.join(', ')
  )
})

test('should name categories from the registry', async () => {
  assert.match(await readPage(out, '/chuyen-muc/thoi-su/'), '<h1>Thời sự</h1>')
})

test('should have no broken internal link (linkinator)', async () => {
  const result = await check({ path: out, recurse: true, linksToSkip: ['^(?!http://localhost)'] })
  const broken = result.links.filter((link) => link.state === 'BROKEN').map((link) => `${link.parent} → ${link.url} (${link.status})`)
  assert.equal(broken, [])
  assert.ok(result.links.length > 50, `checked ${result.links.length} links`)
})

test.run()
