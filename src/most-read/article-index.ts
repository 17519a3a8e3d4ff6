import type { ContentSources } from '../content/index.ts'
import { compare } from '../shared/compare.ts'
import { articleUrlOf, planLocalities, publishedArticles } from '../site/index.ts'
import { type AliasedArticle, type ArticlePaths, basePathOf, pathsOfArticles } from './article-paths.ts'
import type { RankScopes } from './rank-articles.ts'

/**
 * What `most-read` needs of the content, small enough to read in a second at 100,000 articles:
 * every article that is not a draft (scheduled ones too, left out by date when read), with its URL,
 * title, date, category, district-level place and aliases, and the lists to make.
 */
export interface ArticleIndex {
  /** The content and code it was made from (see `contentStamp`): another stamp means stale. */
  stamp: string
  basePath: string
  /** Newest first, as the site model lists them; drafts left out, scheduled articles kept. */
  articles: AliasedArticle[]
  /** The categories registry's ids (`categories.yml`); without one, those of the published articles. */
  categories?: string[]
  /** The district-level places (the root's children). */
  districts: string[]
}

/** The version of the index's format: an index of another version is stale. */
export const articleIndexVersion = 1

/**
 * The article index of loaded content, as `planSite` would see it at any "now": drafts left out,
 * URLs in the site's zone, each locality's district-level place.
 *
 * @param sources The validated content.
 * @param stamp What the content and code were when it was loaded (see `contentStamp`).
 */
export function indexArticles(sources: Pick<ContentSources, 'registries' | 'articles'>, stamp: string): ArticleIndex {
  const { site, categories, localities: entries } = sources.registries
  const localities = planLocalities(sources)
  const root = entries.find((entry) => entry.parent === undefined)
  // Planned as `planSite` plans them (date, then id), at a "now" after every scheduled article.
  const articles = publishedArticles(sources.articles, { now: Number.POSITIVE_INFINITY })
    .reverse()
    .map((article): AliasedArticle => {
      const district = localities[article.locality]?.district
      return {
        url: articleUrlOf(article, site.timeZone),
        title: article.title,
        published: article.date.epoch,
        ...(article.category === undefined ? {} : { category: article.category }),
        ...(district === undefined ? {} : { district }),
        aliases: article.aliases,
      }
    })
  return {
    stamp,
    basePath: basePathOf(site.baseUrl),
    articles,
    ...(categories === undefined ? {} : { categories: categories.map((entry) => entry.id) }),
    districts: root ? [...(localities[root.id]?.children ?? [])] : [],
  }
}

/**
 * The paths and lists of the articles published at `now`: what `articlePaths` and the site model's
 * categories and places give for the content planned at that time.
 *
 * @param index The article index.
 * @param now Epoch ms: later articles are scheduled, not published.
 */
export function indexedPaths(index: ArticleIndex, now: number): { paths: ArticlePaths; scopes: RankScopes } {
  const published = index.articles.filter((article) => article.published <= now)
  const categories = index.categories ?? [...new Set(published.flatMap((article) => (article.category === undefined ? [] : [article.category])))]
  return {
    paths: pathsOfArticles(published, index.basePath),
    scopes: { categories: [...categories].sort(compare), districts: index.districts },
  }
}

/** One article's line: date, URL, title, category and place (as numbers in the header's tables, -1 for none), aliases. */
type ArticleRow = [published: number, url: string, title: string, category: number, district: number, ...aliases: string[]]

/**
 * The index as text: the stamp alone on the first line (read without the rest), the lists and the
 * string tables on the second, then one JSON array per article. The same index gives the same bytes.
 *
 * @param index The article index.
 */
export function serialiseIndex(index: ArticleIndex): string {
  const table = (values: Iterable<string | undefined>): string[] =>
    [...new Set([...values].filter((value): value is string => value !== undefined))].sort(compare)
  const categoryIds = table(index.articles.map((article) => article.category))
  const districtIds = table(index.articles.map((article) => article.district))
  const categoryAt = new Map(categoryIds.map((id, at) => [id, at]))
  const districtAt = new Map(districtIds.map((id, at) => [id, at]))
  const rows = index.articles.map((article) => {
    const row: ArticleRow = [
      article.published,
      article.url,
      article.title,
      categoryAt.get(article.category ?? '') ?? -1,
      districtAt.get(article.district ?? '') ?? -1,
      ...article.aliases,
    ]
    return JSON.stringify(row)
  })
  const header = {
    basePath: index.basePath,
    ...(index.categories === undefined ? {} : { categories: index.categories }),
    districts: index.districts,
    categoryIds,
    districtIds,
  }
  return `${JSON.stringify({ version: articleIndexVersion, stamp: index.stamp })}\n${JSON.stringify(header)}\n${rows.map((row) => `${row}\n`).join('')}`
}

/**
 * The stamp on an index's first line, if it is an index of this version.
 *
 * @param firstLine The text up to the first line break.
 */
export function stampOfIndex(firstLine: string): string | undefined {
  try {
    const head: unknown = JSON.parse(firstLine)
    if (!isRecord(head) || head.version !== articleIndexVersion || typeof head.stamp !== 'string') return undefined
    return head.stamp
  } catch {
    return undefined
  }
}

/**
 * Reads an index written by {@link serialiseIndex}, a line at a time from the bytes: neither the
 * whole text nor an array of its lines is ever made (at 100,000 articles they were 60 MB more of
 * peak memory than the articles they hold).
 *
 * @param bytes The whole file.
 * @returns The index, or `undefined` when any line is not what the writer writes (cut short, edited).
 */
export function parseIndex(bytes: Buffer): ArticleIndex | undefined {
  let start = 0
  const nextLine = (): string | undefined => {
    const end = bytes.indexOf(10, start)
    // The writer ends every line: bytes after the last line break mean the file was cut short.
    if (end === -1) return undefined
    const line = bytes.toString('utf8', start, end)
    start = end + 1
    return line
  }
  const stamp = stampOfIndex(nextLine() ?? '')
  if (stamp === undefined) return undefined
  try {
    const header: unknown = JSON.parse(nextLine() ?? '')
    if (!isRecord(header) || typeof header.basePath !== 'string' || !isStrings(header.districts)) return undefined
    if (!isStrings(header.categoryIds) || !isStrings(header.districtIds)) return undefined
    if (header.categories !== undefined && !isStrings(header.categories)) return undefined
    const { categoryIds, districtIds } = header
    const articles: AliasedArticle[] = []
    while (start < bytes.length) {
      const line = nextLine()
      const row: unknown = line === undefined ? undefined : JSON.parse(line)
      const article = Array.isArray(row) ? articleOfRow(row, categoryIds, districtIds) : undefined
      if (article === undefined) return undefined
      articles.push(article)
    }
    return {
      stamp,
      basePath: header.basePath,
      articles,
      ...(header.categories === undefined ? {} : { categories: header.categories }),
      districts: header.districts,
    }
  } catch {
    return undefined
  }
}

function articleOfRow(row: unknown[], categoryIds: readonly string[], districtIds: readonly string[]): AliasedArticle | undefined {
  const [published, url, title, category, district, ...aliases] = row
  if (typeof published !== 'number' || typeof url !== 'string' || typeof title !== 'string') return undefined
  if (typeof category !== 'number' || typeof district !== 'number' || !isStrings(aliases)) return undefined
  const categoryId = categoryIds[category]
  const districtId = districtIds[district]
  if ((category !== -1 && categoryId === undefined) || (district !== -1 && districtId === undefined)) return undefined
  return {
    url,
    title,
    published,
    ...(categoryId === undefined ? {} : { category: categoryId }),
    ...(districtId === undefined ? {} : { district: districtId }),
    aliases,
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}
