import type { PagefindResult } from './pagefind-api.ts'
import { renderResult } from './render-result.ts'
import { countHits, fellBack, nextResults, prefetchFragments, type SearchRequest, type ShownResult } from './run-search.ts'
import { batches, bundleFilter, openGroups, readRoutesFor, type SearchGroups } from './search-groups.ts'
import { fillFilterCounts, readFilters } from './search-filters.ts'

/** Words the search page shows; they come from the site's dictionary through `data-strings`. */
interface SearchStrings {
  resultCount: string
  resultCountAtLeast: string
  noResults: string
  loading: string
  older: string
  failed: string
  unknownValue: string
  unknownNote: string
}

/** One search on the page: its hits as groups answer, and what is shown. */
interface Run {
  request: SearchRequest
  hits: Array<PagefindResult[] | undefined>
  shown: ShownResult[]
  unknown: string[]
  /** Renders one after the other, so results are appended in order. */
  rendering: Promise<void>
  /** The results found fill what the reader asked for: older bundles wait for "Xem thêm". */
  paused: boolean
  /** Goes on searching older bundles (set while paused). */
  resume?: () => void
}

/** A query whose routes name at most this share of the older bundles is rare (see `early` below). */
const rareShare = 0.1

/** The groups that have answered among the first `end`, in order. */
const answeredBefore = (hits: Run['hits'], end: number): PagefindResult[][] =>
  hits.slice(0, end).filter((group): group is PagefindResult[] => group !== undefined)

const root = document.querySelector<HTMLElement>('[data-search]')
if (root) void start(root)

async function start(root: HTMLElement): Promise<void> {
  const strings = JSON.parse(root.dataset['strings'] ?? '{}') as SearchStrings
  const bundles = JSON.parse(root.dataset['bundles'] ?? '[]') as string[]
  const first = JSON.parse(root.dataset['first'] ?? '[]') as Array<{ url: string; stamp: string }>
  const pageSize = Number(root.dataset['pageSize']) || 10
  const form = root.querySelector<HTMLFormElement>('form')
  const input = root.querySelector<HTMLInputElement>('input[name="q"]')
  const status = root.querySelector<HTMLElement>('[role="status"]')
  const list = root.querySelector<HTMLOListElement>('.search-results')
  const more = root.querySelector<HTMLButtonElement>('.search-more')
  const filtersBox = root.querySelector<HTMLElement>('.search-filters')
  if (!form || !input || !status || !list || !more || !filtersBox || bundles.length === 0) return
  filtersBox.hidden = false
  // Pagefind loads with the first query, or when the reader reaches for the search box: a page
  // opened without `?q=` runs no WebAssembly before the reader asks for it. The page's head has
  // already fetched pagefind.js, the WebAssembly and the entries of the first step (`data-first`).
  let opening: Promise<SearchGroups> | undefined
  const loadGroups = (): Promise<SearchGroups> => (opening ??= openGroups(bundles, first))
  input.addEventListener('focus', () => void loadGroups().catch(() => {}), { once: true })

  // Counts cost a download per bundle: load them when the reader reaches for a filter.
  let countsLoaded: Promise<void> | undefined
  const loadCounts = (): Promise<void> =>
    (countsLoaded ??= (async () => {
      const groups = await loadGroups()
      // Pagefind adds up the counts of every bundle merged into it.
      await groups.merge(groups.older)
      fillFilterCounts(form, await groups.pagefind.filters())
    })())
  for (const select of form.querySelectorAll('select:not([name="sap-xep"])')) {
    select.addEventListener('focus', () => void loadCounts(), { once: true })
    select.addEventListener('pointerdown', () => void loadCounts(), { once: true })
  }

  let current: Run | undefined
  const render = async (run: Run): Promise<void> => {
    // Groups answer in order, newest first: those before the first still searching can be shown.
    const waiting = run.hits.indexOf(undefined)
    const pending = waiting >= 0 && !run.paused
    const answered = answeredBefore(run.hits, waiting >= 0 ? waiting : run.hits.length)
    const next = await nextResults(answered, run.shown, run.request)
    if (run !== current) return
    list.append(...next.slice(run.shown.length).map((result) => renderResult(result, run.request.query)))
    run.shown = next
    const total = countHits(answered)
    const count = run.paused ? strings.resultCountAtLeast : strings.resultCount
    const found = total === 0 ? (pending ? '' : strings.noResults) : count.replace('{n}', String(total))
    const notes = [
      found.replace('{q}', run.request.query),
      pending ? strings.older : '',
      ...run.unknown.map((value) => strings.unknownNote.replace('{v}', value)),
    ]
    status.textContent = notes.filter(Boolean).join(' ')
    more.hidden = next.length >= total && !run.paused
    root.dataset['state'] = pending ? 'searching' : 'done'
  }
  const queue = (run: Run): Promise<void> => (run.rendering = run.rendering.then(() => render(run)))

  const show = async (): Promise<void> => {
    const params = new URLSearchParams(location.search)
    const query = params.get('q')?.trim() ?? ''
    input.value = query
    const read = readFilters(form, params, strings.unknownValue)
    if (Object.keys(read.renamed).length > 0) {
      for (const [param, id] of Object.entries(read.renamed)) params.set(param, id)
      history.replaceState(null, '', `${location.pathname}?${params.toString()}`)
    }
    const sort = form.elements.namedItem('sap-xep')
    if (sort instanceof HTMLSelectElement) sort.value = params.get('sap-xep') ?? ''
    list.replaceChildren()
    more.hidden = true
    // A search paused for "Xem thêm" ends: it sees it is no longer current.
    current?.resume?.()
    current = undefined
    if (!query) {
      status.textContent = ''
      root.dataset['state'] = 'done'
      return
    }
    const request = { query, filters: read.filters, newest: params.get('sap-xep') === 'moi-nhat', count: pageSize }
    status.textContent = strings.loading
    root.dataset['state'] = 'searching'
    readRoutesFor(bundles, query)
    let groups: SearchGroups
    try {
      groups = await loadGroups()
    } catch {
      status.textContent = strings.failed
      return
    }
    // The first step's bundles are a group each; until the routes are read, the older bundles
    // count as one more group still to answer.
    const firstGroups = groups.first.length
    const run: Run = {
      request,
      hits: Array.from({ length: firstGroups + (groups.older.length > 0 ? 1 : 0) }, () => undefined),
      shown: [],
      unknown: read.unknown,
      rendering: Promise.resolve(),
      paused: false,
    }
    current = run
    const options = { ...(request.newest ? { sort: { date: 'desc' as const } } : {}) }
    // For a word a bundle lacks (no indexed word starts with it), Pagefind falls back to the
    // longest indexed word it starts with, so "xam" would find every "xã" of a bundle without
    // "xẩm". Bundles the routes opened for every word cannot fall back; the first step's bundles
    // are not routed, and each falls back for all its hits or none: its first hit tells. Without
    // routes, a one-word query keeps only the hits its quoted form (whole word) finds too.
    const exact = /\s|"/.test(query) ? undefined : `"${query}"`
    try {
      // The first step answers and is shown first; only then do the older bundles search, added
      // below: at the same time they would slow the first answer down (bandwidth, the browser's six
      // connections, the main thread), for the first query and every later one.
      // The routes, a few KB of JSON, are read while the first step answers: the older bundles the
      // query needs are known the moment it has (two round trips fewer before an older result), and
      // the entries of the first batch are fetched meanwhile.
      const routing = groups.older.length === 0 ? undefined : groups.route(query).catch(() => ({ bundles: groups.older, routed: false }))
      void routing?.then(({ bundles }) => groups.prefetch(batches(bundles)[0] ?? []))
      const searchFirst = async (bundle: string, index: number): Promise<void> => {
        const found = (await groups.pagefind.search(query, { ...options, filters: { ...request.filters, ...bundleFilter([bundle]) } }))?.results ?? []
        if (run !== current) return
        // The fragments a page of results reads are fetched while the first hit tells whether the
        // bundle fell back: one round trip, not two, before the first result (Pagefind keeps each).
        prefetchFragments(found, run.request.count, run.request.newest)
        run.hits[index] = found[0] !== undefined && (await fellBack(found[0], query)) ? [] : found
        await queue(run)
      }
      // An older batch's hits: a one-word query without routes keeps only those its quoted form finds too.
      const searchStep = async (step: readonly string[], routed: boolean): Promise<PagefindResult[]> => {
        await groups.merge(step)
        const filters = { ...request.filters, ...bundleFilter(step) }
        const found = (await groups.pagefind.search(query, { ...options, filters }))?.results ?? []
        const words = routed || !exact ? undefined : await groups.pagefind.search(exact, { ...options, filters })
        const real = words ? new Set(words.results.map((result) => result.id)) : undefined
        return found.filter((result) => !real || real.has(result.id))
      }
      // A query the routes find in few older bundles (a tenth of them at most) is rare: the first
      // step most likely holds none of it, so the first older batch is searched at once, beside the
      // first step, its fragments fetched too, and its hits wait for their turn to be shown. A
      // common word leaves the first step its bandwidth.
      const early = routing
        ?.then(({ bundles, routed }) => {
          const [step] = batches(bundles)
          if (!routed || step === undefined || bundles.length > Math.max(1, groups.older.length * rareShare)) return undefined
          return searchStep(step, routed).then((found) => {
            prefetchFragments(found, request.count, request.newest)
            return found
          })
        })
        .catch(() => undefined)
      // Pagefind searches every bundle merged into it, whatever the filter: the newest bundle's
      // search starts before the bundle before it is merged, so it waits for none of that bundle's
      // chunks (about 30 KB a word), and the newest's hits show as soon as they are in.
      const [newestBundle = '', ...rest] = groups.first
      const newestAnswer = searchFirst(newestBundle, 0)
      const restAnswer = groups.merge(rest).then(() => Promise.all(rest.map((bundle, index) => searchFirst(bundle, index + 1))))
      await Promise.all([newestAnswer, restAnswer])
      if (run !== current || routing === undefined) return
      const { bundles, routed } = await routing
      if (run !== current) return
      // Each batch is a group of its own, older than the one before: its results go below.
      const steps = batches(bundles)
      run.hits.splice(firstGroups, 1, ...steps.map(() => undefined))
      if (steps.length === 0) await queue(run)
      for (const [index, step] of steps.entries()) {
        // Older bundles are searched while the reader needs them: once the hits found fill the
        // results asked for, the next batch waits for "Xem thêm". A common word costs the first
        // step and a batch or two, not the archive's hundred bundles (4 MB on a phone).
        if (countHits(answeredBefore(run.hits, firstGroups + index)) >= run.request.count) {
          run.paused = true
          const resumed = new Promise<void>((resolve) => (run.resume = resolve))
          await queue(run)
          await resumed
          run.paused = false
          delete run.resume
          if (run !== current) return
          await queue(run)
        }
        const found = (index === 0 ? await early : undefined) ?? (await searchStep(step, routed))
        if (run !== current) return
        run.hits[firstGroups + index] = found
        await queue(run)
      }
    } catch {
      if (run === current) status.textContent = strings.failed
    }
  }

  const submit = (): void => {
    const params = new URLSearchParams()
    const data = new FormData(form)
    for (const [key, value] of data.entries()) if (typeof value === 'string' && value.trim()) params.set(key, value.trim())
    const url = `${location.pathname}?${params.toString()}`
    if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url)
    void show()
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    submit()
  })
  for (const select of form.querySelectorAll('select')) select.addEventListener('change', submit)
  more.addEventListener('click', () => {
    if (!current) return
    current.request.count += pageSize
    void queue(current)
    // Paused for this click: older bundles are searched again.
    current.resume?.()
  })
  window.addEventListener('popstate', () => void show())
  await show()
}
