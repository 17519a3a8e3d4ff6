import { archivePageUrl } from './urls.ts'

/** Where a listing page sits among its siblings. */
export interface Pagination {
  /** URL of the landing page (the newest articles). */
  landing: string
  /** Number of this older page, counted from the oldest; absent on the landing page. */
  page?: number
  /** The page with the next newer articles. */
  newer?: string
  /** The page with the next older articles. */
  older?: string
  /** Links to numbered pages (the newest nine and the first), newest first; only on the landing page, which changes anyway. */
  pages: Array<{ number: number; url: string }>
}

/** One page of a paginated listing. */
export interface PageSlice<T> {
  url: string
  /** Newest first. */
  items: T[]
  pagination: Pagination
}

/**
 * Splits a listing into archive-stable pages. The landing page shows the newest `size` items.
 * Older pages are numbered from the oldest (`trang/1/` holds the first `size` items ever
 * published), so a new item changes only the landing page and the newest numbered page (and the
 * one before it when the newest fills up and a new one starts); older pages never change and can
 * be cached forever. Numbered pages exist once there are more items than fit on the landing page.
 *
 * @param items The listing, newest first.
 * @param landing URL of the landing page.
 * @param size Items per page.
 */
export function paginate<T>(items: readonly T[], landing: string, size: number): Array<PageSlice<T>> {
  const total = items.length
  const count = total > size ? Math.ceil(total / size) : 0
  const oldestFirst = [...items].reverse()
  const numbered: Array<PageSlice<T>> = []
  for (let page = 1; page <= count; page++) {
    const pagination: Pagination = { landing, page, newer: page < count ? archivePageUrl(landing, page + 1) : landing, pages: [] }
    if (page > 1) pagination.older = archivePageUrl(landing, page - 1)
    numbered.push({ url: archivePageUrl(landing, page), items: oldestFirst.slice((page - 1) * size, page * size).reverse(), pagination })
  }
  // A compact page list: the newest numbered pages, then the very first one.
  const listed = count <= 10 ? Array.from({ length: count }, (_, index) => count - index) : [...Array.from({ length: 9 }, (_, index) => count - index), 1]
  const landingPagination: Pagination = { landing, pages: listed.map((number) => ({ number, url: archivePageUrl(landing, number) })) }
  // Everything on the newest numbered page is on the landing page too; older reading starts one page down.
  if (count >= 2) landingPagination.older = archivePageUrl(landing, count - 1)
  return [{ url: landing, items: items.slice(0, size), pagination: landingPagination }, ...numbered]
}
