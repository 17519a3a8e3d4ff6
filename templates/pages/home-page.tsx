import type { HomePage, YearPage } from '../../src/site/index.ts'
import { LocalityLinks } from '../components/locality-links.tsx'
import { TeaserList } from '../components/teaser-list.tsx'
import type { PageContext } from '../context.ts'
import { BasePage } from '../layout/base-page.tsx'

/** The front page: the latest articles, the latest of each district-level place, and every place. */
export function HomePageView({ home, years, context }: { home: HomePage; years: YearPage[]; context: PageContext }) {
  const { strings, localities, site, navigation } = context
  const root = navigation[0] ? localities[navigation[0]] : undefined
  return (
    <BasePage context={context} title={site.title} description={site.description} path="/">
      <section class="index">
        <h1>{strings.latest}</h1>
        <TeaserList articles={home.latest} strings={strings} />
      </section>
      <section class="home-localities" aria-labelledby="dia-phuong">
        <h2 id="dia-phuong">{strings.localities}</h2>
        {home.blocks.map((block) => {
          const locality = localities[block.locality]
          return locality ? (
            <section key={block.locality} class="home-block">
              <h3>
                <a href={locality.url}>{locality.name}</a>
              </h3>
              <TeaserList articles={block.articles} strings={strings} level={4} />
            </section>
          ) : null
        })}
        {root ? (
          <>
            <h2>{strings.allLocalities}</h2>
            <LocalityLinks ids={root.children} localities={localities} label={strings.articleCount} />
          </>
        ) : null}
      </section>
      {years.length > 0 ? (
        <section class="home-archive" aria-labelledby="luu-tru">
          <h2 id="luu-tru">{strings.archive}</h2>
          <ul class="years">
            {years.map((year) => (
              <li key={year.url}>
                <a href={year.url}>
                  {strings.year} {year.year}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </BasePage>
  )
}
