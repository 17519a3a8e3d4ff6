import type { ArticleModel, ArticleTeaser, AuthorModel, IndexPage, LocalityModel } from './model.ts'

/**
 * Plans the pages that list articles: the home page, one page per locality (its own articles and
 * those of the places under it) and one per author. Pagination arrives with the archive work;
 * until then the home page shows the latest `pageSize`.
 *
 * @param articles Published articles, newest first.
 * @param localities The locality tree.
 * @param authors The authors.
 * @param options The site title and the home page's length.
 */
export function planIndexes(
  articles: readonly ArticleModel[],
  localities: Record<string, LocalityModel>,
  authors: Record<string, AuthorModel>,
  options: { siteTitle: string; pageSize: number }
): IndexPage[] {
  const byLocality = new Map<string, ArticleTeaser[]>()
  const byAuthor = new Map<string, ArticleTeaser[]>()
  const teasers = articles.map((article) => teaserOf(article, authors))
  for (const [index, article] of articles.entries()) {
    const teaser = teasers[index] as ArticleTeaser
    const locality = localities[article.locality]
    for (const id of locality ? [...locality.ancestors, locality.id] : []) push(byLocality, id, teaser)
    for (const id of article.authors) push(byAuthor, id, teaser)
  }
  return [
    { kind: 'home', url: '/', title: options.siteTitle, articles: teasers.slice(0, options.pageSize) },
    ...Object.values(localities).map((locality): IndexPage => ({
      kind: 'locality',
      url: locality.url,
      title: locality.name,
      subject: locality.id,
      articles: byLocality.get(locality.id) ?? [],
    })),
    ...Object.values(authors).map((author): IndexPage => ({
      kind: 'author',
      url: author.url,
      title: author.name,
      subject: author.id,
      articles: byAuthor.get(author.id) ?? [],
    })),
  ]
}

function teaserOf(article: ArticleModel, authors: Record<string, AuthorModel>): ArticleTeaser {
  const lead = article.images[0]
  const teaser: ArticleTeaser = {
    url: article.url,
    title: article.title,
    summary: article.summary,
    date: article.date,
    byline: article.authors.map((id) => authors[id]?.name ?? id),
  }
  if (lead) teaser.lead = { url: lead.url, width: lead.width, height: lead.height, alt: lead.alt }
  return teaser
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
