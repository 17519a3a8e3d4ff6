import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { cacheFingerprint, writeAtomic } from '../cache/index.ts'
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
  const lead = article.lead
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
  const names = await namesKey(model)
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

/** What every bundle's key starts from: the search code, the language and the names the records read. */
async function namesKey(model: SiteModel): Promise<string> {
  return createHash('sha256')
    .update(`${await cacheFingerprint('search')}\0${model.site.language}\0`)
    .update(JSON.stringify(namesOf(model)))
    .digest('hex')
}

/**
 * What an article is made from besides the articles published before it (an article page's related
 * links are picked among those, see `relatedArticles`): the SHA-256 of its file, by article id (see
 * `ContentSources.sourceHashes`), and a hash of all that every article shares (the registries with
 * the options that shape every item; the code and the site's settings are in each key's context);
 * and where the last build's keys are recorded (`.cache/article-keys/<content>.json` for article
 * pages, `.cache/search-keys/<content>.json` for search bundles).
 */
export interface ArticleSources {
  files: ReadonlyMap<string, string>
  shared: string
  record: string
}

/**
 * {@link searchBundleKeys}, with the key of each bundle whose articles are made from the same inputs
 * as in the last build taken from its record instead of made again: the same key, since it hashes
 * only what those inputs make. A bundle's inputs are its articles' URLs, file hashes and digests
 * (their bodies and images), the registries and options (`shared`), the names its records read and
 * the code of the whole build (the records' dates and places are planned by the site stage). At
 * 100,000 articles, serialising every article's record inputs took 1.2 s of each build, for a
 * hundred keys of which one changes with a publish. Like every cache file, the record is written
 * whole and atomically, and ignored when it cannot be read.
 *
 * @param model The site.
 * @param bundles The bundles to key.
 * @param byUrl The site's articles by URL.
 * @param sources What the articles are made from; without it, every key is made.
 * @returns Each bundle's key by URL, how many were taken from the record, and what writes this build's record (a shard's is never written).
 */
export async function keptBundleKeys(
  model: SiteModel,
  bundles: SiteModel['searchBundles'],
  byUrl: ReadonlyMap<string, ArticleModel>,
  sources: ArticleSources | undefined
): Promise<{ keys: Map<string, string>; reused: number; save: () => Promise<void> }> {
  if (sources === undefined) return { keys: await searchBundleKeys(model, bundles, byUrl), reused: 0, save: async () => {} }
  const base = createHash('sha256')
    .update(`${await cacheFingerprint('units')}\0${await namesKey(model)}\0${sources.shared}\0`)
    .digest('hex')
  const inputs = new Map<string, string>()
  for (const bundle of bundles) {
    const hash = createHash('sha256').update(base)
    let known = true
    for (const url of bundle.articles) {
      const article = byUrl.get(url)
      const file = article === undefined ? undefined : sources.files.get(article.id)
      if (article === undefined || file === undefined) {
        known = false
        break
      }
      hash.update(`${url}\0${file}\0${article.digest}\n`)
    }
    if (known) inputs.set(bundle.url, hash.digest('hex'))
  }
  const last = await readBundleRecord(sources.record)
  const keys = new Map<string, string>()
  for (const bundle of bundles) {
    const kept = last.get(inputs.get(bundle.url) ?? '')
    if (kept !== undefined) keys.set(bundle.url, kept)
  }
  const reused = keys.size
  const made = await searchBundleKeys(
    model,
    bundles.filter((bundle) => !keys.has(bundle.url)),
    byUrl
  )
  for (const [url, key] of made) keys.set(url, key)
  const save = async (): Promise<void> => {
    if (reused === bundles.length && last.size === inputs.size) return
    const record = Object.fromEntries([...inputs].map(([url, input]) => [input, keys.get(url) ?? '']))
    await writeAtomic(sources.record, JSON.stringify({ version: 1, keys: record }))
  }
  return { keys, reused, save }
}

/** The last build's bundle keys by their inputs' hash, or none when there is no record or it cannot be read. */
async function readBundleRecord(path: string): Promise<Map<string, string>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'))
    if (typeof parsed !== 'object' || parsed === null || !('version' in parsed) || parsed.version !== 1 || !('keys' in parsed)) return new Map()
    const keys = parsed.keys
    if (typeof keys !== 'object' || keys === null) return new Map()
    const entries = Object.entries(keys)
    // A bundle's key is 24 hexadecimal digits (see searchBundleKeys): anything else is not this code's record.
    return entries.every(([, key]) => typeof key === 'string' && /^[0-9a-f]{24}$/.test(key)) ? new Map(entries as Array<[string, string]>) : new Map()
  } catch {
    return new Map()
  }
}

/**
 * A bundle's stamp: the start of its key (see {@link searchBundleKeys}). The search page asks for the
 * entry as `pagefind-entry.json?ts=<stamp>` and preloads the metadata, which the search stage names
 * `pagefind.<stamp>.pf_meta`, so the page knows both names before the bundle is indexed.
 *
 * @param key A bundle's key.
 */
export const stampOf = (key: string): string => key.slice(0, 16)
