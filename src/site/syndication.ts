import { rfc822InZone } from './zone-parts.ts'
import type { ArticleModel, AuthorModel, CategoryModel, Feed, FeedItem, LatestFragment, LocalityModel, SiteInfo, Sitemaps } from './model.ts'
import { feedUrl, fixedUrls, latestFragmentUrl } from './urls.ts'

/** Items per feed. */
export const feedLength = 50

/**
 * Makes site paths in rendered HTML absolute, for feed readers that show it out of context. Our
 * HTML comes from rehype-stringify, which always double-quotes attributes.
 *
 * @param html Rendered body HTML.
 * @param baseUrl The site's origin and prefix, no trailing slash.
 */
export function absolutizeHtml(html: string, baseUrl: string): string {
  return html
    .replace(/(\s(?:href|src)=")\/(?!\/)/g, `$1${baseUrl}/`)
    .replace(/(\ssrcset=")([^"]*)"/g, (_, attribute: string, list: string) => `${attribute}${list.replace(/(^|,\s*)\/(?!\/)/g, `$1${baseUrl}/`)}"`)
}

/**
 * Plans the RSS feeds: the whole site, each locality with the places under it, each author and
 * each category.
 *
 * @param articles Published articles, newest first.
 * @param byLocality Articles per locality, descendants included, newest first.
 * @param context Site settings and registries.
 */
export function planFeeds(
  articles: readonly ArticleModel[],
  byLocality: ReadonlyMap<string, ArticleModel[]>,
  context: { site: SiteInfo; localities: Record<string, LocalityModel>; authors: Record<string, AuthorModel>; categories: Record<string, CategoryModel> }
): Feed[] {
  const { site } = context
  const items = new Map<string, FeedItem>()
  const itemOf = (article: ArticleModel): FeedItem => {
    let item = items.get(article.url)
    if (!item) {
      item = {
        link: `${site.baseUrl}${article.url}`,
        title: article.title,
        description: article.summary,
        pubDate: rfc822InZone(article.published, site.timeZone),
        creators: article.authors.map((id) => context.authors[id]?.name ?? id),
        categories: [context.localities[article.locality]?.name ?? article.locality, ...article.tags],
        article: article.id,
        digest: article.digest,
      }
      const lead = article.lead
      if (lead) item.enclosure = { url: `${site.baseUrl}${lead.set.social.url}`, type: mimeOf(lead.set.social.url) }
      items.set(article.url, item)
    }
    return item
  }
  const feed = (url: string, title: string, link: string, list: readonly ArticleModel[]): Feed => {
    const latest = list.slice(0, feedLength)
    const result: Feed = { url, title, link: `${site.baseUrl}${link}`, description: site.description, language: site.language, items: latest.map(itemOf) }
    if (latest[0]) result.lastBuildDate = rfc822InZone(latest[0].published, site.timeZone)
    return result
  }
  // One pass over the archive: each feed needs only its newest articles.
  const byAuthor = new Map<string, ArticleModel[]>()
  const byCategory = new Map<string, ArticleModel[]>()
  const add = (map: Map<string, ArticleModel[]>, id: string, article: ArticleModel): void => {
    const list = map.get(id) ?? []
    if (list.length < feedLength) list.push(article)
    map.set(id, list)
  }
  for (const article of articles) {
    for (const id of article.authors) add(byAuthor, id, article)
    if (article.category !== undefined) add(byCategory, article.category, article)
  }
  return [
    feed(fixedUrls.feed, site.title, '/', articles),
    ...Object.values(context.localities).map((locality) =>
      feed(feedUrl(locality.url), `${locality.name} - ${site.title}`, locality.url, byLocality.get(locality.id) ?? [])
    ),
    ...Object.values(context.authors).map((author) => feed(author.feed, `${author.name} - ${site.title}`, author.url, byAuthor.get(author.id) ?? [])),
    ...Object.values(context.categories).map((category) =>
      feed(category.feed, `${category.name} - ${site.title}`, category.url, byCategory.get(category.id) ?? [])
    ),
  ]
}

/**
 * Plans the latest-news fragment of every locality: its five newest articles.
 *
 * @param byLocality Articles per locality, newest first.
 * @param localities The localities.
 */
export function planFragments(byLocality: ReadonlyMap<string, ArticleModel[]>, localities: Record<string, LocalityModel>): LatestFragment[] {
  return Object.values(localities).map((locality) => ({
    url: latestFragmentUrl(locality.id),
    locality: locality.id,
    articles: (byLocality.get(locality.id) ?? []).slice(0, 5).map((article) => ({ url: article.url, title: article.title, date: article.date })),
  }))
}

/** How long an article stays in the news sitemap after it is published: Google News reads two days. */
export const newsWindowMs = 2 * 24 * 60 * 60 * 1000

/**
 * Plans the sitemaps. Articles come first, oldest first, so adding an article changes only the
 * last article sitemap; index pages follow in their own children.
 *
 * @param articles Published articles, newest first.
 * @param pages Other pages with the date of their newest article.
 * @param options Limits, "now" and the publication's name.
 */
export function planSitemaps(
  articles: readonly ArticleModel[],
  pages: ReadonlyArray<{ url: string; lastmod: string }>,
  options: { site: SiteInfo; limit: number; now: number; newsWindowMs?: number; newsLimit?: number }
): Sitemaps {
  const { site, limit } = options
  const articleEntries = [...articles].reverse().map((article) => ({ loc: `${site.baseUrl}${article.url}`, lastmod: (article.updated ?? article.date).iso }))
  const pageEntries = pages.map((page) => ({ loc: `${site.baseUrl}${page.url}`, lastmod: page.lastmod }))
  const children: Sitemaps['children'] = []
  const chunk = (entries: Array<{ loc: string; lastmod: string }>, name: string): void => {
    for (let start = 0, index = 1; start < entries.length; start += limit, index++) {
      const slice = entries.slice(start, start + limit)
      const lastmod = slice.reduce((latest, entry) => (Date.parse(entry.lastmod) > Date.parse(latest) ? entry.lastmod : latest), slice[0]?.lastmod ?? '')
      children.push({ url: `/sitemaps/${name}-${index}.xml`, lastmod, entries: slice })
    }
  }
  chunk(articleEntries, 'bai-viet')
  chunk(pageEntries, 'trang')
  const windowMs = options.newsWindowMs ?? newsWindowMs
  const news = articles
    .filter((article) => article.published <= options.now && article.published > options.now - windowMs)
    .slice(0, options.newsLimit ?? 1000)
    .map((article) => ({ loc: `${site.baseUrl}${article.url}`, title: article.title, published: article.date.iso }))
  const newest = news.length === 0 ? articleEntries.at(-1) : undefined
  return { children, news, ...(newest ? { newest } : {}), publicationName: site.publisherName, language: site.language }
}

function mimeOf(url: string): string {
  const extension = url.slice(url.lastIndexOf('.') + 1).toLowerCase()
  return (
    { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif' }[extension] ??
    'application/octet-stream'
  )
}
