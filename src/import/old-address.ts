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

/**
 * Where a page goes: at the path of its old address (`/gioi-thieu/lien-he/` →
 * `pages/gioi-thieu/lien-he.md`, so a child page keeps its place), else by its slug.
 *
 * @param link The page's old address.
 * @param slug Its slug, for a page whose address is only a query (`?page_id=12`).
 * @param fold How segments are folded into slugs.
 */
export function pagePath(link: string, slug: string, fold: (segment: string) => string): string {
  const url = URL.canParse(link) ? new URL(link) : undefined
  const segments =
    url && url.search === ''
      ? readablePath(url.pathname)
          .split('/')
          .filter((segment) => segment !== '')
          .map(fold)
      : []
  return segments.length > 0 && segments.every((segment) => segment !== '') ? `pages/${segments.join('/')}.md` : `pages/${slug}.md`
}
