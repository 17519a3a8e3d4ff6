import { cp, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadContent } from '../../../src/content/index.ts'
import { loadUserConfig, renderNewsroomPages, renderWithEleventy } from '../../../src/render/index.ts'
import { checkSite, planSite, type SiteModel } from '../../../src/site/index.ts'
import { contentWith, fixtureSite, removeDir, tempDir, testNow } from '../../helpers/fixtures.ts'

// Pages the newsroom writes go through Eleventy the way an Eleventy site's Markdown does, with the
// newsroom's own configuration; article pages never see that configuration.
const test = suite('renderNewsroomPages')
const assets = { css: '/assets/a.css', articleScript: '/assets/a.js', searchScript: '/assets/s.js', commentsScript: '/assets/c.js' }
let work = ''
let content = ''

async function modelOf(dir: string): Promise<{ model?: SiteModel; problems: string[] }> {
  const { sources, files } = checkSite(await loadContent({ contentDir: dir }))
  const problems = files.flatMap((file) =>
    file.messages.map((message) => `${file.path.slice(dir.length + 1)}:${message.line}:${message.column} ${message.ruleId}`)
  )
  return sources ? { model: planSite(sources, { now: testNow, drafts: false }), problems } : { problems }
}

async function withPage(name: string, text: string): Promise<string> {
  const dir = await contentWith(undefined, { keepSiteArticles: true })
  await mkdir(join(dir, 'pages', name, '..'), { recursive: true })
  await writeFile(join(dir, 'pages', name), text)
  return dir
}

test.before(async () => {
  work = await tempDir('newsroom-pages')
  content = await contentWith(undefined, { keepSiteArticles: true })
  await cp(join(fixtureSite, 'pages'), join(content, 'pages'), { recursive: true })
})

test.after(async () => {
  await removeDir(work)
  await removeDir(content)
})

test('should render each page with the site layout, Liquid before Markdown, and the body sanitised like an article', async () => {
  const { model } = await modelOf(content)
  assert.ok(model)
  const out = join(work, 'plain')
  assert.is(await renderNewsroomPages(model, { outputDir: out, cacheDir: work, assets }), 2)
  const html = await readFile(join(out, 'gioi-thieu', 'index.html'), 'utf8')
  assert.match(html, /^<!doctype html>\n<html lang="vi">/)
  assert.match(html, /<title>Giới thiệu - /)
  assert.match(html, /<meta name="description" content="Về tờ báo và tòa soạn."/)
  assert.match(html, /<link rel="canonical" href="[^"]+\/gioi-thieu\/"/)
  assert.match(html, new RegExp(`<strong>${model.site.title}</strong> là cơ quan`))
  assert.match(html, /<h2 id="tòa-soạn">Tòa soạn<\/h2>/)
  assert.not.match(html, /<script>alert/)
  assert.match(await readFile(join(out, 'lien-he', 'index.html'), 'utf8'), /Gửi tin bài cho tòa soạn/)
})

test("should list footer pages in their order and give the model each page's address", async () => {
  const { model } = await modelOf(content)
  assert.equal(model?.footerLinks, [
    { title: 'Giới thiệu', url: '/gioi-thieu/' },
    { title: 'Liên hệ', url: '/lien-he/' },
  ])
})

test("should apply the newsroom's shortcodes, filters and transforms to its pages and never to article pages", async () => {
  const { model } = await modelOf(await withPage('duong-day-nong.md', '---\ntitle: Đường dây nóng\n---\n\nGọi {% hotline %} — {{ "tòa soạn" | hoa }}\n'))
  assert.ok(model)
  const out = join(work, 'configured')
  const userConfig = {
    eleventy(config: import('../../../src/render/index.ts').EleventyConfig) {
      config.addShortcode('hotline', () => '0237 3852 000')
      config.addFilter('hoa', (text: string) => text.toUpperCase())
      config.addTransform('marker', (html: string) => html.replace('</body>', '<!-- newsroom --></body>'))
    },
  }
  await renderNewsroomPages(model, { outputDir: out, cacheDir: work, assets, userConfig })
  await renderWithEleventy(model, {
    outputDir: out,
    cacheDir: work,
    assets,
    slice: { articles: model.articles.slice(0, 1).map((article) => ({ ...article, bodyHtml: '' })), listings: [] },
  })
  const page = await readFile(join(out, 'duong-day-nong', 'index.html'), 'utf8')
  assert.match(page, /Gọi 0237 3852 000 — TÒA SOẠN/)
  assert.match(page, /<!-- newsroom --><\/body>/)
  const article = await readFile(join(out, (model.articles[0]?.url ?? '').slice(1), 'index.html'), 'utf8')
  assert.not.match(article, /newsroom -->/)
})

test('should report a page whose address is taken, or lies in the archive by date, at the file', async () => {
  const taken = await modelOf(await withPage('tim-kiem.md', '---\ntitle: Tìm\n---\n\nTrang.\n'))
  assert.equal(taken.problems, ['pages/tim-kiem.md:1:1 page-collision'])
  const dated = await modelOf(await withPage('2019/gioi-thieu.md', '---\ntitle: Cũ\n---\n\nTrang.\n'))
  assert.equal(dated.problems, ['pages/2019/gioi-thieu.md:1:1 page-collision'])
})

test('should report front-matter problems of a page at their place', async () => {
  const { problems } = await modelOf(await withPage('sai.md', '---\ntitel: Sai\nfooter: "có"\n---\n\nTrang.\n'))
  assert.equal(problems, ['pages/sai.md:2:1 unknown-key', 'pages/sai.md:2:1 missing-field', 'pages/sai.md:3:9 invalid-field'])
})

test('should load toasoan.config.ts from a folder, and nothing when there is none', async () => {
  const dir = join(work, 'config')
  await mkdir(dir, { recursive: true })
  assert.is(await loadUserConfig(dir), undefined)
  await writeFile(
    join(dir, 'toasoan.config.ts'),
    "export default { eleventy(config: { addFilter(name: string, f: (s: string) => string): void }) { config.addFilter('x', (s) => s) } }\n"
  )
  const loaded = await loadUserConfig(dir)
  assert.is(loaded?.path, join(dir, 'toasoan.config.ts'))
  assert.type(loaded?.config.eleventy, 'function')
})

test.run()
