import type { PagefindApi, PagefindResult, PagefindResultData } from './pagefind-api.ts'
import { phraseMatch, queryVariants } from './query-variants.ts'

/** What the reader asked for. */
export interface SearchRequest {
  query: string
  filters: Record<string, string>
  /** Newest first instead of by relevance. */
  newest: boolean
  /** How many results to show. */
  count: number
}

/** A result ready to show. */
export interface ShownResult extends PagefindResultData {
  id: string
}

/** Results looked at again for phrase matches, whatever the page size. */
const rerankWindow = 20

const load = async (result: PagefindResult): Promise<ShownResult> => ({ id: result.id, ...(await result.data()) })

/**
 * Runs a query and its đ-spellings, merges the hits (each page once, with its best score) and
 * loads the data of the first `count`.
 *
 * By relevance, the best-scored hits are re-ranked so that pages holding the words as a phrase come
 * first, those with the reader's exact diacritics before folded ones: Pagefind scores words, not
 * phrases, and folding makes "Đà Nẵng" and "đà nâng" the same words.
 *
 * @param pagefind The loaded Pagefind API.
 * @param request Query, filters, order and how many.
 * @returns The total number of hits and the results to show.
 */
export async function runSearch(pagefind: PagefindApi, request: SearchRequest): Promise<{ total: number; results: ShownResult[] }> {
  const options = { filters: request.filters, ...(request.newest ? { sort: { date: 'desc' as const } } : {}) }
  const lists = await Promise.all(queryVariants(request.query).map(async (query) => (await pagefind.search(query, options))?.results ?? []))
  // A page found by several spellings keeps its best score, and the hit that matched the most
  // words (so its excerpt highlights "Đà Nẵng", not a lone "nâng").
  const best = new Map<string, PagefindResult>()
  const positions = new Map<string, Set<number>>()
  for (const list of lists) {
    for (const result of list) {
      const seen = best.get(result.id)
      if (!seen) best.set(result.id, result)
      else {
        const representative = (result.words?.length ?? 0) > (seen.words?.length ?? 0) ? result : seen
        best.set(result.id, { ...representative, score: Math.max(seen.score, result.score) })
      }
      const words = positions.get(result.id) ?? new Set<number>()
      for (const word of result.words ?? []) words.add(word)
      positions.set(result.id, words)
    }
  }
  // Matched words side by side hint at the phrase, before any page data is loaded.
  const multiWord = request.query.trim().split(/\s+/).length > 1
  const adjacent = (id: string): number => {
    const words = positions.get(id)
    return multiWord && words && [...words].some((word) => words.has(word + 1)) ? 1 : 0
  }
  const total = best.size
  if (request.newest) {
    // Each list is already newest first, so the newest `count` overall are among the first `count`
    // of each list: load those, order them by date, keep `count`.
    const candidates = new Map<string, PagefindResult>()
    for (const list of lists) for (const result of list.slice(0, request.count)) candidates.set(result.id, result)
    const loaded = await Promise.all([...candidates.values()].map(load))
    loaded.sort((a, b) => ((a.meta['sort'] ?? '') < (b.meta['sort'] ?? '') ? 1 : -1))
    return { total, results: loaded.slice(0, request.count) }
  }
  const ranked = [...best.values()].sort((a, b) => adjacent(b.id) - adjacent(a.id) || b.score - a.score)
  const head = await Promise.all(ranked.slice(0, Math.max(rerankWindow, request.count)).map(load))
  const phrase = new Map(head.map((result) => [result.id, phraseMatch(`${result.meta['title'] ?? ''} ${result.content ?? ''}`, request.query)]))
  // Array.prototype.sort is stable: within a phrase tier, Pagefind's order stays.
  head.sort((a, b) => (phrase.get(b.id) ?? 0) - (phrase.get(a.id) ?? 0))
  const tail = await Promise.all(ranked.slice(head.length, request.count).map(load))
  return { total, results: [...head, ...tail].slice(0, request.count) }
}
