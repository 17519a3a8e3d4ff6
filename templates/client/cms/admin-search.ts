import { type ArticleCollection, editorRoute } from './editor-route.ts'
import { findTitles, type ReadTitleFile } from './find-titles.ts'

/** Words of the box, from the site's dictionary (`cms.search…`). */
export interface AdminSearchStrings {
  search: string
  searchPlaceholder: string
  searchLoading: string
  searchCount: string
  searchNone: string
  searchFailed: string
}

/** What the admin page tells its script (`data-cms-search` on its body). */
export interface AdminSearchSettings {
  /** The folder of the title index (`src/search/title-index.ts`), e.g. `/pagefind/titles/`. */
  titleIndex: string
  /** The article collections of `/admin/config.yml`, by folder under `articles/`. */
  collections: ArticleCollection[]
  strings: AdminSearchStrings
}

/** Articles listed for a query: the editor types more words of the title to narrow them. */
const listed = 10
/** Search as the editor types, once typing pauses this long. */
const typingPause = 250

/** Lays out an element with CSSOM properties, which the site's `style-src 'self'` allows. */
function styled<T extends HTMLElement>(element: T, style: Partial<CSSStyleDeclaration>): T {
  Object.assign(element.style, style)
  return element
}

/**
 * Adds the box that finds an article by words of its title in the site's title index and opens it
 * in Decap's editor: fixed in the bottom right corner, above Decap's UI; the list shows title and
 * date of each match, newest first, each a link to the entry's editor route. Keyboard: Tab or
 * Arrow Down into the list, arrows through it, Enter opens, Escape goes back to the box. The
 * index's table of contents loads when the box gets focus, never with the editor.
 *
 * @param settings From the admin page.
 */
export function startAdminSearch(settings: AdminSearchSettings): void {
  const { strings } = settings
  // Column-reverse: the list opens upwards from the box, while the reading order stays box, list.
  const form = styled(document.createElement('form'), {
    position: 'fixed',
    right: '1rem',
    bottom: '1rem',
    // Above Decap's header (300) and menus (1000), below its dialogs (10000 and up: media library).
    zIndex: '9000',
    width: 'min(26rem, calc(100vw - 2rem))',
    display: 'flex',
    flexDirection: 'column-reverse',
    gap: '0.25rem',
    padding: '0.5rem',
    background: '#fff',
    border: '1px solid #bbb',
    borderRadius: '6px',
    boxShadow: '0 2px 10px rgba(0,0,0,0.2)',
    font: '14px/1.4 system-ui, sans-serif',
    color: '#222',
  })
  form.setAttribute('role', 'search')
  form.setAttribute('aria-label', strings.search)
  form.dataset['cmsSearchBox'] = ''
  const field = document.createElement('p')
  styled(field, { margin: '0', display: 'flex', flexDirection: 'column' })
  const label = styled(document.createElement('label'), { fontWeight: '600' })
  label.textContent = strings.search
  label.htmlFor = 'cms-search-q'
  const input = styled(document.createElement('input'), { font: 'inherit', padding: '0.3rem 0.4rem' })
  Object.assign(input, { id: 'cms-search-q', type: 'search', autocomplete: 'off', placeholder: strings.searchPlaceholder })
  input.setAttribute('aria-controls', 'cms-search-results')
  input.setAttribute('aria-describedby', 'cms-search-status')
  field.append(label, input)
  const status = styled(document.createElement('p'), { margin: '0', fontSize: '13px', color: '#555' })
  Object.assign(status, { id: 'cms-search-status' })
  status.setAttribute('role', 'status')
  const list = styled(document.createElement('ol'), { margin: '0', padding: '0', listStyle: 'none', maxHeight: '50vh', overflowY: 'auto' })
  Object.assign(list, { id: 'cms-search-results', hidden: true })
  list.setAttribute('aria-label', strings.search)
  form.append(field, status, list)
  document.body.append(form)

  const read = titleReader(settings.titleIndex)
  input.addEventListener('focus', () => void read('words/index.json').catch(() => {}), { once: true })

  let current = ''
  let timer: ReturnType<typeof setTimeout> | undefined
  const links = (): HTMLAnchorElement[] => [...list.querySelectorAll('a')]
  const search = async (query: string): Promise<void> => {
    current = query
    if (query === '') {
      list.replaceChildren()
      list.hidden = true
      status.textContent = ''
      return
    }
    status.textContent = strings.searchLoading
    form.dataset['state'] = 'searching'
    try {
      const articles = await findTitles(read, query, listed)
      if (query !== current) return
      list.replaceChildren(
        ...articles.flatMap((article) => {
          const route = editorRoute(article.url, settings.collections)
          return route === undefined ? [] : [resultItem(route, article.title, article.date)]
        })
      )
      list.hidden = list.childElementCount === 0
      const found = list.childElementCount === 0 ? strings.searchNone : strings.searchCount.replace('{n}', String(list.childElementCount))
      status.textContent = found.replace('{q}', query)
      form.dataset['state'] = 'done'
    } catch {
      if (query === current) status.textContent = strings.searchFailed
      form.dataset['state'] = 'failed'
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(() => void search(input.value.trim()), typingPause)
  })
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    clearTimeout(timer)
    const query = input.value.trim()
    // Enter on a query already answered opens its first article.
    const first = links()[0]
    if (query === current && first) first.click()
    else void search(query)
  })
  input.addEventListener('focus', () => {
    list.hidden = list.childElementCount === 0
  })
  form.addEventListener('keydown', (event) => {
    const all = links()
    const at = all.indexOf(document.activeElement as HTMLAnchorElement)
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (all.length === 0) return
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      const next = at < 0 ? (step > 0 ? 0 : all.length - 1) : at + step
      if (next < 0 || next >= all.length) input.focus()
      else all[next]?.focus()
    } else if (event.key === 'Escape') {
      list.hidden = true
      input.focus()
    }
  })
  // Once an article is opened the list makes room for the editor; the box keeps the query.
  list.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a')) list.hidden = true
  })
}

/**
 * Reads files of the title index, each once while the editor is open (a query typed letter by
 * letter reads the same chunks again).
 */
function titleReader(folder: string): ReadTitleFile {
  const files = new Map<string, Promise<unknown>>()
  return (path) => {
    let file = files.get(path)
    if (!file) {
      file = fetch(`${folder}${path}`).then((response) => {
        if (!response.ok) throw new Error(`${folder}${path}: HTTP ${response.status}`)
        return response.json() as Promise<unknown>
      })
      // A failed read is tried again by the next query.
      file.catch(() => files.delete(path))
      files.set(path, file)
    }
    return file
  }
}

/** One match: its title as a link to the editor, and its date. */
function resultItem(route: string, title: string, date: string): HTMLLIElement {
  const item = styled(document.createElement('li'), { padding: '0.25rem 0', borderBottom: '1px solid #eee' })
  const link = styled(document.createElement('a'), { color: '#0645ad', display: 'block' })
  link.href = route
  link.textContent = title
  const when = styled(document.createElement('span'), { fontSize: '12px', color: '#666' })
  when.textContent = date
  item.append(link, when)
  return item
}
