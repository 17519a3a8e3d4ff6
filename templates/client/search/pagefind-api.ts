/** Options and search calls of Pagefind's module API. */
export interface PagefindSearcher {
  /**
   * `noWorker`: search on the main thread, without fetching Pagefind's worker script; `mergeFilter`:
   * a synthetic filter every page of the first bundle carries (set before `init`); `metaCacheTag`:
   * the entry is fetched as `pagefind-entry.json?ts=<tag>` (else `?ts=<now>`), so a page can preload it.
   */
  options(options: {
    excerptLength?: number
    basePath?: string
    noWorker?: boolean
    mergeFilter?: Record<string, string>
    metaCacheTag?: string
  }): Promise<void>
  /** `mergeFilter`: a synthetic filter every page of the merged bundle carries. */
  mergeIndex(url: string, options?: { mergeFilter?: Record<string, string> }): Promise<void>
  filters(): Promise<Record<string, Record<string, number>>>
  search(
    term: string | null,
    options?: { filters?: Record<string, string | { any: string[] }>; sort?: Record<string, 'asc' | 'desc'> }
  ): Promise<{ results: PagefindResult[] } | null>
}

/** The part of pagefind.js (the browser API of a Pagefind bundle) that the search page uses. */
export interface PagefindApi extends PagefindSearcher {
  init(): Promise<void>
}

/** One hit, before its data is loaded. */
export interface PagefindResult {
  id: string
  score: number
  /** Positions of the matched words in the page. */
  words?: number[]
  data(): Promise<PagefindResultData>
}

/** A hit's data: its URL, excerpt with `<mark>`, and the meta we indexed. */
export interface PagefindResultData {
  url: string
  excerpt: string
  /** The indexed text of the page. */
  content?: string
  meta: Record<string, string | undefined>
  /** Each matched word with the weight of the element it is in (7 for the headline, 3 the lead). */
  weighted_locations?: Array<{ weight: number; location: number }>
}
