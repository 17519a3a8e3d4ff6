import type { ArticleModel, ArticleTeaser, AuthorModel } from './model.ts'

/**
 * The short form of an article that index pages list.
 *
 * @param article The article.
 * @param authors Authors by id, for the byline.
 */
export function teaserOf(article: ArticleModel, authors: Record<string, AuthorModel>): ArticleTeaser {
  const lead = article.images[0]
  const teaser: ArticleTeaser = {
    url: article.url,
    title: article.title,
    summary: article.summary,
    date: article.date,
    day: article.date.text.split(' - ')[0] ?? article.date.text,
    byline: article.authors.map((id) => authors[id]?.name ?? id),
  }
  if (lead) teaser.lead = { url: lead.set.thumbnail.url, width: lead.set.thumbnail.width, height: lead.set.thumbnail.height, alt: lead.alt }
  return teaser
}
