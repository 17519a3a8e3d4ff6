import type { ArticleSource } from '../content/index.ts'
import { wallClock } from './zone-parts.ts'

/**
 * Every URL the site publishes, in one place: pages link with these and the redirect check knows
 * which paths are taken. Vietnamese path words by default.
 */

const pad = (value: number): string => String(value).padStart(2, '0')

/** `/YYYY/MM/<slug>/` */
export function articleUrl(year: number, month: number, slug: string): string {
  return `/${year}/${pad(month)}/${slug}/`
}

/** Each article's URL by zone, made once per article per process (see {@link articleUrlOf}). */
const urlsByZone = new Map<string, WeakMap<object, string>>()

/**
 * An article's URL: `/YYYY/MM/<slug>/`, the month that of its date in the site's zone (the folder
 * of its id), the slug from its file name. Remembered per article: the site's address checks (twice),
 * the plan and the most-read index each ask for every article's URL: four zone conversions per
 * article and build, 0.2 s each pass at 100,000 articles. A loaded article is never changed after
 * loading; an article made with other values is another object.
 *
 * @param article The article's date and slug.
 * @param timeZone The site's IANA zone.
 */
export function articleUrlOf(article: Pick<ArticleSource, 'date' | 'slug'>, timeZone: string): string {
  let known = urlsByZone.get(timeZone)
  if (known === undefined) {
    known = new WeakMap()
    urlsByZone.set(timeZone, known)
  }
  let url = known.get(article)
  if (url === undefined) {
    const { year, month } = wallClock(article.date.epoch, timeZone)
    url = articleUrl(year, month, article.slug)
    known.set(article, url)
  }
  return url
}

/** `/dia-phuong/<id>/` */
export function localityUrl(id: string): string {
  return `/dia-phuong/${id}/`
}

/** `/tac-gia/<id>/` */
export function authorUrl(id: string): string {
  return `/tac-gia/${id}/`
}

/** `/chuyen-muc/<id>/` */
export function categoryUrl(id: string): string {
  return `/chuyen-muc/${id}/`
}

/** `/YYYY/` */
export function yearUrl(year: number): string {
  return `/${year}/`
}

/** `/YYYY/MM/` */
export function monthUrl(year: number, month: number): string {
  return `/${year}/${pad(month)}/`
}

/** An older page of an index: `<landing>trang/<n>/`, n counted from the oldest. */
export function archivePageUrl(landing: string, page: number): string {
  return `${landing}trang/${page}/`
}

/** The RSS feed of an index: `<landing>feed.xml` (the site feed is `/feed.xml`). */
export function feedUrl(landing: string): string {
  return `${landing}feed.xml`
}

/** The latest-news fragment of a locality, fetched by article pages. */
export function latestFragmentUrl(localityId: string): string {
  return `/tin-moi/${localityId}.html`
}

/** Pages every site has. */
export const fixedUrls = {
  home: '/',
  search: '/tim-kiem/',
  feed: '/feed.xml',
  sitemap: '/sitemap.xml',
  newsSitemap: '/sitemap-news.xml',
  robots: '/robots.txt',
  openSearch: '/opensearch.xml',
  notFound: '/404.html',
} as const

/** Files every build writes that no URL helper names: CDN files and the output folder's marker. */
export const generatedFiles = {
  redirects: '_redirects',
  headers: '_headers',
  /** Marks a folder as toasoan's output, which a build may replace (see `checkOutput`). */
  marker: '.toasoan-output',
} as const

/** Folders the build fills with files whose names it makes up (hashes, numbers): nothing else may go there. */
export const generatedFolders = {
  assets: 'stylesheets and scripts',
  media: 'images',
  pagefind: 'the search index',
  sitemaps: 'sitemaps',
  'tin-moi': 'latest-news fragments',
  admin: 'the web editor (Decap CMS)',
  'doc-nhieu': 'most-read fragments',
  'thoi-tiet': 'weather fragments',
} as const

/**
 * Folders of the output that commands other than `build` write (`toasoan most-read`, `toasoan
 * weather`, hourly): a build keeps them from the live output as they are, or the boxes would be
 * empty until those commands run again.
 */
export const refreshedFolders = ['doc-nhieu', 'thoi-tiet'] as const

/**
 * The file a URL path is written to: `/a/` → `a/index.html`, `/a.xml` → `a.xml`, `/a` → `a/index.html`.
 * Paths from content are checked first (see `aliasOutputPath`); a path that would leave the output
 * folder is a bug, and throws.
 *
 * @param url A URL path starting with `/`.
 */
export function outputPathOf(url: string): string {
  // Asked for every page of every build: most paths have neither an escape nor `..` (0.5 s at 100,000 articles, decoding and splitting each).
  const path = (url.includes('%') ? decodeURI(url) : url).replace(/^\/+/, '')
  if ((path.includes('..') && path.split(/[/\\]/).some((segment) => segment === '..')) || path.includes('\0'))
    throw new Error(`the URL path ${JSON.stringify(url)} would be written outside the output folder`)
  if (path === '' || path.endsWith('/')) return `${path}index.html`
  return /\.[a-z0-9]+$/i.test(path) ? path : `${path}/index.html`
}
