import { compare, type ArticleSource, type ContentSources } from '../content/index.ts'
import { displayDate } from './display-date.ts'
import type { ArticleModel, AuthorModel, LocalityModel, SiteModel } from './model.ts'
import { planIndexes } from './indexes.ts'
import { relatedArticles } from './related.ts'
import { stringsFor } from './strings.ts'

/** Options of {@link planSite}. */
export interface PlanOptions {
  /** The build's "now" in epoch milliseconds: later articles are scheduled, not published. */
  now: number
  /** Publish drafts and scheduled articles too (for previews). @default false */
  drafts?: boolean
}

/**
 * Turns validated sources into the site model: which articles are published, their URLs, display
 * dates, related lists and the locality tree, all computed once here so templates only read.
 *
 * @param sources The validated content.
 * @param options The build's "now" and whether drafts are shown.
 */
export function planSite(sources: ContentSources, options: PlanOptions): SiteModel {
  const { site } = sources.registries
  const strings = stringsFor(site.language)
  const published = sources.articles
    .filter((article) => options.drafts === true || (!article.draft && article.date.epoch <= options.now))
    .sort(byDateThenId)
  const related = relatedArticles(published)
  const byId = new Map(published.map((article) => [article.id, article]))
  const date = (article: ArticleSource) => displayDate(article.date, site.timeZone, strings)

  const articles = published
    .map((article): ArticleModel => {
      const lead = article.images[0]
      const model: ArticleModel = {
        id: article.id,
        url: article.url,
        title: article.title,
        summary: article.summary,
        date: date(article),
        authors: article.authors,
        locality: article.locality,
        tags: article.tags,
        images: article.images,
        bodyHtml: article.bodyHtml,
        related: (related.get(article.id) ?? []).flatMap((id) => {
          const other = byId.get(id)
          return other ? [{ url: other.url, title: other.title, date: date(other) }] : []
        }),
        aliases: article.aliases,
        comments: article.comments ?? true,
      }
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
      { id: author.id, name: author.name, bio: author.bio ?? '', url: `/tac-gia/${author.id}/`, ...(author.url === undefined ? {} : { sameAs: author.url }) },
    ])
  )
  const indexes = planIndexes(articles, localities, authors, { siteTitle: site.title, pageSize: site.pageSize })
  for (const index of indexes) {
    const locality = index.kind === 'locality' && index.subject !== undefined ? localities[index.subject] : undefined
    if (locality) locality.articleCount = index.articles.length
  }
  return {
    site: {
      title: site.title,
      description: site.description,
      baseUrl: site.baseUrl,
      language: site.language,
      ogLocale: site.language === 'vi' ? 'vi_VN' : site.language,
      timeZone: site.timeZone,
      publisherName: site.publisher?.name ?? site.title,
      ...(site.publisher?.logo === undefined ? {} : { publisherLogo: site.publisher.logo }),
    },
    strings,
    localities,
    authors,
    articles,
    indexes,
    navigation: root ? [root.id, ...(localities[root.id]?.children ?? []).filter((id) => ['thành phố', 'thị xã'].includes(localities[id]?.kind ?? ''))] : [],
  }
}

function planLocalities(sources: ContentSources): Record<string, LocalityModel> {
  const entries = sources.registries.localities
  const parentOf = new Map(entries.map((entry) => [entry.id, entry.parent]))
  const localities: Record<string, LocalityModel> = {}
  for (const entry of entries) {
    const ancestors: string[] = []
    for (let parent = entry.parent; parent !== undefined; parent = parentOf.get(parent)) ancestors.unshift(parent)
    localities[entry.id] = { id: entry.id, name: entry.name, kind: entry.kind, url: `/dia-phuong/${entry.id}/`, ancestors, children: [], articleCount: 0 }
  }
  for (const entry of entries) if (entry.parent !== undefined) localities[entry.parent]?.children.push(entry.id)
  return localities
}

function byDateThenId(a: ArticleSource, b: ArticleSource): number {
  return a.date.epoch - b.date.epoch || compare(a.id, b.id)
}
