import type { ArticleWithBody } from '../../src/site/index.ts'
import { Breadcrumbs } from '../components/breadcrumbs.tsx'
import { Byline } from '../components/byline.tsx'
import { CommentsSection } from '../components/comments-section.tsx'
import { Figure } from '../components/figure.tsx'
import { MostReadBox } from '../components/most-read-box.tsx'
import { RelatedList } from '../components/related-list.tsx'
import { ShareLinks } from '../components/share-links.tsx'
import { WeatherBox } from '../components/weather-box.tsx'
import { absoluteUrl, type PageContext } from '../context.ts'
import { BasePage } from '../layout/base-page.tsx'
import { ArticleHead } from './article-head.tsx'

/** An article: kicker, title, lead (sapo), byline, lead figure, body, tags, sharing and related articles. */
export function ArticlePage({ article, context }: { article: ArticleWithBody; context: PageContext }) {
  const { strings, localities, site } = context
  const locality = localities[article.locality]
  const category = article.category === undefined ? undefined : context.categories[article.category]
  return (
    <BasePage
      context={context}
      title={article.title}
      description={article.summary}
      path={article.url}
      ownCard
      current={{ ...(category ? { category: category.id } : {}), ...(locality?.district === undefined ? {} : { place: locality.district }) }}
      head={
        <>
          <ArticleHead article={article} context={context} />
          {locality ? <link rel="alternate" type="application/rss+xml" title={`${locality.name} - ${site.title}`} href={locality.feed} /> : null}
          <script type="module" src={context.assets.articleScript} />
          {article.comments && site.commentEndpoint !== undefined ? <script type="module" src={context.assets.commentsScript} /> : null}
        </>
      }
    >
      <article class="article">
        {locality ? <Breadcrumbs ids={[...locality.ancestors, locality.id]} localities={localities} strings={strings} /> : null}
        {category ? (
          <p class="article__section">
            <a href={category.url}>{category.name}</a>
          </p>
        ) : null}
        <h1 class="article__title">{article.title}</h1>
        <Byline article={article} context={context} />
        {article.summary ? <p class="article__summary">{article.summary}</p> : null}
        {article.leadFigure ? <Figure image={article.leadFigure} lead /> : null}
        <div class="article__body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
        {article.tags.length > 0 ? (
          <section class="tags" aria-label={strings.tags}>
            <h2 class="tags__title">{strings.tags}</h2>
            <ul>
              {article.tags.map((tag) => (
                <li key={tag}>{tag}</li>
              ))}
            </ul>
          </section>
        ) : null}
        <ShareLinks url={absoluteUrl(site, article.url)} title={article.title} strings={strings} />
        <CommentsSection article={article} context={context} />
      </article>
      <aside class="article-aside">
        <RelatedList related={article.related} strings={strings} />
        {locality ? (
          <>
            <p class="see-more">
              <a href={locality.url}>
                {strings.seeMore} {locality.name}
              </a>
            </p>
            <div class="latest-slot" data-latest-news={locality.fragment} />
          </>
        ) : null}
        <MostReadBox scope={{ kind: 'site' }} strings={strings} />
        <WeatherBox strings={strings} places={locality ? [locality.id, ...[...locality.ancestors].reverse()] : []} />
      </aside>
    </BasePage>
  )
}
