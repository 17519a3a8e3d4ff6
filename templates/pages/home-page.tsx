import type { HomePage, YearPage } from '../../src/site/index.ts'
import { FrontGrid, FrontLead, Headlines } from '../components/front-stories.tsx'
import { JsonLd } from '../components/json-ld.tsx'
import { MostReadBox } from '../components/most-read-box.tsx'
import { organizationJsonLd } from '../components/structured-data.ts'
import { WeatherBox } from '../components/weather-box.tsx'
import type { PageContext } from '../context.ts'
import { BasePage } from '../layout/base-page.tsx'

/**
 * The front page, as the model lays it out: the lead story and the secondary grid, a section per
 * category, "Địa phương" by district-level place, "Tin mới" headlines, and the archive's years.
 */
export function HomePageView({ home, years, context }: { home: HomePage; years: YearPage[]; context: PageContext }) {
  const { strings, localities, categories, site } = context
  return (
    <BasePage
      context={context}
      title={site.title}
      description={site.description}
      path="/"
      current={{ home: true, self: true }}
      head={
        <>
          <JsonLd data={organizationJsonLd(site)} />
          <script type="module" src={context.assets.articleScript} />
        </>
      }
    >
      <h1 class="visually-hidden">{site.title}</h1>
      <section class="front-top" aria-label={strings.topStories}>
        {home.lead ? <FrontLead lead={home.lead} /> : <p class="empty">{strings.noArticles}</p>}
        <FrontGrid stories={home.secondary} />
      </section>
      {home.sections.length > 0 ? (
        <div class="front-sections">
          {home.sections.map((section) => {
            const category = categories[section.category]
            return category ? (
              <section key={section.category} class="front-section" aria-labelledby={`muc-${category.id}`}>
                <h2 class="front-section__title" id={`muc-${category.id}`}>
                  <a href={category.url}>{category.name}</a>
                </h2>
                <Headlines stories={section.articles} strings={strings} />
              </section>
            ) : null
          })}
        </div>
      ) : null}
      {home.places.length > 0 ? (
        <section class="front-places" aria-labelledby="dia-phuong">
          <h2 class="front-section__title" id="dia-phuong">
            {strings.localities}
          </h2>
          <div class="front-places__list">
            {home.places.map((block) => {
              const locality = localities[block.locality]
              return locality ? (
                <section key={block.locality} class="front-place">
                  <h3 class="front-place__title">
                    <a href={locality.url}>{locality.name}</a>
                  </h3>
                  <Headlines stories={block.articles} level={4} strings={strings} />
                </section>
              ) : null
            })}
          </div>
        </section>
      ) : null}
      {home.latest.length > 0 ? (
        <section class="front-latest" aria-labelledby="tin-moi">
          <h2 class="front-section__title" id="tin-moi">
            {strings.latestNews}
          </h2>
          <Headlines stories={home.latest} times strings={strings} />
        </section>
      ) : null}
      <div class="front-boxes">
        <MostReadBox scope={{ kind: 'site' }} strings={strings} />
        <WeatherBox strings={strings} />
      </div>
      {years.length > 0 ? (
        <section class="home-archive" aria-labelledby="luu-tru">
          <h2 class="front-section__title" id="luu-tru">
            {strings.archive}
          </h2>
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
