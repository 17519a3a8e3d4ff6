import { cp, readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { build } from '../../src/pipeline/build.ts'
import { builtFixture, builtFixtureCache } from '../helpers/built-fixture.ts'
import { exists, fixtureSite, removeDir, tempDir, testNow } from '../helpers/fixtures.ts'
import { jsonLdOf, metaContent, readPage } from '../helpers/html.ts'

const test = suite('build')
const silent = (): void => {}
/** The fixture site's output, built once for the test process: read, never written. */
let outDir = ''
/** This suite's builds, from a copy of that build's cache. */
let work = ''
let cacheDir = ''

test.before(async () => {
  outDir = await builtFixture()
  work = await tempDir('build')
  cacheDir = join(work, 'cache')
  await cp(await builtFixtureCache(), cacheDir, { recursive: true })
})

test.after(async () => {
  await removeDir(work)
})

test('should write a page per published article, a 404 page, the stylesheet and media', async () => {
  const files = (await readdir(outDir, { recursive: true })).map((file) => file.split('\\').join('/')).sort()
  assert.ok(files.includes('2019/10/hoi-nghi-lang-nghe/index.html'))
  assert.ok(files.includes('2020/03/hai-tac-gia-va-dinh-chinh/index.html'))
  assert.ok(files.includes('2024/05/tieu-de-co-the-script/index.html'))
  assert.ok(files.includes('404.html'))
  assert.ok(files.some((file) => /^assets\/site\.[0-9a-f]{10}\.css$/.test(file)))
  for (const extension of ['avif', 'webp', 'jpg'])
    assert.ok(
      files.some((file) => new RegExp(`^media/[0-9a-f]{2}/hoi-truong-320\\.[0-9a-f]{10}\\.${extension}$`).test(file)),
      extension
    )
  assert.not.ok(
    files.some((file) => file.endsWith('hoi-truong.jpg')),
    'originals (with their metadata) are never published'
  )
})

test('should leave out drafts and future-dated articles', async () => {
  assert.not.ok(await exists(join(outDir, '2024/05/ban-nhap/index.html')))
  assert.not.ok(await exists(join(outDir, '2031/01/hen-gio/index.html')))
})

test('should render figures as responsive pictures with caption and credit', async () => {
  const html = await readPage(outDir, '/2019/10/hoi-nghi-lang-nghe/')
  const sizes = 'sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)"'
  assert.match(
    html,
    new RegExp(
      '<div class="article__body"><p>[^<]*</p>\\n<figure class="lead-figure"><picture>' +
        `<source type="image/avif" srcset="/media/[0-9a-f]{2}/hoi-truong-320\\.[0-9a-f]{10}\\.avif 320w" ${sizes.replace(/[()]/g, '\\$&')}>` +
        `<source type="image/webp" srcset="/media/[0-9a-f]{2}/hoi-truong-320\\.[0-9a-f]{10}\\.webp 320w" ${sizes.replace(/[()]/g, '\\$&')}>` +
        `<img src="/media/[0-9a-f]{2}/hoi-truong-320\\.[0-9a-f]{10}\\.jpg" srcset="[^"]+" ${sizes.replace(/[()]/g, '\\$&')} alt="Hội trường phường đông kín người dự" width="320" height="200" fetchpriority="high" decoding="async">` +
        '</picture><figcaption>Người dân dự hội nghị tại hội trường phường\\. <span class="credit">Ảnh: Tố Phương</span></figcaption></figure>'
    ),
    'the lead image opens the body: eager, high priority'
  )
  assert.match(
    html,
    /<figure><picture>.*<img src="\/media\/[0-9a-f]{2}\/bieu-quyet-300\.[0-9a-f]{10}\.jpg"[^>]* alt="Đại biểu giơ tay biểu quyết" width="300" height="400" loading="lazy" decoding="async"><\/picture><figcaption>Các đại biểu biểu quyết thông qua kiến nghị\.<\/figcaption><\/figure>/
  )
  assert.is((html.match(/class="lead-figure"/g) ?? []).length, 1, 'the body places the lead image, so it is not repeated on top')
})

test('should print the byline with every author and the date in the site time zone', async () => {
  const html = await readPage(outDir, '/2019/10/hoi-nghi-lang-nghe/')
  assert.match(html, '<a rel="author" href="/tac-gia/to-phuong/">Tố Phương</a>')
  assert.match(html, '<time class="byline__date" datetime="2019-10-24T09:15:00+07:00">Thứ năm, 24/10/2019 - 09:15</time>')
  assert.match(html, 'Tố Phương</a></span></span> <span class="byline__sep" aria-hidden="true">·</span> <time', 'author and date apart')
  const two = await readPage(outDir, '/2020/03/hai-tac-gia-va-dinh-chinh/')
  assert.match(two, /Minh Đức<\/a><\/span><span>, <a rel="author" href="\/tac-gia\/lan-anh\/">Lan Anh<\/a>/)
  assert.match(two, 'Cập nhật: <time datetime="2020-03-06T10:30:00+07:00">Thứ sáu, 06/03/2020 - 10:30</time>')
  assert.match(two, '<strong>Đính chính:</strong> Bản trước ghi sai chiều dài tuyến đường; con số đúng là 12 km.')
})

test('should keep an explicit offset', async () => {
  const html = await readPage(outDir, '/2024/05/tieu-de-co-the-script/')
  assert.match(html, 'datetime="2024-05-01T08:00:00+07:00">Thứ tư, 01/05/2024 - 08:00</time>')
})

test('should give the page lang, canonical, Open Graph and a NewsArticle JSON-LD', async () => {
  const html = await readPage(outDir, '/2020/03/hai-tac-gia-va-dinh-chinh/')
  assert.match(html, /^<!doctype html>\n<html lang="vi">/)
  assert.match(html, '<link rel="canonical" href="https://fixture.example/2020/03/hai-tac-gia-va-dinh-chinh/"/>')
  assert.is(metaContent(html, 'og:type'), 'article')
  assert.is(metaContent(html, 'og:locale'), 'vi_VN')
  assert.is(metaContent(html, 'article:published_time'), '2020-03-05T00:00:00+07:00')
  assert.is(metaContent(html, 'robots'), 'max-image-preview:large')
  assert.is(metaContent(html, 'twitter:card'), 'summary_large_image')
  assert.match(metaContent(html, 'og:image') ?? '', /^https:\/\/fixture\.example\/media\/[0-9a-f]{2}\/duong-lien-xa-400\.[0-9a-f]{10}\.jpg$/)
  const [data] = jsonLdOf(html) as Array<Record<string, unknown>>
  assert.ok(data)
  assert.is(data['@type'], 'NewsArticle')
  assert.is(data['headline'], 'Hoằng Hóa mở rộng đường liên xã')
  assert.is(data['datePublished'], '2020-03-05T00:00:00+07:00')
  assert.is(data['dateModified'], '2020-03-06T10:30:00+07:00')
  assert.equal(data['author'], [
    { '@type': 'Person', name: 'Minh Đức', url: 'https://fixture.example/tac-gia/minh-duc/' },
    { '@type': 'Person', name: 'Lan Anh', url: 'https://example.org/lan-anh' },
  ])
  assert.equal((data['publisher'] as Record<string, unknown>)['name'], 'Báo Thử Nghiệm điện tử')
  assert.equal(
    (data['image'] as Array<{ width: number; height: number }>).map((image) => [image.width, image.height]),
    [
      [400, 225],
      [320, 240],
      [240, 240],
    ],
    'the lead cut to 16:9, 4:3 and 1:1'
  )
})

test('should escape a title and summary containing markup, and sanitise raw HTML in the body', async () => {
  const html = await readPage(outDir, '/2024/05/tieu-de-co-the-script/')
  assert.match(html, `<h1 class="article__title">Cảnh giác với &lt;script>alert('x')&lt;/script> trong tin nhắn lừa đảo</h1>`)
  assert.match(html, '<title>Cảnh giác với &lt;script>')
  const [data] = jsonLdOf(html) as Array<Record<string, unknown>>
  assert.is(data?.['headline'], "Cảnh giác với <script>alert('x')</script> trong tin nhắn lừa đảo")
  assert.not.match(html, '<script>alert')
  assert.not.match(html, 'document.write')
  assert.not.match(html, 'onerror')
  const scripts = html.match(/<script[^>]*>/g) ?? []
  assert.equal(
    scripts.map((tag) => tag.replace(/\.[0-9a-f]{10}\.js/, '.js')),
    [
      '<script type="application/ld+json">',
      '<script type="application/ld+json">',
      '<script type="module" src="/assets/article.js">',
      '<script type="module" src="/assets/comments.js">',
    ],
    'only the JSON-LD and our own fingerprinted scripts'
  )
})

test('should keep embeds from allowed hosts and mark external links', async () => {
  const embed = await readPage(outDir, '/2020/03/hai-tac-gia-va-dinh-chinh/')
  assert.match(
    embed,
    '<iframe src="https://www.youtube-nocookie.com/embed/abc123" title="Phóng sự công trình" width="560" height="315" allowfullscreen></iframe>'
  )
  const links = await readPage(outDir, '/2019/10/hoi-nghi-lang-nghe/')
  assert.match(links, '<a href="https://example.org/quy-dinh" rel="noopener">quy định mới</a>')
  assert.match(links, '<h2 id="những-kiến-nghị-chính">Những kiến nghị chính</h2>')
})

test('should link the locality kicker, "Xem thêm" and related articles published before', async () => {
  const html = await readPage(outDir, '/2024/05/tieu-de-co-the-script/')
  assert.match(
    html,
    '<li><a href="/dia-phuong/thanh-hoa/">Thanh Hóa</a></li><li><a href="/dia-phuong/tp-thanh-hoa/">TP. Thanh Hóa</a></li><li><a href="/dia-phuong/dien-bien/">Phường Điện Biên</a></li>'
  )
  assert.match(html, '<a href="/dia-phuong/dien-bien/">Xem thêm Phường Điện Biên</a>')
  assert.match(html, /<h2 id="tin-lien-quan">Tin liên quan<\/h2><ul><li><a href="\/2019\/10\/hoi-nghi-lang-nghe\/">/)
  const oldest = await readPage(outDir, '/2019/10/hoi-nghi-lang-nghe/')
  assert.not.match(oldest, 'Tin liên quan', 'nothing was published before the oldest article')
})

test('should give share links that work without JavaScript', async () => {
  const html = await readPage(outDir, '/2019/10/hoi-nghi-lang-nghe/')
  const url = encodeURIComponent('https://fixture.example/2019/10/hoi-nghi-lang-nghe/')
  assert.match(html, `href="https://www.facebook.com/sharer/sharer.php?u=${url}"`)
  assert.match(html, `href="https://zalo.me/share?url=${url}"`)
  assert.match(html, 'href="mailto:?subject=')
})

test('should list articles on the home, locality and author pages', async () => {
  const home = await readPage(outDir, '/')
  assert.match(home, /<article class="front-lead">.*<a href="\/2024\/05\/tieu-de-co-the-script\/">/)
  assert.match(await readPage(outDir, '/dia-phuong/thanh-hoa/'), '<a href="/dia-phuong/tp-thanh-hoa/">TP. Thanh Hóa</a> <span class="count">(2 bài)</span>')
  const ward = await readPage(outDir, '/dia-phuong/dien-bien/')
  assert.match(ward, '<h1>Phường Điện Biên</h1>')
  const city = await readPage(outDir, '/dia-phuong/tp-thanh-hoa/')
  assert.match(city, '<a href="/2019/10/hoi-nghi-lang-nghe/">', 'a city lists the articles of its wards')
  const author = await readPage(outDir, '/tac-gia/lan-anh/')
  assert.match(author, '<a href="/2020/03/hai-tac-gia-va-dinh-chinh/">')
  assert.not.match(author, 'hoi-nghi-lang-nghe')
  const empty = await readPage(outDir, '/dia-phuong/hoang-hoa/')
  assert.match(empty, 'Hoằng Hóa mở rộng đường liên xã')
})

test('should mark up the publisher on the front page and the breadcrumbs of an article as JSON-LD', async () => {
  const home = await readPage(outDir, '/')
  const [organization] = jsonLdOf(home) as Array<Record<string, unknown>>
  const logo = (organization?.['logo'] as { url: string } | undefined)?.url ?? ''
  assert.match(logo, /^https:\/\/fixture\.example\/media\/[0-9a-f]{2}\/logo-bao-600\.[0-9a-f]{10}\.png$/)
  const { width, format } = await sharp(join(outDir, new URL(logo).pathname)).metadata()
  assert.equal([width, format], [600, 'png'], 'the logo is published from content/media')
  assert.equal(organization, {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: 'Báo Thử Nghiệm điện tử',
    url: 'https://fixture.example/',
    logo: { '@type': 'ImageObject', url: logo },
    sameAs: ['https://www.facebook.com/baothunghiem'],
  })
  const article = await readPage(outDir, '/2024/05/tieu-de-co-the-script/')
  const [news, breadcrumbs] = jsonLdOf(article) as Array<Record<string, unknown>>
  assert.equal((news?.['publisher'] as Record<string, unknown> | undefined)?.['logo'], { '@type': 'ImageObject', url: logo })
  assert.is(breadcrumbs?.['@type'], 'BreadcrumbList')
  const items = breadcrumbs?.['itemListElement'] as Array<{ position: number; name: string; item: string }>
  const visible = [...(/<nav class="kicker"[^>]*>(.*?)<\/nav>/.exec(article)?.[1] ?? '').matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((match) => ({
    item: `https://fixture.example${match[1]}`,
    name: match[2],
  }))
  assert.equal(
    items.map(({ item, name }) => ({ item, name })),
    visible,
    'the same trail as the visible breadcrumbs'
  )
  assert.equal(
    items.map((entry) => entry.position),
    [1, 2, 3]
  )
})

test('should give every page Open Graph and a Twitter card, articles their own', async () => {
  const home = await readPage(outDir, '/')
  assert.is(metaContent(home, 'og:type'), 'website')
  assert.is(metaContent(home, 'og:url'), 'https://fixture.example/')
  assert.match(metaContent(home, 'og:image') ?? '', /^https:\/\/fixture\.example\/media\/[0-9a-f]{2}\/logo-bao-600\.[0-9a-f]{10}\.png$/)
  assert.is(metaContent(home, 'twitter:site'), '@baothunghiem')
  const section = await readPage(outDir, '/chuyen-muc/thoi-su/')
  assert.is(metaContent(section, 'og:title'), 'Thời sự - Báo Thử Nghiệm')
  const article = await readPage(outDir, '/2020/03/hai-tac-gia-va-dinh-chinh/')
  assert.is(metaContent(article, 'og:type'), 'article')
  assert.is(article.match(/property="og:type"/g)?.length, 1, 'one card per page')
  assert.is(metaContent(article, 'twitter:site'), '@baothunghiem')
  assert.ok((metaContent(article, 'twitter:image:alt') ?? '').length > 0)
})

test("should link a favicon and a home-screen icon made from site.yml's icon", async () => {
  const home = await readPage(outDir, '/')
  const icons = [...home.matchAll(/<link rel="(icon|apple-touch-icon)"(?: type="image\/png")?(?: sizes="(\d+)x\d+")? href="([^"]+)"/g)].map((match) => ({
    rel: match[1],
    sizes: match[2],
    href: match[3] ?? '',
  }))
  assert.equal(
    icons.map((icon) => [icon.rel, icon.sizes]),
    [
      ['icon', '32'],
      ['icon', '192'],
      ['apple-touch-icon', undefined],
    ]
  )
  for (const [index, size] of [32, 192, 180].entries()) {
    const href = icons[index]?.href ?? ''
    assert.match(href, /^\/media\/[0-9a-f]{2}\/bieu-tuong-icon-\d+\.[0-9a-f]{10}\.png$/)
    const { width, height, format } = await sharp(join(outDir, href)).metadata()
    assert.equal([width, height, format], [size, size, 'png'])
  }
})

test('should mark the current section in the header, and open "Địa phương" without JavaScript', async () => {
  const article = await readPage(outDir, '/2019/10/hoi-nghi-lang-nghe/')
  const nav = /<nav class="site-nav"[^>]*>(.*?)<\/nav>/.exec(article)?.[1] ?? ''
  assert.match(
    nav,
    /<details><summary class="is-current">Địa phương<\/summary><ul class="site-nav__menu">.*<a href="\/dia-phuong\/tp-thanh-hoa\/" aria-current="true">TP\. Thanh Hóa<\/a>/
  )
  assert.match(nav, '<a href="/dia-phuong/hoang-hoa/">Huyện Hoằng Hóa</a>', 'every district-level place, from the registry')
  assert.match(nav, '<a href="/chuyen-muc/thoi-su/" aria-current="true">Thời sự</a>', 'the article is in this section')
  const section = await readPage(outDir, '/chuyen-muc/thoi-su/')
  assert.match(section, '<a href="/chuyen-muc/thoi-su/" aria-current="page">Thời sự</a>')
  assert.match(await readPage(outDir, '/'), '<a class="site-title" href="/" aria-current="page">')
})

test('should open a category page with its newest story and say place kinds in sentence case', async () => {
  const section = await readPage(outDir, '/chuyen-muc/thoi-su/')
  assert.match(
    section,
    /<div class="index-lead"><article class="front-lead">.*<h2 class="front-lead__title"><a href="\/2020\/03\/hai-tac-gia-va-dinh-chinh\/">/
  )
  assert.not.match(section, '<h2 class="teaser__title"><a href="/2020/03/hai-tac-gia-va-dinh-chinh/">', 'the lead is not listed again')
  assert.match(await readPage(outDir, '/dia-phuong/tp-thanh-hoa/'), '<p class="index__kind">Thành phố</p>')
})

test('should rebuild byte-identically', async () => {
  const again = join(work, 'again')
  await build({ contentDir: fixtureSite, outDir: again, cacheDir, now: testNow, log: silent })
  for (const file of await readdir(outDir, { recursive: true })) {
    const path = join(outDir, file)
    if ((await stat(path)).isFile()) assert.ok((await readFile(path)).equals(await readFile(join(again, file))), file)
  }
})

test('should include drafts and scheduled articles with drafts: true', async () => {
  const preview = join(work, 'drafts')
  await build({ contentDir: fixtureSite, outDir: preview, cacheDir, now: testNow, log: silent, drafts: true })
  assert.ok(await exists(join(preview, '2024/05/ban-nhap/index.html')))
  assert.ok(await exists(join(preview, '2031/01/hen-gio/index.html')))
})

test('should override the base URL', async () => {
  const preview = join(work, 'preview')
  await build({
    contentDir: fixtureSite,
    outDir: preview,
    cacheDir,
    now: testNow,
    log: silent,
    baseUrl: 'https://preview.example/',
  })
  const html = await readPage(preview, '/2019/10/hoi-nghi-lang-nghe/')
  assert.match(html, '<link rel="canonical" href="https://preview.example/2019/10/hoi-nghi-lang-nghe/"/>')
})

test.run()
