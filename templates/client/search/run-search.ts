import type { PagefindResult, PagefindResultData } from './pagefind-api.ts'
import { foldVietnamese, phraseMatch, routeKeys } from './vietnamese-text.ts'

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

/** Hits looked at again for headline, lead and phrase matches: one page (each costs a fragment). */
const rerankWindow = 10
/** Hits of the older bundles loaded to order them by date. */
const dateWindow = 50
/** Weight of the lead in the search record: a match at this weight or above is in the lead or headline. */
const leadWeight = 3
/** Starts the folded copy of đ-words at the end of an indexed text (`src/search/d-spellings.ts`). */
const foldedMarker = '⁂'

const load = async (result: PagefindResult): Promise<ShownResult> => ({ id: result.id, ...(await result.data()) })

/**
 * Whether the query matched the headline or the lead (in the original or the folded spelling),
 * as Pagefind's weighted word locations tell.
 *
 * @param result A loaded result.
 */
export function matchesHeadlineOrLead(result: PagefindResultData): boolean {
  return (result.weighted_locations ?? []).some((location) => location.weight >= leadWeight)
}

/**
 * An article's indexed text without its headline and without the folded copy of its đ-words: what
 * an excerpt may show.
 *
 * @param result A loaded result.
 */
export function bodyText(result: PagefindResultData): string {
  let text = result.content ?? ''
  const marker = text.lastIndexOf(foldedMarker)
  if (marker >= 0) text = text.slice(0, marker)
  const title = result.meta['title'] ?? ''
  if (title && text.startsWith(title)) text = text.slice(title.length).replace(/^[.\s]+/, '')
  return text.trim()
}

/**
 * The results to show once more bundles have answered. Results already shown stay where they are
 * (nothing jumps above what the reader is looking at); the rest of the page is filled from every
 * hit so far. By relevance, the best-scored hits are re-ranked: a match in the headline or lead
 * first, then the words as a phrase (exact diacritics before folded), then Pagefind's score. By
 * date, the groups' lists follow each other: every article of a later group is older.
 *
 * While older bundles are still searching, only headline and lead matches are shown (for several
 * words, only those holding them as a phrase): a hit deep in the body of a new article must not take
 * the top of the list before an older article that has the word in its headline has had a chance
 * to answer.
 *
 * @param hits Each answered group's hits, newest group first, in Pagefind's order.
 * @param shown The results already on the page, in order.
 * @param request Query, order and how many.
 * @param complete Whether every group has answered.
 */
export async function nextResults(
  hits: ReadonlyArray<readonly PagefindResult[]>,
  shown: readonly ShownResult[],
  request: SearchRequest,
  complete: boolean
): Promise<ShownResult[]> {
  const kept = shown.slice(0, request.count)
  const seen = new Set(kept.map((result) => result.id))
  const need = request.count - kept.length
  if (need <= 0) return kept
  const fresh = (list: readonly PagefindResult[]) => list.filter((result) => !seen.has(result.id))
  if (request.newest) {
    // Every article of a later group is older: the groups follow each other. Inside the merged
    // group Pagefind's date order holds per bundle only (it merges bundles by score), so a window
    // is loaded and ordered by date.
    const loaded: ShownResult[] = []
    for (const list of hits) {
      if (loaded.length >= need) break
      const window = await Promise.all(
        fresh(list)
          .slice(0, Math.max(need * 3, dateWindow))
          .map(load)
      )
      loaded.push(...window.sort((a, b) => ((a.meta['sort'] ?? '') < (b.meta['sort'] ?? '') ? 1 : -1)))
    }
    return [...kept, ...loaded.slice(0, need)]
  }
  const ranked = hits.flatMap(fresh).sort((a, b) => b.score - a.score)
  const head = await Promise.all(ranked.slice(0, Math.max(rerankWindow, need)).map(load))
  const tier = new Map(
    head.map((result) => [
      result.id,
      (matchesHeadlineOrLead(result) ? 4 : 0) + phraseMatch(`${result.meta['title'] ?? ''}. ${bodyText(result)}`, request.query),
    ])
  )
  // Array.prototype.sort is stable: within a tier, Pagefind's order stays.
  head.sort((a, b) => (tier.get(b.id) ?? 0) - (tier.get(a.id) ?? 0))
  // Several words: a headline or lead holding them apart (a chance match) may still be beaten by
  // an older article holding them as a phrase, so only phrase matches are shown early.
  const early = /\s/.test(request.query.trim()) ? 5 : 4
  const ready = complete ? head : head.filter((result) => (tier.get(result.id) ?? 0) >= early)
  return [...kept, ...ready.slice(0, need)]
}

/**
 * The number of distinct hits so far.
 *
 * @param hits Each answered group's hits.
 */
export function countHits(hits: ReadonlyArray<readonly PagefindResult[]>): number {
  return new Set(hits.flatMap((list) => list.map((result) => result.id))).size
}

/**
 * Whether Pagefind answered with a shorter word for a word of the query that the bundle lacks: the
 * hit holds no word starting with one of the query's words (folded as the routes fold them). A
 * bundle either has a word starting with the query's word, and then every hit does, or it falls back
 * for every hit, so one hit tells for all the hits of its bundle.
 *
 * @param hit A hit of a single bundle.
 * @param query The reader's query.
 */
export async function fellBack(hit: PagefindResult, query: string): Promise<boolean> {
  const text = (await hit.data()).content ?? ''
  const words = foldVietnamese(text).split(' ')
  const wanted = query
    .replace(/"/g, ' ')
    .trim()
    .split(/\s+/)
    .flatMap((token) => {
      // A word Pagefind splits at its punctuation ("covid-19") is checked part by part.
      const keys = routeKeys(token)
      return keys.length > 1 ? keys.slice(1) : keys
    })
  return wanted.some((word) => !words.some((candidate) => candidate.startsWith(word)))
}
