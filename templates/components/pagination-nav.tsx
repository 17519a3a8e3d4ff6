import type { Pagination, Strings } from '../../src/site/index.ts'

/** `rel="prev"`/`rel="next"` for the head: "next" leads to older articles, as readers page back in time. */
export function PaginationLinks({ pagination }: { pagination: Pagination }) {
  return (
    <>
      {pagination.newer ? <link rel="prev" href={pagination.newer} /> : null}
      {pagination.older ? <link rel="next" href={pagination.older} /> : null}
    </>
  )
}

/** Newer/older links and, on the landing page, the list of numbered pages. */
export function PaginationNav({ pagination, strings }: { pagination: Pagination; strings: Strings }) {
  if (!pagination.newer && !pagination.older && pagination.pages.length === 0) return null
  return (
    <nav class="pagination" aria-label={strings.pagination}>
      <p class="pagination__steps">
        {pagination.newer ? (
          <a rel="prev" href={pagination.newer}>
            ← {strings.newer}
          </a>
        ) : null}
        {pagination.older ? (
          <a rel="next" href={pagination.older}>
            {strings.older} →
          </a>
        ) : null}
      </p>
      {pagination.page === undefined ? (
        pagination.pages.length > 0 ? (
          <ol class="pagination__pages">
            {pagination.pages.map((page) => (
              <li key={page.number}>
                <a href={page.url}>
                  {strings.page} {page.number}
                </a>
              </li>
            ))}
          </ol>
        ) : null
      ) : (
        <p class="pagination__here">
          {strings.page} {pagination.page} · <a href={pagination.landing}>{strings.newestPage}</a>
        </p>
      )}
    </nav>
  )
}
