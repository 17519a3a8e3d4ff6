import type { PagefindResult, PagefindResultData } from './pagefind-api.ts'
import { foldVietnamese, hasMarks, phraseMatch, routeKeys, spelledAsTyped } from './vietnamese-text.ts'

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

/** How a loaded hit ranks for a query: compared field by field, in this order (see "Ranking" in docs/search.md). */
export interface HitRank {
  /** Every word of the query spelled as typed, diacritics included (always, for a query typed without any). */
  asTyped: boolean
  /** A match in the headline or the lead. */
  headlineOrLead: boolean
  /**
   * The query's words in a row: 2 as typed, 1 only once folded, 0 not (or a one-word query). A
   * query typed without marks carries no spelling: its words in a row in any spelling are as typed.
   */
  phrase: 0 | 1 | 2
  /** When the article was published (ISO, UTC): among equals, newer first. */
  date: string
}

/**
 * How a loaded hit ranks for a query.
 *
 * @param result A loaded result.
 * @param query The reader's query.
 */
export function rankOf(result: PagefindResultData, query: string): HitRank {
  const text = `${result.meta['title'] ?? ''}. ${bodyText(result)}`
  const phrase = phraseMatch(text, query)
  return {
    asTyped: spelledAsTyped(text, query),
    headlineOrLead: matchesHeadlineOrLead(result),
    phrase: phrase > 0 && !hasMarks(query) ? 2 : phrase,
    date: result.meta['sort'] ?? '',
  }
}

/**
 * Orders two ranks, the better first: spelled as typed, then a headline or lead match, then the
 * query as a phrase, then the newer article. Equal ranks keep Pagefind's order (its score).
 */
export function compareRanks(a: HitRank, b: HitRank): number {
  const flag = (value: boolean): number => (value ? 1 : 0)
  return (
    flag(b.asTyped) - flag(a.asTyped) ||
    flag(b.headlineOrLead) - flag(a.headlineOrLead) ||
    b.phrase - a.phrase ||
    (a.date === b.date ? 0 : a.date < b.date ? 1 : -1)
  )
}

/**
 * A group's hits not yet shown, ranked: the best-scored of them (a page, each costing a fragment)
 * loaded and ordered by {@link compareRanks}: spelled as typed first, then a headline or lead match,
 * then the words as a phrase, then newer first. Equal ranks keep Pagefind's order (its score).
 *
 * @param hits One group's hits, not yet shown.
 * @param query The reader's query.
 * @param need How many results the page still needs.
 */
async function rankGroup(hits: readonly PagefindResult[], query: string, need: number): Promise<ShownResult[]> {
  const byScore = [...hits].sort((a, b) => b.score - a.score)
  const head = await Promise.all(byScore.slice(0, Math.max(rerankWindow, need)).map(load))
  const ranks = new Map(head.map((result) => [result.id, rankOf(result, query)]))
  const rank = (result: ShownResult): HitRank => ranks.get(result.id) as HitRank
  // Array.prototype.sort is stable: equal ranks keep Pagefind's order.
  return head.sort((a, b) => compareRanks(rank(a), rank(b))).slice(0, need)
}

/**
 * Starts loading the fragments {@link nextResults} reads first for a group's hits: the best-scored
 * page by relevance, or the first date window newest first. Pagefind keeps each fragment it loads.
 *
 * @param hits One group's hits, in Pagefind's order.
 * @param need How many results the page needs.
 * @param newest Whether the page is ordered by date.
 */
export function prefetchFragments(hits: readonly PagefindResult[], need: number, newest = false): void {
  const window = newest ? hits.slice(0, Math.max(need * 3, dateWindow)) : [...hits].sort((a, b) => b.score - a.score).slice(0, Math.max(rerankWindow, need))
  for (const hit of window) void hit.data().catch(() => {})
}

/**
 * A group's hits not yet shown, newest first. Inside a group of several bundles Pagefind's date
 * order holds per bundle only (it merges bundles by score), so a window is loaded and ordered by date.
 *
 * @param hits One group's hits, not yet shown, in Pagefind's date order.
 * @param need How many results the page still needs.
 */
async function dateGroup(hits: readonly PagefindResult[], need: number): Promise<ShownResult[]> {
  const window = await Promise.all(hits.slice(0, Math.max(need * 3, dateWindow)).map(load))
  return window.sort((a, b) => ((a.meta['sort'] ?? '') < (b.meta['sort'] ?? '') ? 1 : -1)).slice(0, need)
}

/**
 * The results to show once one more group has answered. The groups follow each other, newest first
 * (every article of a later group is older): a group's results are shown as soon as it answers,
 * below those of the groups before it, with no wait for a full page, and what is shown never
 * moves. Within a group, by relevance, {@link rankGroup} orders the hits; by date, newer first.
 * A page is filled from the first group that still has hits not shown, then the next.
 *
 * @param hits The groups that have answered, newest first, each in Pagefind's order.
 * @param shown The results already on the page, in order.
 * @param request Query, order and how many.
 */
export async function nextResults(
  hits: ReadonlyArray<readonly PagefindResult[]>,
  shown: readonly ShownResult[],
  request: SearchRequest
): Promise<ShownResult[]> {
  const results = shown.slice(0, request.count)
  const seen = new Set(results.map((result) => result.id))
  for (const group of hits) {
    const need = request.count - results.length
    if (need <= 0) break
    const fresh = group.filter((result) => !seen.has(result.id))
    if (fresh.length === 0) continue
    results.push(...(request.newest ? await dateGroup(fresh, need) : await rankGroup(fresh, request.query, need)))
  }
  return results
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
