import type { ArticleModel, SiteModel } from './model.ts'

/**
 * The names and places a search record reads (`searchRecord`); article counts stay out, they
 * change with every article.
 *
 * @param model The site.
 */
export function namesOf(model: SiteModel): unknown {
  const names = (registry: Record<string, { name: string }>) => Object.entries(registry).map(([id, entry]) => [id, entry.name])
  return [Object.entries(model.localities).map(([id, locality]) => [id, locality.name, locality.ancestors]), names(model.authors), names(model.categories)]
}

/**
 * The fields a search record reads (`searchRecord`), besides the body: nothing else may re-index a
 * bundle, nor change what its entry stamp says (`searchPreload`). Comments are not among them.
 *
 * @param article An article of the bundle.
 */
export function recordInputs(article: ArticleModel): string {
  const lead = article.images[0]
  return JSON.stringify([
    article.url,
    article.title,
    article.summary,
    article.date,
    article.locality,
    article.authors,
    article.category,
    lead?.set.thumbnail.url,
    lead?.alt,
    article.digest,
  ])
}
