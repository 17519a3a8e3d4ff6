/**
 * The old permalink as an alias, unless it is the new address or only a query (`?p=12`).
 *
 * @param link The old address.
 * @param id The article's id (`YYYY/MM/<slug>`).
 */
export function aliasOf(link: string, id: string): string[] {
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return []
  }
  const path = readablePath(url.pathname)
  if (url.search !== '' || path === '/' || path.includes('//') || path.replace(/\/?$/, '/') === `/${id}/`) return []
  return [path]
}

/**
 * A path with its segments percent-decoded where that is safe (`/2019/10/công-an/`), as writers
 * read and type aliases; a segment that decodes to a space, `/`, `%`, `?` or `#` stays encoded.
 *
 * @param pathname A URL's path, percent-encoded.
 */
export function readablePath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => {
      try {
        const decoded = decodeURIComponent(segment)
        return /[\s/\\%?#\u0000-\u001f\u007f]/.test(decoded) ? segment : decoded.normalize('NFC')
      } catch {
        return segment
      }
    })
    .join('/')
}
