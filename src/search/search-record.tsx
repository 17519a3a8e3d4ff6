import { renderToString } from 'preact-render-to-string'
import type { ArticleModel, SiteModel } from '../site/index.ts'

/**
 * The document Pagefind indexes for an article: its title (an `<h1>`, which Pagefind weights
 * highest), lead, body and captions, and nothing else: no navigation, related lists or comments,
 * so they neither match nor bloat the index. Meta and filters ride on empty elements.
 *
 * @param article The article.
 * @param model For locality, author and category names.
 */
export function searchRecord(article: ArticleModel, model: Pick<SiteModel, 'localities' | 'authors' | 'categories' | 'site'>): string {
  const locality = model.localities[article.locality]
  const places = locality ? [...locality.ancestors, locality.id].flatMap((id) => (model.localities[id] ? [model.localities[id].name] : [])) : []
  const lead = article.images[0]
  const sortKey = new Date(Date.parse(article.date.iso)).toISOString()
  const meta = [`date:${article.date.text}`, `sort:${sortKey}`, ...(locality ? [`locality:${locality.name}`] : []), ...(lead ? [`image:${lead.set.thumbnail.url}`, `image_alt:${lead.alt}`] : [])]
  const filters = [
    ...places.map((name) => `locality:${name}`),
    ...article.authors.map((id) => `author:${model.authors[id]?.name ?? id}`),
    `year:${article.date.iso.slice(0, 4)}`,
    ...(article.category !== undefined ? [`category:${model.categories[article.category]?.name ?? article.category}`] : []),
  ]
  const head = renderToString(
    <>
      <h1>{article.title}</h1>
      {article.summary ? <p>{article.summary}</p> : null}
      {meta.map((entry) => (
        <span data-pagefind-meta={entry} />
      ))}
      {filters.map((entry) => (
        <span data-pagefind-filter={entry} />
      ))}
      <span data-pagefind-sort={`date:${sortKey}`} />
    </>
  )
  return `<!doctype html><html lang="${model.site.language}"><body>${head}${article.bodyHtml}</body></html>`
}
