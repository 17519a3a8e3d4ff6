import { createHash } from 'node:crypto'
import { cacheFingerprint } from '../cache/index.ts'
import { namesOf, recordInputs } from '../site/search-inputs.ts'
import type { SiteModel } from '../site/index.ts'
import type { SearchPreload } from '../../templates/index.ts'

/**
 * Languages Pagefind 1.6 stems, each with a WebAssembly of its own (`wasm.<language>.pagefind`);
 * any other language (Vietnamese among them) gets `wasm.unknown.pagefind`. A test reads the list
 * from Pagefind's binary, so an upgrade that changes it fails there, not in readers' browsers.
 */
export const stemmedLanguages = [
  'ar',
  'ca',
  'da',
  'de',
  'el',
  'en',
  'eo',
  'es',
  'et',
  'eu',
  'fi',
  'fr',
  'ga',
  'hi',
  'hu',
  'hy',
  'id',
  'it',
  'lt',
  'nb',
  'ne',
  'nl',
  'nn',
  'no',
  'pl',
  'pt',
  'ro',
  'ru',
  'sr',
  'sv',
  'ta',
  'tr',
  'yi',
] as const

/**
 * The newest bundle's files the search page preloads: pagefind.js, its entry and its WebAssembly,
 * all three at once with the page, where a search fetched them one after another (the script, then
 * pagefind.js, then the entry, then the WebAssembly and metadata): three round trips fewer before
 * the first result, 450 ms on a phone's 4G. The metadata's name is known only once the bundle is
 * indexed, after the pages are rendered, so it stays in the chain.
 *
 * The stamp hashes what the entry is made of, the inputs of the bundle's cache key (the fields of
 * the newest bundle's articles its records read, the names they use, the search code and
 * Pagefind's version) and the language: a stamp that did not change with the entry would keep a
 * stale entry in readers' caches for the page's five minutes, and one that changed with anything
 * else (an approved comment) would rewrite the search page for nothing.
 *
 * @param model The whole site model.
 */
export async function searchPreload(model: SiteModel): Promise<SearchPreload | undefined> {
  const newest = model.searchBundles.at(-1)
  if (newest === undefined) return undefined
  const language = model.site.language.toLowerCase()
  const byUrl = new Map(model.articles.map((article) => [article.url, article]))
  const hash = createHash('sha256')
    .update(`${await cacheFingerprint('search')}\0${language}\0${newest.url}\0`)
    .update(JSON.stringify(namesOf(model)))
  // What the bundle's records are made of, as its cache key hashes it: an approved comment changes
  // the article's page, not its record, nor the search page.
  for (const url of newest.articles) {
    const article = byUrl.get(url)
    hash.update(article ? recordInputs(article) : url)
  }
  const stamp = hash.digest('hex').slice(0, 16)
  const wasm = (stemmedLanguages as readonly string[]).includes(language) ? language : 'unknown'
  return {
    stamp,
    module: `${newest.url}pagefind.js`,
    // A language with a region (`pt-br`) may or may not have its own WebAssembly: not preloaded.
    fetches: [`${newest.url}pagefind-entry.json?ts=${stamp}`, ...(language.includes('-') ? [] : [`${newest.url}wasm.${wasm}.pagefind`])],
  }
}
