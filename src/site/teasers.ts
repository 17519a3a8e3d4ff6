import type { ArticleModel, ArticleTeaser, AuthorModel } from './model.ts'

/**
 * The short form of an article that index pages list.
 *
 * @param article The article.
 * @param authors Authors by id, for the byline.
 */
export function teaserOf(article: ArticleModel, authors: Record<string, AuthorModel>): ArticleTeaser {
  const lead = article.lead
  const teaser: ArticleTeaser = {
    url: article.url,
    title: article.title,
    summary: article.summary,
    date: article.date,
    day: article.date.text.split(' - ')[0] ?? article.date.text,
    byline: article.authors.map((id) => authors[id]?.name ?? id),
  }
  if (lead) teaser.lead = { url: lead.set.thumbnail.url, width: lead.set.thumbnail.width, height: lead.set.thumbnail.height, alt: lead.alt }
  teasers.add(teaser)
  return teaser
}

/** Every teaser {@link teaserOf} made. */
const teasers = new WeakSet<object>()

/**
 * Whether a value is a teaser made by {@link teaserOf}: what it shows is then made from its
 * article's file, the registries and its lead image's thumbnail only.
 *
 * @param value An item of a listing page.
 */
export function isTeaser(value: object): value is ArticleTeaser {
  return teasers.has(value)
}
