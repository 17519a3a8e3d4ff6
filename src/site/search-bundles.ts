/** One Pagefind bundle: a run of articles in publication order. */
export interface SearchBundle {
  /** Where the bundle is published, e.g. `/pagefind/0/` or, for one of the two newest runs, `/pagefind/19-4/`. */
  url: string
  /** Article URLs, oldest first. */
  articles: string[]
}

/** Each split run is cut into this many bundles, so the bundles a search answers from first are small. */
const parts = 5
/**
 * The newest runs kept split: the newest, filling, and the one before it. When the newest run holds
 * a single article (right after a new run starts), a query it cannot answer goes on to the run before,
 * and that one is still in bundles of `size / 5`, not one of `size`: the first older answer costs a
 * fifth of the index (metadata, and the chunks of each of the query's words) it would cost joined.
 */
const splitRuns = 2

/**
 * Splits the archive into search bundles, oldest first: runs of `size` articles, each one bundle,
 * except the two newest runs, each split into bundles of `size / 5` (the newest run holds 1 to `size`
 * articles). Pagefind's memory grows with the pages of one bundle (about 20 GB for 100,000,
 * pagefind#842); bundles of bounded size keep indexing memory bounded. Boundaries never move:
 * publishing an article changes only the newest bundle, except every `size`-th, which starts a new
 * run and joins the parts of the run two before it into one bundle. The search page answers from the
 * newest bundle first, then from the newest older bundles a query needs, so its first answers cost at
 * most `size / 5` articles' index each, whatever the archive's size.
 *
 * @param articles Published articles, newest first.
 * @param size Articles per bundle.
 */
export function planSearchBundles(articles: ReadonlyArray<{ url: string }>, size: number): SearchBundle[] {
  const oldestFirst = [...articles].reverse().map((article) => article.url)
  const bundles: SearchBundle[] = []
  const runs = Math.ceil(oldestFirst.length / size)
  const firstSplit = Math.max(0, runs - splitRuns)
  for (let run = 0; run < firstSplit; run++) bundles.push({ url: `/pagefind/${run}/`, articles: oldestFirst.slice(run * size, (run + 1) * size) })
  const part = Math.max(1, Math.ceil(size / parts))
  for (let run = firstSplit; run < runs; run++) {
    const articlesOfRun = oldestFirst.slice(run * size, (run + 1) * size)
    for (let start = 0, index = 0; start < articlesOfRun.length; start += part, index++) {
      bundles.push({ url: `/pagefind/${run}-${index}/`, articles: articlesOfRun.slice(start, start + part) })
    }
  }
  return bundles
}
