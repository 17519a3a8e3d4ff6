import { foldVietnamese } from './vietnamese-text.ts'

/** URL parameter of each filter (Vietnamese, like the site's paths). */
export const filterParams: Record<string, string> = { locality: 'dia-phuong', author: 'tac-gia', year: 'nam' }

/** How the URL's filters were read. */
export interface ReadFilters {
  /** Pagefind filters to apply: ids, and years. */
  filters: Record<string, string>
  /** Parameters given by name (old links), now by id: the URL is rewritten with these. */
  renamed: Record<string, string>
  /** Values that name no locality or author: shown as such, not applied. */
  unknown: string[]
}

/**
 * Reads the filter parameters of a URL into the form's selects. A value is an id (the site's own
 * URLs), or a name as older links carry it ("Huyện Hoằng Hóa", any case or diacritics); a value
 * that is neither stays visible in its select, marked unknown, and filters nothing.
 *
 * @param form The search form, whose locality and author selects list every id with its name.
 * @param params The page's URL parameters.
 * @param unknownLabel Text of an unknown value's option, with `{v}` for the value.
 */
export function readFilters(form: HTMLFormElement, params: URLSearchParams, unknownLabel: string): ReadFilters {
  const read: ReadFilters = { filters: {}, renamed: {}, unknown: [] }
  for (const [name, param] of Object.entries(filterParams)) {
    const select = form.elements.namedItem(param)
    if (!(select instanceof HTMLSelectElement)) continue
    for (const option of [...select.options]) if (option.dataset['unknown'] !== undefined) option.remove()
    const value = params.get(param)?.trim() ?? ''
    select.value = ''
    if (!value) continue
    const options = [...select.options].filter((option) => option.value)
    const folded = foldVietnamese(value)
    const match = options.find((option) => option.value === value) ?? options.find((option) => foldVietnamese(option.dataset['name'] ?? option.text) === folded)
    if (match) {
      select.value = match.value
      read.filters[name] = match.value
      if (match.value !== value) read.renamed[param] = match.value
    } else if (name === 'year' && /^\d{4}$/.test(value)) {
      select.append(new Option(value, value))
      select.value = value
      read.filters[name] = value
    } else {
      const option = new Option(unknownLabel.replace('{v}', value), value)
      option.dataset['unknown'] = ''
      select.append(option)
      select.value = value
      read.unknown.push(value)
    }
  }
  return read
}

/**
 * Adds Pagefind's counts to the filter options ("Lan Anh (2)") and lists the years.
 *
 * @param form The search form.
 * @param available Pagefind's filter values and counts.
 */
export function fillFilterCounts(form: HTMLFormElement, available: Record<string, Record<string, number>>): void {
  for (const [name, param] of Object.entries(filterParams)) {
    const select = form.elements.namedItem(param)
    if (!(select instanceof HTMLSelectElement)) continue
    const counts = available[name] ?? {}
    if (name === 'year') {
      const chosen = select.value
      const years = Object.keys(counts).sort((a, b) => b.localeCompare(a))
      for (const option of [...select.options]) if (option.value && option.dataset['unknown'] === undefined) option.remove()
      select.append(...years.map((year) => new Option(`${year} (${counts[year] ?? 0})`, year)))
      select.value = chosen
      continue
    }
    for (const option of select.options) {
      if (!option.value || option.dataset['unknown'] !== undefined) continue
      const label = option.dataset['name'] ?? option.text
      option.text = counts[option.value] ? `${label} (${counts[option.value]})` : label
    }
  }
}
