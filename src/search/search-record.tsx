import { renderToString } from 'preact-render-to-string'
import { isUnrendered } from '../content/article.ts'
import type { BodyStore } from '../content/index.ts'
import type { ArticleModel, ArticleWithBody, SiteModel } from '../site/index.ts'
import { dSpellings, foldedMarker } from './d-spellings.ts'

/** Pagefind's weight of an `<h1>`, given to the title's folded words too. */
const titleWeight = 7
/** The lead weighs more than the body (1), less than the title. */
const leadWeight = 3

/**
 * The document Pagefind indexes for an article: its title (an `<h1>`, which Pagefind weights
 * highest), lead, body and captions, and nothing else: no navigation, related lists or comments,
 * so they neither match nor bloat the index. Meta and filters ride on empty elements.
 *
 * @param article The article.
 * @param model For locality, author and category names.
 */
export function searchRecord(article: ArticleWithBody, model: Pick<SiteModel, 'localities' | 'authors' | 'categories' | 'site'>): string {
  const locality = model.localities[article.locality]
  const lead = article.lead
  const sortKey = new Date(Date.parse(article.date.iso)).toISOString()
  const meta = [
    `date:${article.date.text}`,
    `sort:${sortKey}`,
    ...(locality ? [`locality:${locality.name}`] : []),
    ...(lead ? [`image:${lead.set.thumbnail.url}`, `image_alt:${lead.alt}`] : []),
  ]
  // Filters hold ids, as the site's own URLs do (`?dia-phuong=tp-thanh-hoa`); the page shows names.
  const filters = [
    ...(locality ? [...locality.ancestors, locality.id] : []).map((id) => `locality:${id}`),
    ...article.authors.map((id) => `author:${id}`),
    `year:${article.date.iso.slice(0, 4)}`,
    ...(article.category !== undefined ? [`category:${model.categories[article.category]?.name ?? article.category}`] : []),
  ]
  const head = renderToString(
    <>
      <h1>{article.title}</h1>
      {article.summary ? <p data-pagefind-weight={String(leadWeight)}>{article.summary}</p> : null}
      {meta.map((entry) => (
        <span data-pagefind-meta={entry} />
      ))}
      {filters.map((entry) => (
        <span data-pagefind-filter={entry} />
      ))}
      <span data-pagefind-sort={`date:${sortKey}`} />
    </>
  )
  return `<!doctype html><html lang="${model.site.language}"><body>${head}${article.bodyHtml}${foldedCopy(article)}</body></html>`
}

/**
 * The article's đ-words spelled with d, after a marker, each part weighted like its source, so
 * "duong" ranks a headline "đường" as "đường" does. Empty when the article has no đ.
 */
function foldedCopy(article: ArticleWithBody): string {
  const parts: Array<[number, string[]]> = [
    [titleWeight, dSpellings(article.title)],
    [leadWeight, dSpellings(article.summary ?? '')],
    [1, dSpellings(article.bodyHtml)],
  ]
  if (parts.every(([, words]) => words.length === 0)) return ''
  return renderToString(
    <div>
      <p>{foldedMarker}</p>
      {parts.map(([weight, words]) => (words.length > 0 ? <p data-pagefind-weight={String(weight)}>{words.join(' ')}</p> : null))}
    </div>
  )
}

/**
 * The records of a bundle's articles, their bodies read for it (a bundle at a time: 5,000 bodies,
 * not the archive's).
 *
 * @param urls The bundle's article URLs.
 * @param byUrl The model's articles by URL.
 * @param model For names.
 * @param bodies The articles' bodies.
 */
export async function bundleRecords(
  urls: readonly string[],
  byUrl: ReadonlyMap<string, ArticleModel>,
  model: Pick<SiteModel, 'localities' | 'authors' | 'categories' | 'site'>,
  bodies: BodyStore
): Promise<Array<{ url: string; content: string }>> {
  const articles = urls.flatMap((url) => byUrl.get(url) ?? [])
  const unrendered = articles.find(isUnrendered)
  if (unrendered) throw new Error(`${unrendered.url} was read without its body and cannot be indexed`)
  const read = await bodies.read(articles.map((article) => article.id))
  return articles.map((article) => ({ url: article.url, content: searchRecord({ ...article, bodyHtml: read.get(article.id) ?? '' }, model) }))
}
