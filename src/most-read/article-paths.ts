import type { SiteModel } from '../site/index.ts'

/** An article as the most-read lists show it and group it. */
export interface ReadArticle {
  url: string
  title: string
  /** Epoch ms of publication: the newer of two equally read articles comes first. */
  published: number
  category?: string
  /** The district-level place its locality lies in. */
  district?: string
}

/** The published articles and every path that reaches one (its URL, `index.html`, its aliases). */
export interface ArticlePaths {
  articles: ReadArticle[]
  /** Normalised path → index in `articles`. */
  byPath: Map<string, number>
  /** The path prefix of the site's base URL (`/tin` for `https://x.vn/tin`), stripped from logged paths. */
  basePath: string
}

/**
 * Indexes the published articles of a site model by every path a reader may have requested them
 * at. Drafts and scheduled articles are not in the model, so they never count.
 *
 * @param model The site model, planned as the build plans it.
 */
export function articlePaths(model: Pick<SiteModel, 'site' | 'articles' | 'localities'>): ArticlePaths {
  return pathsOfArticles(
    model.articles.map((article) => {
      const district = model.localities[article.locality]?.district
      return {
        url: article.url,
        title: article.title,
        published: article.published,
        ...(article.category === undefined ? {} : { category: article.category }),
        ...(district === undefined ? {} : { district }),
        aliases: article.aliases,
      }
    }),
    basePathOf(model.site.baseUrl)
  )
}

/** An article with the old paths that redirect to it, as the article index keeps it. */
export interface AliasedArticle extends ReadArticle {
  aliases: readonly string[]
}

/**
 * Indexes articles by every path that reaches one: its URL and its aliases (normalised).
 *
 * @param articles The published articles, newest first (as the site model lists them).
 * @param basePath The path of the site's base URL (see {@link basePathOf}).
 */
export function pathsOfArticles(articles: readonly AliasedArticle[], basePath: string): ArticlePaths {
  const listed: ReadArticle[] = []
  const byPath = new Map<string, number>()
  for (const { aliases, ...article } of articles) {
    const index = listed.length
    listed.push(article)
    byPath.set(article.url, index)
    // An alias is a redirect: a reader who followed it is counted once, at the article (a 301
    // logged for the alias is not a 200), but an old link served as a page still counts.
    for (const alias of aliases) byPath.set(normalisePath(alias, ''), index)
  }
  return { articles: listed, byPath, basePath }
}

/**
 * The path prefix of a base URL, stripped from logged paths: `/tin` for `https://x.vn/tin/`, `''`
 * at a domain's root.
 *
 * @param baseUrl The site's base URL.
 */
export function basePathOf(baseUrl: string): string {
  return new URL(baseUrl).pathname.replace(/\/+$/, '')
}

/**
 * The article a logged path names, if any: the query string and fragment dropped, percent-escapes
 * decoded (as NFC), the base path stripped, `index.html` and a missing trailing slash forgiven.
 *
 * @param paths From {@link articlePaths}.
 * @param raw The path as logged.
 */
export function articleOfPath(paths: ArticlePaths, raw: string): number | undefined {
  if (raw === '' || raw === '-') return undefined
  // Most logged paths are an article's URL as it is, or with a query string: looked up first as
  // written (what normalisePath would make of a URL of the index, under no base path).
  if (paths.basePath === '') {
    const query = raw.indexOf('?')
    const exact = paths.byPath.get(query === -1 ? raw : raw.slice(0, query))
    if (exact !== undefined) return exact
  }
  const path = normalisePath(raw, paths.basePath)
  return paths.byPath.get(path) ?? (path.endsWith('/') ? undefined : paths.byPath.get(`${path}/`))
}

/**
 * A path as the index keys it.
 *
 * @param raw A logged path, an alias or a full URL.
 * @param basePath The site's base path, stripped when the path starts with it.
 */
export function normalisePath(raw: string, basePath: string): string {
  let path = raw
  if (/^https?:\/\//i.test(path)) {
    try {
      path = new URL(path).pathname
    } catch {
      return path
    }
  }
  const end = path.search(/[?#]/)
  if (end !== -1) path = path.slice(0, end)
  if (path.includes('%')) {
    try {
      path = decodeURI(path)
    } catch {
      // A malformed escape is left as written: it names no article.
    }
  }
  if (/[^\x20-\x7e]/.test(path)) path = path.normalize('NFC')
  path = path.replace(/\/{2,}/g, '/')
  if (basePath !== '' && (path === basePath || path.startsWith(`${basePath}/`))) path = path.slice(basePath.length) || '/'
  if (path.endsWith('/index.html')) path = path.slice(0, -'index.html'.length)
  return path
}
