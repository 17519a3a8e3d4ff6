import type { SiteIcons } from '../images/index.ts'
import type { ArticleSource, CommentSource, ContentSources } from '../content/index.ts'
import { compare } from '../shared/compare.ts'
import { commentThread, countComments } from './comments.ts'
import { displayDate } from './display-date.ts'
import { push } from './group.ts'
import { planListings } from './listings.ts'
import type { ArticleLink, ArticleModel, AuthorModel, CategoryModel, LocalityModel, SiteModel } from './model.ts'
import { relatedArticles } from './related.ts'
import { planSearchBundles } from './search-bundles.ts'
import { stringsFor } from './strings.ts'
import { planFeeds, planFragments, planSitemaps } from './syndication.ts'
import { articleUrlOf, authorUrl, categoryUrl, feedUrl, fixedUrls, latestFragmentUrl, localityUrl } from './urls.ts'

/** Options of {@link planSite}. */
export interface PlanOptions {
  /** The build's "now" in epoch milliseconds: later articles are scheduled, not published. */
  now: number
  /** Publish drafts and scheduled articles too (for previews). @default false */
  drafts?: boolean
  /** URLs per sitemap file (the protocol allows 50,000). @default 50000 */
  sitemapLimit?: number
  /** Articles per search bundle. @default site.yml's searchBundleSize (1,000) */
  searchBundleSize?: number
  /** The site's icons, planned from site.yml's `icon`. @default none: pages link no icon file */
  icons?: SiteIcons
  /** Published path of the publisher's logo when site.yml names a content file. @default `publisher.logo` as written */
  logo?: string
}

/**
 * Turns validated sources into the site model: which articles are published, their URLs, display
 * dates, related lists, the locality tree, every index page, feeds, sitemaps and redirects, all
 * computed once here so templates only read.
 *
 * @param sources The validated content.
 * @param options The build's "now" and whether drafts are shown.
 */
export function planSite(sources: ContentSources, options: PlanOptions): SiteModel {
  const { site } = sources.registries
  const strings = stringsFor(site.language)
  const published = publishedArticles(sources.articles, options)
  const related = relatedArticles(published)
  // Each article's URL, display date and link, made once and shared with the related lists that
  // show it (five per article): half a million fewer objects at 100,000 articles.
  const linkTo = (article: ArticleSource): ArticleLink => ({
    url: articleUrlOf(article, site.timeZone),
    title: article.title,
    date: displayDate(article.date, site.timeZone, strings),
  })
  const links = new Map(published.map((article) => [article.id, linkTo(article)]))
  const commentsOn = site.comments?.enabled === true && site.comments.endpoint !== undefined
  const commentsByArticle = new Map<string, CommentSource[]>()
  for (const comment of sources.comments) push(commentsByArticle, comment.article, comment)

  const articles = published
    .map((article): ArticleModel => {
      const lead = article.lead
      const thread = commentThread(commentsByArticle.get(article.id) ?? [], site.timeZone, strings)
      const link = links.get(article.id) ?? linkTo(article)
      const model: ArticleModel = {
        id: article.id,
        url: link.url,
        title: article.title,
        summary: article.summary,
        date: link.date,
        published: article.date.epoch,
        authors: article.authors,
        locality: article.locality,
        tags: article.tags,
        digest: article.digest,
        related: (related.get(article.id) ?? []).flatMap((id) => {
          const other = links.get(id)
          return other ? [other] : []
        }),
        aliases: article.aliases,
        featured: article.featured === true,
        comments: commentsOn && article.comments !== false,
        commentThread: thread,
        commentCount: countComments(thread),
      }
      if (lead) model.lead = lead
      if (lead && !article.leadPlaced) model.leadFigure = lead
      if (article.updated) model.updated = displayDate(article.updated, site.timeZone, strings)
      if (article.correction !== undefined) model.correction = article.correction
      if (article.category !== undefined) model.category = article.category
      return model
    })
    .reverse()

  const localities = planLocalities(sources)
  const root = sources.registries.localities.find((locality) => locality.parent === undefined)
  const authors = Object.fromEntries(
    sources.registries.authors.map((author): [string, AuthorModel] => [
      author.id,
      {
        id: author.id,
        name: author.name,
        bio: author.bio ?? '',
        url: authorUrl(author.id),
        feed: feedUrl(authorUrl(author.id)),
        ...(author.url === undefined ? {} : { sameAs: author.url }),
      },
    ])
  )
  const categories = planCategories(sources, articles)
  const siteInfo: SiteModel['site'] = {
    title: site.title,
    description: site.description,
    baseUrl: site.baseUrl,
    language: site.language,
    ogLocale: site.language === 'vi' ? 'vi_VN' : site.language,
    timeZone: site.timeZone,
    embedHosts: [...site.embedHosts],
    publisherName: site.publisher.name,
    publisherLogo: options.logo ?? site.publisher.logo,
    publisherSameAs: site.publisher.sameAs,
    ...(commentsOn && site.comments?.endpoint !== undefined ? { commentEndpoint: site.comments.endpoint } : {}),
    ...(options.icons === undefined ? {} : { icons: { favicon: options.icons.favicon.url, touch: options.icons.touch.url, large: options.icons.large.url } }),
    ...(site.twitter === undefined ? {} : { twitter: site.twitter }),
  }
  const topLevel = root ? (localities[root.id]?.children ?? []) : []
  const { listings, years, home, byLocality } = planListings(articles, {
    localities,
    authors,
    categories,
    strings,
    pageSize: site.pageSize,
    homeBlocks: topLevel,
  })
  const newest = (list: readonly { date: { iso: string } }[]): string | undefined => list[0]?.date.iso
  const pages = [
    ...(articles[0] ? [{ url: fixedUrls.home, lastmod: articles[0].date.iso }] : []),
    ...listings.flatMap((page) => {
      const lastmod = page.lead?.teaser.date.iso ?? newest(page.articles)
      return lastmod === undefined ? [] : [{ url: page.url, lastmod }]
    }),
  ]
  return {
    site: siteInfo,
    strings,
    localities,
    authors,
    categories,
    articles,
    navigation: { ...(root ? { root: root.id } : {}), places: topLevel, categories: Object.keys(categories) },
    home,
    listings,
    years,
    feeds: planFeeds(articles, byLocality, { site: siteInfo, localities, authors, categories }),
    sitemaps: planSitemaps(articles, pages, { site: siteInfo, limit: options.sitemapLimit ?? 50_000, now: options.now }),
    redirects: articles.flatMap((article) => article.aliases.map((from) => ({ from, to: article.url }))).sort((a, b) => compare(a.from, b.from)),
    fragments: planFragments(byLocality, localities),
    searchBundles: planSearchBundles(articles, options.searchBundleSize ?? site.searchBundleSize),
    newsroomPages: sources.pages.map((page) => ({
      url: page.url,
      title: page.title,
      body: page.body,
      sourcePath: page.sourcePath,
      ...(page.description === undefined ? {} : { description: page.description }),
    })),
    footerLinks: sources.pages
      .filter((page) => page.footer)
      .sort((a, b) => a.order - b.order || compare(a.title, b.title) || compare(a.url, b.url))
      .map((page) => ({ title: page.title, url: page.url })),
  }
}

/**
 * The locality tree of the registries: each place with its URL, ancestors, children and the
 * district-level place it lies in.
 *
 * @param sources The validated content (only its registries are read).
 */
export function planLocalities(sources: Pick<ContentSources, 'registries'>): Record<string, LocalityModel> {
  const entries = sources.registries.localities
  const parentOf = new Map(entries.map((entry) => [entry.id, entry.parent]))
  const localities: Record<string, LocalityModel> = {}
  for (const entry of entries) {
    const ancestors: string[] = []
    for (let parent = entry.parent; parent !== undefined; parent = parentOf.get(parent)) ancestors.unshift(parent)
    const url = localityUrl(entry.id)
    const district = ancestors.length >= 2 ? ancestors[1] : ancestors.length === 1 ? entry.id : undefined
    localities[entry.id] = {
      id: entry.id,
      name: entry.name,
      kind: entry.kind,
      kindLabel: sentenceCase(entry.kind),
      url,
      feed: feedUrl(url),
      fragment: latestFragmentUrl(entry.id),
      ancestors,
      ...(district === undefined ? {} : { district }),
      children: [],
      articleCount: 0,
    }
  }
  for (const entry of entries) if (entry.parent !== undefined) localities[entry.parent]?.children.push(entry.id)
  return localities
}

function planCategories(sources: ContentSources, articles: readonly ArticleModel[]): Record<string, CategoryModel> {
  const entries =
    sources.registries.categories ??
    [...new Set(articles.flatMap((article) => (article.category === undefined ? [] : [article.category])))].sort(compare).map((id) => ({ id, name: id }))
  return Object.fromEntries(
    entries.map((entry) => [entry.id, { id: entry.id, name: entry.name, url: categoryUrl(entry.id), feed: feedUrl(categoryUrl(entry.id)) }])
  )
}

/**
 * Vietnamese sentence case: only the first letter is a capital (`thành phố` → `Thành phố`, never
 * the `Thành Phố` of CSS `text-transform: capitalize`).
 *
 * @param text Lower-case text.
 */
export function sentenceCase(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1)
}

/**
 * The articles a build publishes, oldest first: not drafts and not dated after "now" (all of them
 * with `drafts`). The site model lists them the other way round, newest first.
 *
 * @param articles Every loaded article.
 * @param options The build's "now" and whether drafts are shown.
 */
export function publishedArticles(articles: readonly ArticleSource[], options: Pick<PlanOptions, 'now' | 'drafts'>): ArticleSource[] {
  return articles.filter((article) => options.drafts === true || (!article.draft && article.date.epoch <= options.now)).sort(byDateThenId)
}

function byDateThenId(a: ArticleSource, b: ArticleSource): number {
  return a.date.epoch - b.date.epoch || compare(a.id, b.id)
}
