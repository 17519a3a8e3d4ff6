import type { ListingPage } from '../../src/site/index.ts'
import { Breadcrumbs } from '../components/breadcrumbs.tsx'
import { FrontLead, indexLeadImageSizes } from '../components/front-stories.tsx'
import { LocalityLinks } from '../components/locality-links.tsx'
import { MostReadBox } from '../components/most-read-box.tsx'
import { PaginationLinks, PaginationNav } from '../components/pagination-nav.tsx'
import { TeaserList, TeasersByDay } from '../components/teaser-list.tsx'
import { WeatherBox } from '../components/weather-box.tsx'
import type { PageContext } from '../context.ts'
import { BasePage } from '../layout/base-page.tsx'

/**
 * A page of a locality, author, category or month. Numbered (older) pages show nothing that changes
 * when an article is published elsewhere (no counts, no page totals), so they never change.
 */
export function ListingPageView({ page, context }: { page: ListingPage; context: PageContext }) {
  const { strings, localities, authors } = context
  const locality = page.kind === 'locality' ? localities[page.subject] : undefined
  const author = page.kind === 'author' ? authors[page.subject] : undefined
  const category = page.kind === 'category' ? context.categories[page.subject] : undefined
  // Months have no feed of their own; places, people and sections do.
  const feed = locality ?? author ?? category
  const landing = page.pagination.page === undefined
  const title = landing ? page.title : `${page.title} - ${strings.page} ${page.pagination.page}`
  // A place's or a section's landing page shows its "Đọc nhiều" (a place's, its district's list)
  // and a place's its weather; older pages stay as they are.
  const mostRead = !landing
    ? undefined
    : category
      ? ({ kind: 'category', id: category.id } as const)
      : locality?.district !== undefined
        ? ({ kind: 'locality', id: locality.district } as const)
        : locality
          ? ({ kind: 'site' } as const)
          : undefined
  return (
    <BasePage
      context={context}
      title={title}
      description={author?.bio || `${strings.latestNews}: ${page.title}`}
      path={page.url}
      {...(category
        ? { current: { category: category.id, self: landing } }
        : locality?.district !== undefined
          ? { current: { place: locality.district, self: landing && locality.district === locality.id } }
          : {})}
      head={
        <>
          <PaginationLinks pagination={page.pagination} />
          {feed ? <link rel="alternate" type="application/rss+xml" title={`${feed.name} - ${context.site.title}`} href={feed.feed} /> : null}
          {mostRead ? <script type="module" src={context.assets.articleScript} /> : null}
        </>
      }
    >
      <section class="index">
        {locality ? <Breadcrumbs ids={locality.ancestors} localities={localities} strings={strings} /> : null}
        <h1>{page.title}</h1>
        {locality ? <p class="index__kind">{locality.kindLabel}</p> : null}
        {author?.bio ? <p class="index__bio">{author.bio}</p> : null}
        {page.places ? (
          <>
            <h2>{strings.placesUnder}</h2>
            <LocalityLinks ids={page.places} localities={localities} label={strings.articleCount} />
          </>
        ) : null}
        {page.lead ? (
          <div class="index-lead">
            <FrontLead lead={page.lead} sizes={indexLeadImageSizes} />
          </div>
        ) : null}
        {page.kind === 'month' ? <TeasersByDay articles={page.articles} strings={strings} /> : <TeaserList articles={page.articles} strings={strings} />}
        <PaginationNav pagination={page.pagination} strings={strings} />
        {feed ? (
          <p class="feed-link">
            <a href={feed.feed}>{strings.subscribe}</a>
          </p>
        ) : null}
        {mostRead ? <MostReadBox scope={mostRead} strings={strings} /> : null}
        {landing && locality ? <WeatherBox strings={strings} places={[locality.id, ...[...locality.ancestors].reverse()]} /> : null}
      </section>
    </BasePage>
  )
}
