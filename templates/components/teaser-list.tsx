import type { ArticleTeaser, Strings } from '../../src/site/index.ts'

/** A list of articles with thumbnail, title, summary, date and byline. */
export function TeaserList({ articles, strings }: { articles: ArticleTeaser[]; strings: Strings }) {
  if (articles.length === 0) return <p class="empty">{strings.noArticles}</p>
  return (
    <ul class="teasers">
      {articles.map((teaser) => (
        <li key={teaser.url} class="teaser">
          {teaser.lead ? (
            <img class="teaser__thumb" src={teaser.lead.url} alt="" width={teaser.lead.width} height={teaser.lead.height} loading="lazy" decoding="async" />
          ) : null}
          <h3 class="teaser__title">
            <a href={teaser.url}>{teaser.title}</a>
          </h3>
          <p class="teaser__meta">
            <time datetime={teaser.date.iso}>{teaser.date.text}</time>
            {teaser.byline.length > 0 ? ` · ${teaser.byline.join(', ')}` : ''}
          </p>
          {teaser.summary ? <p class="teaser__summary">{teaser.summary}</p> : null}
        </li>
      ))}
    </ul>
  )
}
