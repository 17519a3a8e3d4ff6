/** A link of a most-read list. */
export interface ReadLink {
  url: string
  title: string
}

/** A most-read window as the box shows it. */
export interface ReadWindowList {
  /** `24h`, `7d`. */
  window: string
  links: ReadLink[]
}

/**
 * The lists of a most-read fragment worth showing, in the fragment's order: well-formed links only
 * (site paths, titles), the page the reader is on left out, empty windows dropped. Anything that
 * is not a fragment gives none.
 *
 * @param data The fragment's parsed JSON.
 * @param here The page's own path.
 */
export function readLists(data: unknown, here: string): ReadWindowList[] {
  if (typeof data !== 'object' || data === null || !('windows' in data)) return []
  const windows = (data as { windows: unknown }).windows
  if (typeof windows !== 'object' || windows === null) return []
  const lists: ReadWindowList[] = []
  for (const [window, items] of Object.entries(windows)) {
    if (!Array.isArray(items)) continue
    const links = items.filter(
      (item): item is ReadLink =>
        typeof item === 'object' &&
        item !== null &&
        typeof item.url === 'string' &&
        item.url.startsWith('/') &&
        !item.url.startsWith('//') &&
        typeof item.title === 'string'
    )
    const shown = links.filter((link) => link.url !== here)
    if (shown.length > 0) lists.push({ window, links: shown })
  }
  return lists
}

/**
 * A window's label: `24h` → `24 giờ`, `7d` → `7 ngày`, with the page's words.
 *
 * @param window The window's name.
 * @param words `{n} giờ` and `{n} ngày`.
 */
export function windowLabel(window: string, words: { hours: string; days: string }): string {
  const match = /^(\d+)([hd])$/.exec(window)
  if (!match) return window
  return (match[2] === 'h' ? words.hours : words.days).replace('{n}', match[1] as string)
}
