import type { PageContext } from '../context.ts'
import { BasePage } from '../layout/base-page.tsx'

/** The bundles a search asks first, and what the search page fetches before its script runs. */
export interface SearchPreload {
  /**
   * The first step's bundles (the newest, and the one before while the newest is small), each
   * with the stamp that names its entry: Pagefind asks for `pagefind-entry.json?ts=<stamp>`
   * (`metaCacheTag`) instead of a new `?ts=<now>` each time, so the page can preload it.
   */
  first: Array<{ url: string; stamp: string }>
  /** pagefind.js of the newest bundle, preloaded as a module. */
  module: string
  /** The entries and the WebAssembly, preloaded as fetches. */
  fetches: string[]
}

/** Results a page of the search shows, and the older bundles searched before the reader asks for more. */
const resultsPerPage = 10

/**
 * `/tim-kiem/?q=…`: the target of every page's search form. The form and the empty result list are
 * plain HTML; the search script (Pagefind's browser API) fills them in. Without JavaScript the page
 * says how to browse by place instead. The locality and author filters list every id with its
 * name, so `?dia-phuong=tp-thanh-hoa` shows "TP. Thanh Hóa" before any index is loaded.
 *
 * @param props.bundles Search bundle URLs, newest first: the newest answers first.
 * @param props.preload The first step's bundles, and the files to fetch with the page.
 */
export function SearchPage({ context, bundles, preload }: { context: PageContext; bundles: string[]; preload?: SearchPreload | undefined }) {
  const { strings, localities, authors, navigation } = context
  const root = navigation.root === undefined ? undefined : localities[navigation.root]
  const clientStrings = {
    resultCount: strings.searchResultCount,
    resultCountAtLeast: strings.searchResultCountAtLeast,
    noResults: strings.searchNoResults,
    loading: strings.searchLoading,
    older: strings.searchOlder,
    failed: strings.searchFailed,
    unknownValue: strings.searchUnknownValue,
    unknownNote: strings.searchUnknownNote,
  }
  const byName = (registry: Record<string, { name: string }>): Array<[string, string]> =>
    Object.entries(registry)
      .map(([id, entry]): [string, string] => [id, entry.name])
      .sort(([, a], [, b]) => a.localeCompare(b, 'vi'))
  const select = (name: string, label: string, options: Array<[string, string]> = []) => (
    <label class="search-filter">
      <span>{label}</span>
      <select name={name}>
        <option value="">{strings.searchAll}</option>
        {options.map(([value, text]) => (
          <option value={value} data-name={text}>
            {text}
          </option>
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
      head={
        <>
          <script type="module" src={context.assets.searchScript} />
          {preload ? <link rel="modulepreload" href={preload.module} /> : null}
          {preload?.fetches.map((href) => (
            <link rel="preload" href={href} as="fetch" crossorigin="anonymous" />
          ))}
        </>
      }
    >
      <section
        class="search"
        data-search=""
        data-bundles={JSON.stringify(bundles)}
        data-first={preload ? JSON.stringify(preload.first) : undefined}
        data-page-size={String(resultsPerPage)}
        data-strings={JSON.stringify(clientStrings)}
      >
        <h1>{strings.search}</h1>
        {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for the readers' browsers; role="search" says the same */}
        <form class="search-form" role="search" aria-label={strings.searchArchive} action="/tim-kiem/" method="get">
          <p class="search-form__query">
            <label for="tim-kiem-q">{strings.searchQuery}</label>
            <input id="tim-kiem-q" type="search" name="q" autocomplete="off" />
            <button type="submit">{strings.searchButton}</button>
          </p>
          <p class="search-hint">{strings.searchIntro}</p>
          <div class="search-filters" hidden>
            {select('dia-phuong', strings.filterLocality, byName(localities))}
            {select('tac-gia', strings.filterAuthor, byName(authors))}
            {select('nam', strings.filterYear)}
            <label class="search-filter">
              <span>{strings.sortLabel}</span>
              <select name="sap-xep">
                <option value="">{strings.sortRelevance}</option>
                <option value="moi-nhat">{strings.sortNewest}</option>
              </select>
            </label>
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
