import type { PagefindApi, PagefindSearcher } from './pagefind-api.ts'
import { routeKeys } from './vietnamese-text.ts'

/**
 * The archive's bundles for a search: the first step, which answers first (the newest bundle, and
 * the one before it while the newest is small, each its own group), then the older bundles the
 * query needs, merged into the same Pagefind a batch at a time (1, 2, 4, 8… bundles, newest first),
 * each batch answering as soon as it is merged, so older results stream in below in date order. The
 * first result costs at most two bundles (pagefind.js, its WebAssembly and their metadata) whatever
 * the size of the archive, and a visit fetches pagefind.js and its WebAssembly
 * once: Pagefind fetches the WebAssembly from the base path of every instance it creates
 * (`createInstance`), never for an index merged into one (`mergeIndex`).
 *
 * A query opens only the older bundles that can hold all of its words, as the search routes
 * (`src/search/word-routes.ts`) tell: each word but the last as a whole word, the last as the start
 * of a word (search as you type), the bundles' masks intersected. A word of one 2006 article costs
 * its bundle, not the archive, and `duong giao thong` the bundles holding all three. Filter counts,
 * or routes that cannot be read, open every older bundle.
 *
 * Every bundle carries a synthetic filter, `bundle`, naming it: Pagefind keeps the bundles earlier
 * queries merged, and a search asks only the bundles of its step ({@link bundleFilter}).
 */
export interface SearchGroups {
  /** Pagefind, loaded from the newest bundle, older bundles merged into it as queries need them. */
  pagefind: PagefindSearcher
  /**
   * The bundles the first step asks, newest first: the newest, and the one before it while the
   * newest is small (the page names them, `data-first`); the search page merges the latter once the
   * newest's search has started.
   */
  first: readonly string[]
  /** The other bundles, newest first. */
  older: readonly string[]
  /**
   * The older bundles a query may match, newest first, and whether the routes named them for every
   * word (then Pagefind never falls back to a shorter word for a word a bundle lacks).
   *
   * @param query The reader's query.
   */
  route(query: string): Promise<{ bundles: readonly string[]; routed: boolean }>
  /**
   * Merges these bundles into {@link SearchGroups.pagefind}, each once; search them with
   * {@link bundleFilter} of them.
   *
   * @param bundles Older bundles.
   */
  merge(bundles: readonly string[]): Promise<void>
  /**
   * Starts fetching the entries of older bundles a query is about to open (a preload link each, as
   * their routes name them), while the first step still answers; merging them later takes them.
   *
   * @param bundles Older bundles.
   */
  prefetch(bundles: readonly string[]): void
}

/** The name of the synthetic filter that tells merged bundles apart. */
export const bundleFilterName = 'bundle'

/**
 * The filter that limits a search to some of the bundles merged into Pagefind.
 *
 * @param bundles Bundle URLs.
 */
export function bundleFilter(bundles: readonly string[]): Record<string, { any: string[] }> {
  return { [bundleFilterName]: { any: [...bundles] } }
}

/**
 * Splits the older bundles into the batches that answer one after the other, each twice the one
 * before: 1, 2, 4, 8… So the first older results come after one bundle loads (the search bench's
 * worst case, a newest bundle of one article, would otherwise wait for several), and the archive's
 * 100 bundles of 100,000 articles answer in seven steps, none merging more than a third of them at once.
 *
 * @param bundles Older bundles, newest first.
 */
export function batches(bundles: readonly string[]): string[][] {
  const result: string[][] = []
  for (let start = 0, size = 1; start < bundles.length; start += size, size *= 2) result.push(bundles.slice(start, start + size))
  return result
}

/** A prefix spanning more chunks than this is not routed: it is too common to rule a bundle out. */
const prefixChunks = 3

/** `/pagefind/words/index.json` (see `RoutesIndex` in `src/search/word-routes.ts`). */
interface Routes {
  bundles: string[]
  /** Each bundle's key, the tag its entry is asked for with (absent in routes of builds before them). */
  tags?: string[]
  chunks: Array<[string, string]>
}

/**
 * Loads Pagefind from the newest bundle, merges the rest of the first step, and prepares the older
 * bundles.
 *
 * @param bundles Bundle URLs, newest first.
 * @param first The first step's bundles with the stamps their entries were preloaded with
 *   (`data-first`), the newest first; without them, the newest alone.
 */
export async function openGroups(bundles: readonly string[], first: ReadonlyArray<{ url: string; stamp: string }> = []): Promise<SearchGroups> {
  const [newest] = bundles
  if (newest === undefined) throw new Error('no search bundle')
  // The tag each bundle's entry is asked for with: the page's stamps, then the routes' keys.
  const tags = new Map(first.map(({ url, stamp }): [string, string] => [url, stamp]))
  const firstStep = first[0]?.url === newest ? first.map(({ url }) => url).filter((url) => bundles.includes(url)) : [newest]
  const older = bundles.filter((bundle) => !firstStep.includes(bundle))
  const routesDir = routesDirOf(newest)
  const pagefind = (await import(/* @vite-ignore */ `${newest}pagefind.js`)) as PagefindApi
  const tagOf = (bundle: string): { metaCacheTag?: string } => {
    const tag = tags.get(bundle)
    return tag === undefined ? {} : { metaCacheTag: tag }
  }
  // On the main thread: Pagefind's web worker would cost a second copy of its code (42 KB) before the first answer.
  await pagefind.options({ excerptLength: 30, noWorker: true, mergeFilter: { [bundleFilterName]: newest }, ...tagOf(newest) })
  await pagefind.init()
  let routes: Promise<Routes | undefined> | undefined
  const readRoutes = (): Promise<Routes | undefined> =>
    (routes ??= fetchJson<Routes>(`${routesDir}index.json`).then((table) => {
      for (const [index, bundle] of (table?.bundles ?? []).entries()) {
        const tag = table?.tags?.[index]
        if (tag !== undefined && !tags.has(bundle)) tags.set(bundle, tag)
      }
      return table
    }))
  // Bundles a query needs are merged once and stay, each with its synthetic filter, so a later
  // search can leave them out.
  const merged = new Map<string, Promise<void>>()
  const merge = async (needed: readonly string[]): Promise<void> => {
    for (const bundle of needed) {
      if (!merged.has(bundle)) merged.set(bundle, pagefind.mergeIndex(bundle, { mergeFilter: { [bundleFilterName]: bundle }, ...tagOf(bundle) }))
    }
    await Promise.all(needed.map((bundle) => merged.get(bundle)))
  }
  const prefetched = new Set<string>()
  const prefetch = (needed: readonly string[]): void => {
    for (const bundle of needed) {
      const tag = tags.get(bundle)
      if (tag === undefined || merged.has(bundle) || prefetched.has(bundle)) continue
      prefetched.add(bundle)
      const link = document.createElement('link')
      link.rel = 'preload'
      link.as = 'fetch'
      link.crossOrigin = 'anonymous'
      link.href = `${bundle}pagefind-entry.json?ts=${tag}`
      document.head.append(link)
    }
  }
  const route = async (query: string): Promise<{ bundles: readonly string[]; routed: boolean }> => {
    const words = queryWords(query)
    const table = words.length === 0 ? undefined : await readRoutes()
    if (table === undefined) return { bundles: older, routed: false }
    let found = 'any' as Set<string> | 'any'
    for (const word of words) {
      const bundles = await lookUp(table, routesDir, word.key, word.prefix)
      // Unreadable routes: every older bundle, and hits must be checked.
      if (bundles === undefined) return { bundles: older, routed: false }
      if (bundles === 'any') continue
      found = found === 'any' ? bundles : new Set([...found].filter((bundle) => bundles.has(bundle)))
    }
    // Routes list bundles oldest first; the page's order is newest first.
    const named = found
    return { bundles: named === 'any' ? older : older.filter((bundle) => named.has(bundle)), routed: true }
  }
  return { pagefind, first: firstStep, older, route, merge, prefetch }
}

/** Where the routes of an archive's bundles are: `words/` beside the bundles. */
const routesDirOf = (bundle: string): string => bundle.replace(/[^/]+\/$/, 'words/')

/**
 * Starts reading the routes a query needs (their index and the chunks of its words) before Pagefind
 * has loaded, so the older bundles a word needs are known when the first step has answered: for a
 * word the newest bundles lack, the routes were on the way to its first result. Each file is read
 * once per page ({@link fetchJson}), so {@link SearchGroups.route} finds them read.
 *
 * @param bundles Bundle URLs, newest first.
 * @param query The reader's query.
 */
export function readRoutesFor(bundles: readonly string[], query: string): void {
  const [newest] = bundles
  const words = queryWords(query)
  // One or two bundles are all the first step: no route to read.
  if (newest === undefined || bundles.length <= 2 || words.length === 0) return
  const dir = routesDirOf(newest)
  void fetchJson<Routes>(`${dir}index.json`).then((table) => table && Promise.all(words.map((word) => lookUp(table, dir, word.key, word.prefix))))
}

/**
 * The words of a query as the routes file them: each whitespace-separated word folded and joined
 * at its punctuation (`covid-19` → `covid19`); the last one a prefix unless the query is quoted.
 *
 * @param query The reader's query.
 */
export function queryWords(query: string): Array<{ key: string; prefix: boolean }> {
  const quoted = query.includes('"')
  const tokens = query.replace(/"/g, ' ').trim().split(/\s+/).filter(Boolean)
  const words = tokens.flatMap((token) => routeKeys(token).slice(0, 1))
  return words.map((key, index) => ({ key, prefix: !quoted && index === words.length - 1 }))
}

/**
 * The bundles the routes name for a folded word, or for every word starting with it; `'any'` when a
 * prefix is too common to rule a bundle out; `undefined` when the routes cannot be read.
 */
async function lookUp(routes: Routes, dir: string, word: string, prefix: boolean): Promise<Set<string> | 'any' | undefined> {
  // Words are sorted: those starting with the prefix run from the chunk holding it to the chunk
  // holding the prefix followed by the last character there is.
  const first = chunkAt(routes.chunks, word)
  const last = prefix ? chunkAt(routes.chunks, `${word}\u{10ffff}`) : first
  if (last - first + 1 > prefixChunks) return 'any'
  let mask = 0n
  for (let index = first; index <= last; index++) {
    const file = routes.chunks[index]?.[1]
    if (file === undefined) continue
    const chunk = await fetchJson<Record<string, string>>(`${dir}${file}`)
    if (!chunk) return undefined
    if (!prefix) mask |= BigInt(`0x${chunk[word] ?? '0'}`)
    else for (const [key, bits] of Object.entries(chunk)) if (key.startsWith(word)) mask |= BigInt(`0x${bits}`)
  }
  return new Set(routes.bundles.filter((_, bit) => (mask >> BigInt(bit)) & 1n))
}

/**
 * The index of the last chunk whose first word is not after the word: the chunk that would hold it,
 * in the word routes and in the web editor's title index alike.
 *
 * @param chunks Chunks in word order, each named by its first word.
 * @param word A folded word.
 */
export function chunkAt(chunks: ReadonlyArray<readonly [first: string, file: string]>, word: string): number {
  let low = 0
  let high = chunks.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if ((chunks[middle]?.[0] ?? '') <= word) low = middle
    else high = middle - 1
  }
  return low
}

/** Route files read so far: a chunk is named by a hash of its bytes, so a copy never goes stale. */
const fetched = new Map<string, Promise<unknown>>()

/** A JSON file, each URL fetched once per page (several words of a query often share a chunk). */
function fetchJson<T>(url: string): Promise<T | undefined> {
  let answer = fetched.get(url)
  if (answer === undefined) {
    answer = fetch(url).then(
      (response) => (response.ok ? response.json() : undefined),
      () => undefined
    )
    fetched.set(url, answer)
    // A failed read is tried again by the next query.
    void answer.then((value) => value === undefined && fetched.delete(url))
  }
  return answer as Promise<T | undefined>
}
