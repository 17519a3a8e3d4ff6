import { searchBundleKeys, stampOf, type SiteModel } from '../site/index.ts'
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
 * The bundles a search asks first and the files the search page preloads for them: pagefind.js,
 * the first bundles' entries and metadata, and the WebAssembly, all at once with the page, where a
 * search fetched them one after another (the script, then pagefind.js, then the entry, then the
 * WebAssembly and metadata): four round trips fewer before the first result. Pagefind names the
 * metadata by a hash of it, known only once the bundle is indexed, after this page is rendered; the
 * search stage renames it after the stamp (`pagefind.<stamp>.pf_meta`, see `stampOf`), which this
 * page knows. On a phone (Slow 4G, the CPU 4× slower) Pagefind asked for it 0.5 s after the entry
 * had arrived, and it was one more round trip in the chain to the first result.
 *
 * The first step is the newest bundle, and the one before it too while the newest holds less than
 * a fifth of it: right after a bundle fills, the newest holds one article and answers almost no
 * query, and the first result would wait for it, then for the routes, then for the bundle before.
 *
 * Each stamp is the start of its bundle's key (`searchBundleKeys`), the one the routes list as its
 * tag: it hashes what the entry is made of (the fields of its articles the records read, the names
 * they use, the search code and Pagefind's version, the language): a stamp that did not change with the entry would keep a stale entry in
 * readers' caches for the page's five minutes, one that changed with anything else (an approved
 * comment) would rewrite the search page for nothing.
 *
 * @param model The whole site model.
 */
export async function searchPreload(model: SiteModel): Promise<SearchPreload | undefined> {
  const newest = model.searchBundles.at(-1)
  if (newest === undefined) return undefined
  const previous = model.searchBundles.at(-2)
  const first = previous !== undefined && newest.articles.length * 5 < previous.articles.length ? [newest, previous] : [newest]
  const language = model.site.language.toLowerCase()
  const keys = await searchBundleKeys(model, first)
  const stamped = first.map((bundle) => ({ url: bundle.url, stamp: stampOf(keys.get(bundle.url) ?? '') }))
  const wasm = (stemmedLanguages as readonly string[]).includes(language) ? language : 'unknown'
  return {
    first: stamped,
    module: `${newest.url}pagefind.js`,
    fetches: [
      ...stamped.map(({ url, stamp }) => `${url}pagefind-entry.json?ts=${stamp}`),
      ...stamped.map(({ url, stamp }) => `${url}pagefind.${stamp}.pf_meta`),
      // A language with a region (`pt-br`) may or may not have its own WebAssembly: not preloaded.
      ...(language.includes('-') ? [] : [`${newest.url}wasm.${wasm}.pagefind`]),
    ],
  }
}
