import type { PageContext } from '../context.ts'
import { BasePage } from '../layout/base-page.tsx'

/**
 * `/tim-kiem/?q=…`: the target of every page's search form. The form and the empty result list are
 * plain HTML; the search script (Pagefind's browser API) fills them in. Without JavaScript the page
 * says how to browse by place instead.
 */
export function SearchPage({ context, bundles }: { context: PageContext; bundles: string[] }) {
  const { strings, localities, navigation } = context
  const root = navigation[0] ? localities[navigation[0]] : undefined
  const clientStrings = {
    all: strings.searchAll,
    resultCount: strings.searchResultCount,
    noResults: strings.searchNoResults,
    loading: strings.searchLoading,
    failed: strings.searchFailed,
  }
  const select = (name: string, label: string, options: Array<[string, string]> = [['', strings.searchAll]]) => (
    <label class="search-filter">
      <span>{label}</span>
      <select name={name}>
        {options.map(([value, text]) => (
          <option value={value}>{text}</option>
        ))}
      </select>
    </label>
  )
  return (
    <BasePage
      context={context}
      title={strings.search}
      description={strings.searchIntro}
      path="/tim-kiem/"
      head={<script type="module" src={context.assets.searchScript} />}
    >
      <section class="search" data-search="" data-bundles={JSON.stringify(bundles)} data-strings={JSON.stringify(clientStrings)}>
        <h1>{strings.search}</h1>
        <form class="search-form" role="search" aria-label={strings.searchArchive} action="/tim-kiem/" method="get">
          <p class="search-form__query">
            <label for="tim-kiem-q">{strings.searchQuery}</label>
            <input id="tim-kiem-q" type="search" name="q" autocomplete="off" />
            <button type="submit">{strings.searchButton}</button>
          </p>
          <p class="search-hint">{strings.searchIntro}</p>
          <div class="search-filters" hidden>
            {select('dia-phuong', strings.filterLocality)}
            {select('tac-gia', strings.filterAuthor)}
            {select('nam', strings.filterYear)}
            {select('sap-xep', strings.sortLabel, [
              ['', strings.sortRelevance],
              ['moi-nhat', strings.sortNewest],
            ])}
          </div>
        </form>
        <p class="search-status" role="status" aria-live="polite" />
        <ol class="search-results" />
        <button type="button" class="search-more" hidden>
          {strings.searchMore}
        </button>
        <noscript>
          <p>
            {strings.searchNoScript} {root ? <a href={root.url}>{strings.allLocalities}</a> : null}
          </p>
        </noscript>
      </section>
    </BasePage>
  )
}
