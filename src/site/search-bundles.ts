/** One Pagefind bundle: a run of articles in publication order. */
export interface SearchBundle {
  /** Where the bundle is published, e.g. `/pagefind/0/` or, for the newest run, `/pagefind/19-4/`. */
  url: string
  /** Article URLs, oldest first. */
  articles: string[]
}

/** The newest run is split into this many bundles, so the bundle a search answers from first is small. */
const newestParts = 5

/**
 * Splits the archive into search bundles, oldest first: runs of `size` articles, each one bundle,
 * except the newest run (1 to `size` articles), which is split into bundles of `size / 5`.
 * Pagefind's memory grows with the pages of one bundle (about 20 GB for 100,000, pagefind#842);
 * bundles of bounded size keep indexing memory bounded. Boundaries never move: publishing an article
 * changes only the newest bundle, except every `size`-th, which starts a new run and joins the
 * previous run's parts into one bundle. The search page answers from the newest bundle first, so its
 * first answer costs at most `size / 5` articles' index, whatever the archive's size.
 *
 * @param articles Published articles, newest first.
 * @param size Articles per bundle.
 */
export function planSearchBundles(articles: ReadonlyArray<{ url: string }>, size: number): SearchBundle[] {
  const oldestFirst = [...articles].reverse().map((article) => article.url)
  const bundles: SearchBundle[] = []
  const newestRun = Math.max(0, Math.ceil(oldestFirst.length / size) - 1)
  for (let run = 0; run < newestRun; run++) bundles.push({ url: `/pagefind/${run}/`, articles: oldestFirst.slice(run * size, (run + 1) * size) })
  const part = Math.max(1, Math.ceil(size / newestParts))
  const rest = oldestFirst.slice(newestRun * size)
  for (let start = 0, index = 0; start < rest.length; start += part, index++) {
    bundles.push({ url: `/pagefind/${newestRun}-${index}/`, articles: rest.slice(start, start + part) })
  }
  return bundles
}
