import type { PageContext } from '../context.ts'
import { BasePage } from '../layout/base-page.tsx'

/** `/tim-kiem/`: the target of every page's search form. Without JavaScript it points to browsing by place. */
export function SearchPage({ context }: { context: PageContext }) {
  const { strings, localities, navigation } = context
  const root = navigation[0] ? localities[navigation[0]] : undefined
  return (
    <BasePage context={context} title={strings.search} description={strings.searchIntro} path="/tim-kiem/">
      <h1>{strings.search}</h1>
      <p>{strings.searchIntro}</p>
      <div id="search" data-search="" />
      <noscript>
        <p>
          {strings.searchNoScript} {root ? <a href={root.url}>{strings.allLocalities}</a> : null}
        </p>
      </noscript>
    </BasePage>
  )
}
