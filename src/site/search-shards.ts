import type { ArticleModel } from './model.ts'

/** One Pagefind bundle: a run of articles in publication order. */
export interface SearchShard {
  /** Where the bundle is published, e.g. `/pagefind/0/`. */
  bundle: string
  /** Article URLs, oldest first. */
  articles: string[]
}

/**
 * Splits the archive into search bundles of `size` articles, oldest first. Pagefind's memory grows
 * with the pages of one bundle (about 20 GB for 100,000, pagefind#842); bundles of bounded size keep
 * indexing memory bounded, the browser merges them at query time (`mergeIndex`), and publishing an
 * article changes only the newest bundle.
 *
 * @param articles Published articles, newest first.
 * @param size Articles per bundle.
 */
export function planSearchShards(articles: readonly ArticleModel[], size: number): SearchShard[] {
  const oldestFirst = [...articles].reverse()
  const shards: SearchShard[] = []
  for (let start = 0, index = 0; start < oldestFirst.length; start += size, index++) {
    shards.push({ bundle: `/pagefind/${index}/`, articles: oldestFirst.slice(start, start + size).map((article) => article.url) })
  }
  return shards
}
