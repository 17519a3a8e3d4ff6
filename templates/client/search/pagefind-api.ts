/** The part of pagefind.js (the browser API of a Pagefind bundle) that the search page uses. */
export interface PagefindApi {
  options(options: { excerptLength?: number; basePath?: string }): Promise<void>
  init(): Promise<void>
  mergeIndex(url: string, options?: object): Promise<void>
  filters(): Promise<Record<string, Record<string, number>>>
  search(term: string | null, options?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> }): Promise<{ results: PagefindResult[] } | null>
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
}
