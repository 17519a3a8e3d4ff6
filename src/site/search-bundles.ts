/** One Pagefind bundle: a run of articles in publication order. */
export interface SearchBundle {
  /** Where the bundle is published, e.g. `/pagefind/0/`. */
  url: string
  /** Article URLs, oldest first. */
  articles: string[]
}

/**
 * Splits the archive into search bundles of `size` articles, oldest first: `/pagefind/0/` holds the
 * first `size` articles ever published, the newest bundle the 1 to `size` latest. Boundaries never
 * move and bundles are never joined: publishing an article changes the newest bundle alone, editing
 * one changes its bundle alone, so a publish re-indexes and uploads at most `size` articles' index
 * (the everyday publish: the files of the pages it changed), at 100,000 articles as at 1,000.
 * Pagefind's memory grows with the pages of one bundle (about 20 GB for 100,000, pagefind#842);
 * bundles of bounded size keep it bounded. The search page answers from the newest bundle first,
 * then from the newest older bundles a query needs (the word routes name them), so a first answer
 * costs at most one bundle's metadata, whatever the size of the archive.
 *
 * @param articles Published articles, newest first.
 * @param size Articles per bundle.
 */
export function planSearchBundles(articles: ReadonlyArray<{ url: string }>, size: number): SearchBundle[] {
  const oldestFirst = [...articles].reverse().map((article) => article.url)
  const bundles: SearchBundle[] = []
  for (let start = 0, index = 0; start < oldestFirst.length; start += size, index++) {
    bundles.push({ url: `/pagefind/${index}/`, articles: oldestFirst.slice(start, start + size) })
  }
  return bundles
}
