import type { CurrentSection, PageContext } from '../context.ts'

/** `aria-current` of a link: `page` on the page itself, `true` on a page inside its section. */
function currentOf(matches: boolean, current: CurrentSection | undefined): { 'aria-current'?: 'page' | 'true' } {
  return matches ? { 'aria-current': current?.self === true ? 'page' : 'true' } : {}
}

/**
 * The masthead: the paper's name, a search form that works without JavaScript, and the sections:
 * each category, then "Địa phương", a `<details>` menu of district-level places that opens on a
 * phone without any script. The current section carries `aria-current`.
 */
export function SiteHeader({ context, current }: { context: PageContext; current?: CurrentSection | undefined }) {
  const { site, strings, localities, categories, navigation } = context
  const places = navigation.places.flatMap((id) => (localities[id] ? [localities[id]] : []))
  const inPlaces = current?.place !== undefined
  return (
    <header class="site-header">
      <div class="site-header__inner">
        <a class="site-title" href="/" {...(current?.home === true ? { 'aria-current': 'page' } : {})}>
          {site.title}
        </a>
        {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for the readers' browsers; role="search" says the same */}
        <form class="search-box" role="search" aria-label={strings.searchSite} action="/tim-kiem/" method="get">
          <label class="visually-hidden" for="search-q">
            {strings.search}
          </label>
          <input id="search-q" type="search" name="q" placeholder={strings.searchPlaceholder} />
          <button type="submit">{strings.searchButton}</button>
        </form>
      </div>
      <nav class="site-nav" aria-label={strings.mainNavigation}>
        <ul class="site-nav__sections">
          {navigation.categories.flatMap((id) => {
            const category = categories[id]
            return category
              ? [
                  <li key={id}>
                    <a href={category.url} {...currentOf(current?.category === id, current)}>
                      {category.name}
                    </a>
                  </li>,
                ]
              : []
          })}
          {places.length > 0 ? (
            <li class="site-nav__places">
              <details>
                <summary class={inPlaces ? 'is-current' : undefined}>{strings.localities}</summary>
                <ul class="site-nav__menu">
                  {places.map((place) => (
                    <li key={place.id}>
                      <a href={place.url} {...currentOf(current?.place === place.id, current)}>
                        {place.name}
                      </a>
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ) : null}
        </ul>
      </nav>
    </header>
  )
}
