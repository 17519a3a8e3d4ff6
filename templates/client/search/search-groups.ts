import type { PagefindApi, PagefindSearcher } from './pagefind-api.ts'
import { routeKeys } from './vietnamese-text.ts'

/**
 * The archive's bundles as two searchable groups: the newest bundle alone, which answers first,
 * and the older bundles, merged into a second Pagefind instance, which answer after it. The first
 * result costs one bundle (pagefind.js, its WebAssembly and one bundle's metadata) whatever the
 * size of the archive; older articles stream in below.
 *
 * A one-word query opens only the older bundles that hold the word, as the search routes
 * (`src/search/word-routes.ts`) tell: a word of one 2006 article costs its bundle, not the archive.
 * Several words, filter counts, or routes that cannot be read open every older bundle.
 */
export interface SearchGroups {
  /** Number of groups (1 or 2). */
  count: number
  /**
   * The group's searcher, with every bundle the query may match loaded; `undefined` when no
   * bundle of the group can match it.
   *
   * @param query The reader's query; `undefined` for every bundle (filter counts).
   */
  open(group: number, query?: string): Promise<PagefindSearcher | undefined>
}

/** `/pagefind/words/index.json` (see `RoutesIndex` in `src/search/word-routes.ts`). */
interface Routes {
  bundles: string[]
  chunks: Array<[string, string]>
}

/**
 * Loads Pagefind from the newest bundle and prepares the older ones.
 *
 * @param bundles Bundle URLs, newest first.
 */
export async function openGroups(bundles: readonly string[]): Promise<SearchGroups> {
  const [newest, ...older] = bundles
  if (newest === undefined) throw new Error('no search bundle')
  const routesDir = newest.replace(/[^/]+\/$/, 'words/')
  const pagefind = (await import(/* @vite-ignore */ `${newest}pagefind.js`)) as PagefindApi
  // On the main thread: Pagefind's web worker would cost a second copy of its code (42 KB) before the first answer.
  await pagefind.options({ excerptLength: 30, noWorker: true })
  await pagefind.init()
  let routes: Promise<Routes | undefined> | undefined
  const readRoutes = (): Promise<Routes | undefined> => (routes ??= fetchJson<Routes>(`${routesDir}index.json`))
  // The older instance grows: bundles a query needs are merged once and stay. A bundle merged for
  // an earlier query is searched again, which cannot change a one-word query's exact hits.
  let instance: Promise<PagefindSearcher & { init(): Promise<void> }> | undefined
  const merged = new Map<string, Promise<void>>()
  const load = async (needed: readonly string[]): Promise<PagefindSearcher | undefined> => {
    const [first] = needed
    if (first === undefined) return undefined
    instance ??= (async () => {
      const created = pagefind.createInstance({ basePath: first, excerptLength: 30, noWorker: true })
      merged.set(first, created.init())
      await merged.get(first)
      return created
    })()
    const searcher = await instance
    for (const bundle of needed) if (!merged.has(bundle)) merged.set(bundle, searcher.mergeIndex(bundle))
    await Promise.all(needed.map((bundle) => merged.get(bundle)))
    return searcher
  }
  const route = async (query: string | undefined): Promise<readonly string[]> => {
    const keys = query === undefined || /\s|"/.test(query.trim()) ? [] : routeKeys(query.trim())
    if (keys.length !== 1) return older
    const found = await lookUp(await readRoutes(), routesDir, keys[0] ?? '')
    // Routes list bundles oldest first; the groups keep the page's order, newest first.
    return found === undefined ? older : older.filter((bundle) => found.has(bundle))
  }
  return {
    count: older.length > 0 ? 2 : 1,
    open: async (group, query) => (group === 0 ? pagefind : load(await route(query))),
  }
}

/** The bundles the routes name for a folded word; `undefined` when the routes cannot be read. */
async function lookUp(routes: Routes | undefined, dir: string, word: string): Promise<Set<string> | undefined> {
  if (!routes) return undefined
  let low = 0
  let high = routes.chunks.length - 1
  // The last chunk whose first word is not after the word.
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if ((routes.chunks[middle]?.[0] ?? '') <= word) low = middle
    else high = middle - 1
  }
  const file = routes.chunks[low]?.[1]
  if (file === undefined) return new Set()
  const chunk = await fetchJson<Record<string, string>>(`${dir}${file}`)
  if (!chunk) return undefined
  const mask = BigInt(`0x${chunk[word] ?? '0'}`)
  return new Set(routes.bundles.filter((_, bit) => (mask >> BigInt(bit)) & 1n))
}

async function fetchJson<T>(url: string): Promise<T | undefined> {
  try {
    const response = await fetch(url)
    return response.ok ? ((await response.json()) as T) : undefined
  } catch {
    return undefined
  }
}
