import { createHash } from 'node:crypto'
import { cacheFingerprint } from '../cache/index.ts'
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

/**
 * Each bundle's key: what its records are made of (its articles' {@link recordInputs}, the names of
 * places, people and categories) and the code that makes them (the record, the indexing, Pagefind's
 * version), without building the records. The search stage keys a bundle's cache and output by it;
 * the search page stamps the entries it preloads with it, so a stamp changes exactly when the entry can.
 *
 * @param model The site.
 * @param bundles The bundles to key.
 * @param byUrl The site's articles by URL, when the caller has them already.
 * @returns Each bundle's key (24 hexadecimal digits), by URL.
 */
export async function searchBundleKeys(
  model: SiteModel,
  bundles: SiteModel['searchBundles'],
  byUrl: ReadonlyMap<string, ArticleModel> = new Map(model.articles.map((article) => [article.url, article]))
): Promise<Map<string, string>> {
  const names = createHash('sha256')
    .update(`${await cacheFingerprint('search')}\0${model.site.language}\0`)
    .update(JSON.stringify(namesOf(model)))
    .digest('hex')
  const keys = new Map<string, string>()
  for (const bundle of bundles) {
    const hash = createHash('sha256').update(names)
    for (const url of bundle.articles) {
      const article = byUrl.get(url)
      if (article) hash.update(recordInputs(article))
    }
    keys.set(bundle.url, hash.digest('hex').slice(0, 24))
  }
  return keys
}

/**
 * A bundle's stamp: the start of its key (see {@link searchBundleKeys}). The search page asks for the
 * entry as `pagefind-entry.json?ts=<stamp>` and preloads the metadata, which the search stage names
 * `pagefind.<stamp>.pf_meta`, so the page knows both names before the bundle is indexed.
 *
 * @param key A bundle's key.
 */
export const stampOf = (key: string): string => key.slice(0, 16)
