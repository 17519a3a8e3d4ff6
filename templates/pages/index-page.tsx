import type { IndexPage } from '../../src/site/index.ts'
import { LocalityLinks } from '../components/locality-links.tsx'
import { TeaserList } from '../components/teaser-list.tsx'
import type { PageContext } from '../context.ts'
import { BasePage } from '../layout/base-page.tsx'

/** A page listing articles: the home page, a locality with the places under it, or an author. */
export function IndexListPage({ index, context }: { index: IndexPage; context: PageContext }) {
  const { strings, localities, authors, site, navigation } = context
  const locality = index.kind === 'locality' && index.subject ? localities[index.subject] : undefined
  const author = index.kind === 'author' && index.subject ? authors[index.subject] : undefined
  const root = navigation[0]
  const description = index.kind === 'home' ? site.description : author?.bio || `${strings.latest}: ${index.title}`
  return (
    <BasePage context={context} title={index.title} description={description} path={index.url}>
      <section class="index">
        {locality ? (
          <nav class="kicker" aria-label={strings.breadcrumb}>
            <ol>
              {locality.ancestors.flatMap((id) => {
                const place = localities[id]
                return place ? [
                  <li key={id}>
                    <a href={place.url}>{place.name}</a>
                  </li>,
                ] : []
              })}
            </ol>
          </nav>
        ) : null}
        <h1>{index.kind === 'home' ? strings.latest : index.title}</h1>
        {locality ? <p class="index__kind">{locality.kind}</p> : null}
        {author?.bio ? <p class="index__bio">{author.bio}</p> : null}
        {locality && locality.children.length > 0 ? (
          <>
            <h2>{strings.placesUnder}</h2>
            <LocalityLinks ids={locality.children} localities={localities} label={strings.articleCount} />
          </>
        ) : null}
        <TeaserList articles={index.articles} strings={strings} />
        {index.kind === 'home' && root && localities[root] ? (
          <>
            <h2>{strings.localities}</h2>
            <LocalityLinks ids={localities[root]?.children ?? []} localities={localities} label={strings.articleCount} />
          </>
        ) : null}
      </section>
    </BasePage>
  )
}
