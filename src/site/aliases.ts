import type { Position } from 'unist'
import type { LoadedArticle, LoadedPage, Registries } from '../content/index.ts'
import { report } from '../problems/report.ts'
import { aliasOutputPath } from './alias-path.ts'
import { authorUrl, categoryUrl, feedUrl, fixedUrls, generatedFiles, generatedFolders, localityUrl, monthUrl, outputPathOf } from './urls.ts'

/**
 * What the output already holds: files, the folders above them, and folders the build fills itself;
 * the articles' pages are looked up by URL instead (`articles`), not listed with their folders: at
 * 100,000 articles listing them took most of a second of every build, to check a few aliases.
 */
interface TakenPaths {
  files: Map<string, string>
  folders: Map<string, string>
  /** Each article's URL and its file. */
  articles: ReadonlyMap<string, string>
  /** Landing pages of paginated indexes, whose numbered pages `<landing>trang/<n>/` come and go. */
  landings: Map<string, string>
}

/**
 * Reports aliases that cannot be written: one whose path is malformed or leaves the output folder
 * (`invalid-alias`), and one that would overwrite, or be overwritten by, a file the build writes
 * or another alias (`alias-collision`): a page, a feed, a sitemap, a CDN file, a numbered page,
 * anything in a folder the build fills (`/media/`, `/assets/`…). Each is reported at the alias.
 * Newsroom pages are checked the same way first (`page-collision`), and may not lie in the
 * archive's year folders.
 *
 * @param loaded Articles with their files and alias positions, each URL taken once.
 * @param registries For the URLs of locality, author and category pages.
 * @param articles Every article's URL and the file it comes from (those of `loaded` among them).
 * @param pages The newsroom's pages.
 */
export function checkAliases(
  loaded: readonly LoadedArticle[],
  registries: Registries,
  articles: ReadonlyMap<string, string>,
  pages: readonly LoadedPage[] = []
): void {
  const taken = takenPaths(loaded, registries, articles)
  // The newsroom's pages come next: an alias may not take their address either.
  for (const { page, file } of pages) {
    const path = outputPathOf(page.url)
    const year = /^(\d+)\//.exec(path)?.[1]
    const other = year !== undefined ? `in /${year}/, a folder of the archive by date` : collision(path, taken)
    if (other !== undefined) report(file, 'page-collision', { url: page.url, other }, { line: 1, column: 1 })
    else take(taken, path, `the page ${page.sourcePath}`)
  }
  for (const { article, file, aliasPlaces } of loaded) {
    for (const [index, alias] of article.aliases.entries()) {
      const place: Position | undefined = aliasPlaces[index]
      const checked = aliasOutputPath(alias)
      if ('reason' in checked) {
        report(file, 'invalid-alias', { alias, reason: checked.reason }, place)
        continue
      }
      const other = collision(checked.path, taken)
      if (other !== undefined) report(file, 'alias-collision', { alias, other }, place)
      else take(taken, checked.path, `an alias of ${article.sourcePath}`)
    }
  }
}

const fixedPages: Record<keyof typeof fixedUrls, string> = {
  home: 'the home page',
  search: 'the search page',
  feed: `the site's feed ${fixedUrls.feed}`,
  sitemap: `the sitemap index ${fixedUrls.sitemap}`,
  newsSitemap: `the news sitemap ${fixedUrls.newsSitemap}`,
  robots: `the file ${fixedUrls.robots}`,
  openSearch: `the search description ${fixedUrls.openSearch}`,
  notFound: `the "not found" page ${fixedUrls.notFound}`,
}

/** Every path the build writes that content can know of before the site is planned. */
function takenPaths(loaded: readonly LoadedArticle[], registries: Registries, articles: ReadonlyMap<string, string>): TakenPaths {
  const taken: TakenPaths = {
    files: new Map(),
    folders: new Map(Object.entries(generatedFolders).map(([folder, what]) => [folder, `the folder /${folder}/, where the build publishes ${what}`])),
    articles,
    landings: new Map(),
  }
  const page = (url: string, what: string, landing = false): void => {
    take(taken, outputPathOf(url), what)
    if (landing) taken.landings.set(outputPathOf(url), what)
  }
  for (const [name, url] of Object.entries(fixedUrls)) page(url, fixedPages[name as keyof typeof fixedUrls])
  for (const path of Object.values(generatedFiles)) take(taken, path, `the file /${path}`)
  for (const locality of registries.localities) {
    page(localityUrl(locality.id), `the locality page of "${locality.id}"`, true)
    page(feedUrl(localityUrl(locality.id)), `the feed of "${locality.id}"`)
  }
  for (const author of registries.authors) {
    page(authorUrl(author.id), `the author page of "${author.id}"`, true)
    page(feedUrl(authorUrl(author.id)), `the feed of "${author.id}"`)
  }
  for (const category of registries.categories ?? []) {
    page(categoryUrl(category.id), `the category page of "${category.id}"`, true)
    page(feedUrl(categoryUrl(category.id)), `the feed of "${category.id}"`)
  }
  // Archives and categories are shared by many articles: each is taken once (100,000 articles,
  // a few hundred months).
  const months = new Set<string>()
  for (const url of articles.keys()) {
    const month = url.slice(0, url.indexOf('/', url.indexOf('/', 1) + 1) + 1)
    if (months.has(month)) continue
    months.add(month)
    const [, year, number] = month.split('/')
    page(`/${year}/`, `the archive of ${year}`)
    page(monthUrl(Number(year), Number(number)), `the archive of ${number}/${year}`, true)
  }
  const categories = new Set<string>()
  for (const { article } of loaded) {
    if (article.category === undefined || categories.has(article.category)) continue
    categories.add(article.category)
    page(categoryUrl(article.category), `the category page of "${article.category}"`, true)
    page(feedUrl(categoryUrl(article.category)), `the feed of "${article.category}"`)
  }
  return taken
}

/** The article whose page is `path` (`YYYY/MM/<slug>/index.html`), or whose folder it is. */
function articleAt(path: string, taken: TakenPaths): string | undefined {
  const match = /^(\d{4}\/\d{2}\/[^/]+)(\/index\.html)?$/.exec(path)
  const source = match?.[1] === undefined ? undefined : taken.articles.get(`/${match[1]}/`)
  if (source === undefined) return undefined
  return match?.[2] === undefined ? `the folder of the article ${source}` : `the article ${source}`
}

/** Records a file and the folders above it; the first owner of a path is kept. */
function take(taken: TakenPaths, path: string, what: string): void {
  if (!taken.files.has(path)) taken.files.set(path, what)
  // Each folder above the file, cut at each slash: splitting the path and joining the parts again
  // for each folder took twice as long (0.24 s against 0.12 s for 100,000 articles).
  for (let end = path.indexOf('/'); end !== -1; end = path.indexOf('/', end + 1)) {
    const folder = path.slice(0, end)
    if (!taken.folders.has(folder)) taken.folders.set(folder, `the folder of ${what}`)
  }
}

/** What a new file at `path` would clash with: the same file, a file where it needs a folder, a folder where it would be a file, or a numbered page. */
function collision(path: string, taken: TakenPaths): string | undefined {
  const same = taken.files.get(path) ?? taken.folders.get(path) ?? articleAt(path, taken)
  if (same !== undefined) return same
  const segments = path.split('/')
  for (let end = 1; end < segments.length; end++) {
    const above = segments.slice(0, end).join('/')
    const file = taken.files.get(above) ?? (above.endsWith('/index.html') ? articleAt(above, taken) : undefined)
    // `/_headers` is written `_headers/index.html`: the same address as the file, not a path under it.
    if (file !== undefined) return path === `${above}/index.html` ? file : `a path under ${file}, which is a file`
    const generated = generatedFolders[above as keyof typeof generatedFolders]
    if (end === 1 && generated !== undefined) return `the folder /${above}/, where the build publishes ${generated}`
  }
  const numbered = /^(.*\/)?trang\/(\d+)\/index\.html$/.exec(path)
  const landing = numbered && taken.landings.get(`${numbered[1] ?? ''}index.html`)
  return landing ? `the older page ${numbered[2]} of ${landing}` : undefined
}
