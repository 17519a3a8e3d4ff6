import type { PagefindApi } from './pagefind-api.ts'
import { phraseExcerpt } from './query-variants.ts'
import { runSearch, type ShownResult } from './run-search.ts'

/** Words the search page shows; they come from the site's dictionary through `data-strings`. */
interface SearchStrings {
  all: string
  resultCount: string
  noResults: string
  loading: string
  failed: string
}

const pageSize = 10
/** URL parameter of each filter (Vietnamese, like the site's paths). */
const filterParams: Record<string, string> = { locality: 'dia-phuong', author: 'tac-gia', year: 'nam' }

const root = document.querySelector<HTMLElement>('[data-search]')
if (root) void start(root)

async function start(root: HTMLElement): Promise<void> {
  const strings = JSON.parse(root.dataset['strings'] ?? '{}') as SearchStrings
  const bundles = JSON.parse(root.dataset['bundles'] ?? '[]') as string[]
  const form = root.querySelector<HTMLFormElement>('form')
  const input = root.querySelector<HTMLInputElement>('input[name="q"]')
  const status = root.querySelector<HTMLElement>('[role="status"]')
  const list = root.querySelector<HTMLOListElement>('.search-results')
  const more = root.querySelector<HTMLButtonElement>('.search-more')
  const filtersBox = root.querySelector<HTMLElement>('.search-filters')
  if (!form || !input || !status || !list || !more || !filtersBox || bundles.length === 0) return
  let shown = pageSize
  let pagefind: PagefindApi
  try {
    status.textContent = strings.loading
    pagefind = (await import(/* @vite-ignore */ `${bundles[0]}pagefind.js`)) as PagefindApi
    await pagefind.options({ excerptLength: 30 })
    await pagefind.init()
    for (const bundle of bundles.slice(1)) await pagefind.mergeIndex(bundle)
    filtersBox.hidden = false
    status.textContent = ''
  } catch {
    status.textContent = strings.failed
    return
  }

  // Filter values cost a download per bundle: load them when the reader reaches for a filter, or
  // when the URL already carries one.
  let filtersLoaded: Promise<void> | undefined
  const loadFilters = (): Promise<void> => (filtersLoaded ??= pagefind.filters().then((available) => fillFilters(form, available, strings)))
  for (const select of form.querySelectorAll('select:not([name="sap-xep"])')) {
    select.addEventListener('focus', () => void loadFilters(), { once: true })
    select.addEventListener('pointerdown', () => void loadFilters(), { once: true })
  }
  const readState = (): URLSearchParams => new URLSearchParams(location.search)
  const show = async (): Promise<void> => {
    const params = readState()
    const query = params.get('q')?.trim() ?? ''
    input.value = query
    if (Object.values(filterParams).some((param) => params.get(param))) await loadFilters()
    for (const param of Object.values(filterParams)) {
      const select = form.elements.namedItem(param)
      if (select instanceof HTMLSelectElement) select.value = params.get(param) ?? ''
    }
    const sort = form.elements.namedItem('sap-xep')
    if (sort instanceof HTMLSelectElement) sort.value = params.get('sap-xep') ?? ''
    list.replaceChildren()
    more.hidden = true
    if (!query) {
      status.textContent = ''
      return
    }
    const filters: Record<string, string> = {}
    for (const [name, param] of Object.entries(filterParams)) {
      const value = params.get(param)
      if (value) filters[name] = value
    }
    status.textContent = strings.loading
    try {
      const { total, results } = await runSearch(pagefind, { query, filters, newest: params.get('sap-xep') === 'moi-nhat', count: shown })
      // A newer search may have started while this one ran.
      if (readState().toString() !== params.toString()) return
      status.textContent = total === 0 ? strings.noResults.replace('{q}', query) : strings.resultCount.replace('{n}', String(total)).replace('{q}', query)
      list.replaceChildren(...results.map((result) => renderResult(result, query)))
      more.hidden = results.length >= total
    } catch {
      status.textContent = strings.failed
    }
  }

  const submit = (): void => {
    const params = new URLSearchParams()
    const data = new FormData(form)
    for (const [key, value] of data.entries()) if (typeof value === 'string' && value.trim()) params.set(key, value.trim())
    shown = pageSize
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
    shown += pageSize
    void show()
  })
  window.addEventListener('popstate', () => {
    shown = pageSize
    void show()
  })
  await show()
}

async function fillFilters(form: HTMLFormElement, available: Record<string, Record<string, number>>, strings: SearchStrings): Promise<void> {
  for (const [name, param] of Object.entries(filterParams)) {
    const select = form.elements.namedItem(param)
    if (!(select instanceof HTMLSelectElement)) continue
    const values = Object.entries(available[name] ?? {}).sort(([a], [b]) => (name === 'year' ? b.localeCompare(a) : a.localeCompare(b, 'vi')))
    select.replaceChildren(new Option(strings.all, ''), ...values.map(([value, count]) => new Option(`${value} (${count})`, value)))
  }
}

function renderResult(result: ShownResult, query: string): HTMLLIElement {
  const item = document.createElement('li')
  item.className = 'search-result'
  const { meta } = result
  if (meta['image']) {
    const image = document.createElement('img')
    image.className = 'search-result__thumb'
    image.src = meta['image']
    image.alt = ''
    image.loading = 'lazy'
    image.width = 128
    image.height = 85
    item.append(image)
  }
  const heading = document.createElement('h2')
  heading.className = 'search-result__title'
  const link = document.createElement('a')
  link.href = result.url
  link.textContent = meta['title'] ?? result.url
  heading.append(link)
  const info = document.createElement('p')
  info.className = 'search-result__meta'
  info.textContent = [meta['date'], meta['locality']].filter(Boolean).join(' · ')
  const excerpt = document.createElement('p')
  excerpt.className = 'search-result__excerpt'
  // Pagefind centres its excerpt on the densest matches; for a phrase we centre it on the phrase.
  const phrase = query.includes(' ') ? phraseExcerpt(result.content ?? '', query) : undefined
  if (phrase) {
    excerpt.append(
      ...phrase.map((part) => {
        if (!part.mark) return document.createTextNode(part.text)
        const mark = document.createElement('mark')
        mark.textContent = part.text
        return mark
      })
    )
  } else excerpt.innerHTML = safeExcerpt(result.excerpt)
  item.append(heading, info, excerpt)
  return item
}

/**
 * Keeps only Pagefind's `<mark>` highlights from an excerpt; any other markup is shown as text.
 *
 * @param excerpt The excerpt as Pagefind returns it.
 */
export function safeExcerpt(excerpt: string): string {
  const text = document.createElement('textarea')
  return excerpt
    .split(/(<\/?mark>)/)
    .map((part) => {
      if (part === '<mark>' || part === '</mark>') return part
      text.innerHTML = part
      const node = document.createElement('span')
      node.textContent = text.value
      return node.innerHTML
    })
    .join('')
}
