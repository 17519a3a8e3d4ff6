import type { ComponentChildren } from 'preact'
import type { ArticleTeaser, Strings } from '../../src/site/index.ts'

/** Heading level of teaser titles, so headings never skip a level on any page. */
export type TeaserLevel = 2 | 3 | 4

/** One article in a list: thumbnail, title, date and byline, summary. */
export function Teaser({ teaser, level = 2 }: { teaser: ArticleTeaser; level?: TeaserLevel }) {
  const Heading = `h${level}` as 'h2' | 'h3' | 'h4'
  return (
    <li class="teaser">
      {teaser.lead ? (
        <img class="teaser__thumb" src={teaser.lead.url} alt="" width={teaser.lead.width} height={teaser.lead.height} loading="lazy" decoding="async" />
      ) : null}
      <Heading class="teaser__title">
        <a href={teaser.url}>{teaser.title}</a>
      </Heading>
      <p class="teaser__meta">
        <time datetime={teaser.date.iso}>{teaser.date.text}</time>
        {teaser.byline.length > 0 ? ` · ${teaser.byline.join(', ')}` : ''}
      </p>
      {teaser.summary ? <p class="teaser__summary">{teaser.summary}</p> : null}
    </li>
  )
}

/** A list of articles, or a sentence saying there are none. */
export function TeaserList({ articles, strings, level = 2 }: { articles: ArticleTeaser[]; strings: Strings; level?: TeaserLevel }) {
  if (articles.length === 0) return <p class="empty">{strings.noArticles}</p>
  return (
    <ul class="teasers">
      {articles.map((teaser) => (
        <Teaser key={teaser.url} teaser={teaser} level={level} />
      ))}
    </ul>
  )
}

/** Articles grouped under a heading per day, as a month archive shows them. */
export function TeasersByDay({ articles, strings }: { articles: ArticleTeaser[]; strings: Strings }) {
  if (articles.length === 0) return <p class="empty">{strings.noArticles}</p>
  const groups: Array<{ day: string; items: ComponentChildren[] }> = []
  for (const teaser of articles) {
    const last = groups[groups.length - 1]
    const item = <Teaser key={teaser.url} teaser={teaser} level={3} />
    if (last && last.day === teaser.day) last.items.push(item)
    else groups.push({ day: teaser.day, items: [item] })
  }
  return (
    <>
      {groups.map((group) => (
        <section key={group.day} class="day">
          <h2 class="day__title">{group.day}</h2>
          <ul class="teasers">{group.items}</ul>
        </section>
      ))}
    </>
  )
}
