import { createBodyStore } from '../../../src/content/bodies.ts'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { VFile } from 'vfile'
import { loadRegistries, type ArticleSource, type LoadedArticle, type LoadedContent, type Registries } from '../../../src/content/index.ts'
import { formatProblems } from '../../../src/problems/index.ts'
import { articleUrlOf, checkSite, checkUrls } from '../../../src/site/index.ts'
import { fixtureSite } from '../../helpers/fixtures.ts'

// The site's checks run on what loaded, as plain values: no folder is read but the registries.
const test = suite('checkSite')
let registries: Registries

test.before(async () => {
  const loaded = await loadRegistries(fixtureSite)
  if (!loaded.registries) throw new Error('the fixture registries do not load')
  registries = loaded.registries
})

/** An article of the fixture site's zone (Asia/Ho_Chi_Minh, UTC+7) at `iso`, loaded from `articles/<folder>/<slug>.md`. */
function article(slug: string, iso: string, aliases: string[] = []): ArticleSource {
  const epoch = Date.parse(iso)
  const folder = articleUrlOf({ slug, date: { iso, epoch } }, registries.site.timeZone).slice(1, 8)
  return {
    id: `${folder}/${slug}`,
    sourcePath: `articles/${folder}/${slug}.md`,
    slug,
    title: slug,
    summary: '',
    date: { iso, epoch },
    authors: ['to-phuong'],
    locality: 'tp-thanh-hoa',
    tags: [],
    imageFiles: [],
    leadPlaced: false,
    digest: '',
    draft: false,
    aliases,
  }
}

/** The article with a file of its own, its date on line 3 and its aliases on line 7, one per column 12 + 20·n. */
function loaded(source: ArticleSource): LoadedArticle {
  const at = (line: number, column: number) => ({ start: { line, column }, end: { line, column: column + 1 } })
  return {
    article: source,
    file: new VFile({ path: `/content/${source.sourcePath}` }),
    datePlace: at(3, 7),
    aliasPlaces: source.aliases.map((_, index) => at(7, 12 + 20 * index)),
  }
}

function content(articles: LoadedArticle[], extra: Partial<LoadedContent> = {}): LoadedContent {
  return { registries, articles, pages: [], ...extra }
}

const problemsOf = (articles: readonly LoadedArticle[], pages: LoadedContent['pages'] = []): string =>
  formatProblems([...articles.map((entry) => entry.file), ...pages.map((entry) => entry.file)], '/content')

test('should give an article the URL of its date in the site zone', () => {
  // 20:00 UTC on 31 October is 03:00 on 1 November in Hà Nội.
  assert.is(articleUrlOf(article('muon', '2019-10-31T20:00:00Z'), registries.site.timeZone), '/2019/11/muon/')
  assert.is(articleUrlOf(article('muon', '2019-10-31T20:00:00Z'), 'UTC'), '/2019/10/muon/')
})

test('should report the later of two articles with one URL at its date, and leave its aliases unchecked', () => {
  const first = loaded(article('a', '2019-10-24T09:15:00+07:00'))
  const second = loaded({ ...article('a', '2019-10-25T10:00:00+07:00', ['/tim-kiem/']), sourcePath: 'articles/cu/a.md' })
  checkUrls(content([first, second]))
  assert.is(
    problemsOf([first, second]),
    [
      'articles/cu/a.md:3:7 error Two articles have the URL /2019/10/a/: this one and articles/2019/10/a.md. [duplicate-url]',
      '  hint: Rename one file: the URL is /YYYY/MM/<file name>/ from the date and the file name.',
      '1 error, 0 warnings',
    ].join('\n')
  )
})

test('should hold the URLs of articles loaded only for them, without reporting on them', () => {
  const checked = loaded(article('a', '2019-10-24T09:15:00+07:00'))
  const other = { ...article('a', '2019-10-01T08:00:00+07:00'), sourcePath: 'articles/2019/10/A.md' }
  checkUrls(content([checked], { others: [other] }))
  assert.match(
    problemsOf([checked]),
    'articles/2019/10/a.md:3:7 error Two articles have the URL /2019/10/a/: this one and articles/2019/10/A.md. [duplicate-url]'
  )
  const alone = loaded(article('b', '2019-10-24T09:15:00+07:00'))
  checkUrls(content([alone], { others: [other] }))
  assert.is(problemsOf([alone]), '0 errors, 0 warnings')
})

test('should report aliases at the places they were written, against articles, archives, indexes and each other', () => {
  const older = loaded(article('cu', '2019-10-01T08:00:00+07:00', ['/tin-cu/1.htm']))
  const newer = loaded(article('moi', '2019-10-24T09:15:00+07:00', ['/2019/10/cu/', '/tin-cu/1.htm', '/a/../b.htm', '/2019/10/trang/2/', '/tin-cu/2.htm']))
  checkUrls(content([older, newer]))
  const report = problemsOf([older, newer])
  assert.match(
    report,
    'articles/2019/10/moi.md:7:12 error Alias "/2019/10/cu/" is the address of the article articles/2019/10/cu.md, so it cannot redirect here. [alias-collision]'
  )
  assert.match(
    report,
    'articles/2019/10/moi.md:7:32 error Alias "/tin-cu/1.htm" is the address of an alias of articles/2019/10/cu.md, so it cannot redirect here. [alias-collision]'
  )
  assert.match(report, 'articles/2019/10/moi.md:7:52 error Alias "/a/../b.htm" has the segment "..", which browsers resolve away before asking')
  assert.match(report, 'articles/2019/10/moi.md:7:72 error Alias "/2019/10/trang/2/" is the address of the older page 2 of the archive of 10/2019')
  assert.match(report, /^4 errors, 0 warnings$/m)
})

// `check --changed` loads the other articles for their URLs only: an alias may not take those either.
test('should report an alias at the address of an article loaded only for its URL', () => {
  const other = article('cu', '2019-10-01T08:00:00+07:00')
  const changed = loaded(article('moi', '2019-10-24T09:15:00+07:00', ['/2019/10/cu/']))
  checkUrls(content([changed], { others: [other] }))
  assert.match(
    problemsOf([changed]),
    'articles/2019/10/moi.md:7:12 error Alias "/2019/10/cu/" is the address of the article articles/2019/10/cu.md, so it cannot redirect here. [alias-collision]'
  )
})

test('should report a newsroom page whose address is taken at the top of its file, and keep its address from aliases', () => {
  const page = (sourcePath: string, url: string) => ({
    page: { sourcePath, url, title: url, footer: true, order: 0, body: 'Trang.', bodyLine: 5 },
    file: new VFile({ path: `/content/${sourcePath}` }),
  })
  const pages = [page('pages/tim-kiem.md', '/tim-kiem/'), page('pages/2019/a.md', '/2019/a/'), page('pages/lien-he.md', '/lien-he/')]
  const withAlias = loaded(article('a', '2019-10-24T09:15:00+07:00', ['/lien-he/']))
  checkUrls(content([withAlias], { pages }))
  const report = problemsOf([withAlias], pages)
  assert.match(report, `pages/tim-kiem.md:1:1 error This page's address /tim-kiem/ is the search page. [page-collision]`)
  assert.match(report, `pages/2019/a.md:1:1 error This page's address /2019/a/ is in /2019/, a folder of the archive by date. [page-collision]`)
  assert.match(
    report,
    'articles/2019/10/a.md:7:12 error Alias "/lien-he/" is the address of the page pages/lien-he.md, so it cannot redirect here. [alias-collision]'
  )
  assert.match(report, /^3 errors, 0 warnings$/m)
})

test('should keep the sources only while no file has an error', () => {
  const sources = { registries, articles: [], media: [], comments: [], pages: [], siteImages: {}, bodies: createBodyStore(() => undefined) }
  const clean = loaded(article('a', '2019-10-24T09:15:00+07:00'))
  const kept = checkSite({ sources, files: [clean.file], loaded: content([clean]) })
  assert.is(kept.sources, sources)
  const twin = loaded({ ...article('a', '2019-10-25T10:00:00+07:00'), sourcePath: 'articles/cu/a.md' })
  const first = loaded(article('a', '2019-10-24T09:15:00+07:00'))
  const dropped = checkSite({ sources, files: [first.file, twin.file], loaded: content([first, twin]), reused: 2 })
  assert.is(dropped.sources, undefined)
  assert.is(dropped.reused, 2)
  assert.is(twin.file.messages[0]?.ruleId, 'duplicate-url')
  // Without what loaded (the registries failed), nothing is checked and the result stands.
  const failed = { sources: undefined, files: [new VFile({ path: '/content/site.yml' })] }
  assert.is(checkSite(failed), failed)
})

test.run()
