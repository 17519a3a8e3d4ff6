import type { PageContext } from '../context.ts'

/** The masthead: the paper's name, localities to browse, and a search form that works without JavaScript. */
export function SiteHeader({ context }: { context: PageContext }) {
  const { site, strings, localities, navigation } = context
  return (
    <header class="site-header">
      <div class="site-header__inner">
        <a class="site-title" href="/">
          {site.title}
        </a>
        <form class="search-box" role="search" aria-label={strings.searchSite} action="/tim-kiem/" method="get">
          <label class="visually-hidden" for="search-q">
            {strings.search}
          </label>
          <input id="search-q" type="search" name="q" placeholder={strings.searchPlaceholder} />
          <button type="submit">{strings.searchButton}</button>
        </form>
      </div>
      <nav class="site-nav" aria-label={strings.mainNavigation}>
        <ul>
          {navigation.map((id) => {
            const locality = localities[id]
            return locality ? (
              <li key={id}>
                <a href={locality.url}>{locality.ancestors.length === 0 ? strings.localities : locality.name}</a>
              </li>
            ) : null
          })}
        </ul>
      </nav>
    </header>
  )
}
