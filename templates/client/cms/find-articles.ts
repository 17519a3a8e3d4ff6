import type { PagefindResult } from '../search/pagefind-api.ts'
import { fellBack, nextResults, type ShownResult } from '../search/run-search.ts'
import { batches, bundleFilter, type SearchGroups } from '../search/search-groups.ts'

/**
 * Finds articles in the site's search index as the search page does: the newest bundle first, then
 * only the older bundles the routes name for the query's words, in batches (1, 2, 4, the rest), so a
 * title word of one 2005 article costs its bundle, not the archive. Each group's articles are shown
 * as it answers, below the newer groups', headline and lead matches first within it.
 *
 * @param groups The archive's bundles, from `openGroups`.
 * @param query What the editor typed (diacritics optional: the index knows the folded words).
 * @param count How many articles to list.
 * @param show Called as each group answers, with the articles so far and whether more may come;
 *   return `false` to stop (the editor typed something else).
 */
export async function findArticles(
  groups: SearchGroups,
  query: string,
  count: number,
  show: (articles: readonly ShownResult[], pending: boolean) => boolean
): Promise<void> {
  const request = { query, filters: {}, newest: false, count }
  // Until the routes are read, the older bundles count as one group still to answer.
  const hits: Array<PagefindResult[] | undefined> = groups.older.length > 0 ? [undefined, undefined] : [undefined]
  let shown: ShownResult[] = []
  const update = async (): Promise<boolean> => {
    // Groups answer in order, newest first: those before the first still searching are shown.
    const waiting = hits.indexOf(undefined)
    const pending = waiting >= 0
    const answered = hits.slice(0, pending ? waiting : hits.length).filter((list): list is PagefindResult[] => list !== undefined)
    shown = await nextResults(answered, shown, request)
    return show(shown, pending)
  }
  const newest = (await groups.pagefind.search(query, { filters: bundleFilter([groups.newest]) }))?.results ?? []
  // A word the newest bundle lacks makes Pagefind answer for a shorter one: its first hit tells.
  hits[0] = newest[0] !== undefined && (await fellBack(newest[0], query)) ? [] : newest
  if (!(await update()) || groups.older.length === 0) return
  const { bundles, routed } = await groups.route(query)
  const steps = batches(bundles)
  hits.splice(1, 1, ...steps.map(() => undefined))
  if (steps.length === 0) await update()
  // Without routes, a one-word query keeps only the hits its quoted (whole-word) form finds too.
  const exact = routed || /\s|"/.test(query) ? undefined : `"${query}"`
  for (const [index, step] of steps.entries()) {
    await groups.merge(step)
    const filters = bundleFilter(step)
    const found = (await groups.pagefind.search(query, { filters }))?.results ?? []
    const words = exact === undefined ? undefined : await groups.pagefind.search(exact, { filters })
    const real = words ? new Set(words.results.map((result) => result.id)) : undefined
    hits[index + 1] = found.filter((result) => !real || real.has(result.id))
    if (!(await update())) return
  }
}

/**
 * The search bundles the site's search page names (`data-bundles`, newest first), read from the
 * start of that page only: the attribute comes before the page's form and its long lists of places.
 *
 * @param searchPage The search page's path, e.g. `/tim-kiem/`.
 */
export async function readBundles(searchPage: string): Promise<string[]> {
  const response = await fetch(searchPage)
  if (!response.ok || !response.body) throw new Error(`${searchPage}: HTTP ${response.status}`)
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  for (;;) {
    const { done, value } = await reader.read()
    if (value) text += decoder.decode(value, { stream: true })
    const match = /data-bundles="([^"]*)"/.exec(text)
    if (match) {
      void reader.cancel().catch(() => {})
      // The attribute's entities decoded by the browser's own parser.
      const element = new DOMParser().parseFromString(`<i data-bundles="${match[1]}"></i>`, 'text/html').body.firstElementChild
      const bundles: unknown = JSON.parse(element?.getAttribute('data-bundles') ?? '[]')
      return Array.isArray(bundles) ? bundles.filter((bundle): bundle is string => typeof bundle === 'string') : []
    }
    if (done) throw new Error(`${searchPage}: no search bundles`)
  }
}
