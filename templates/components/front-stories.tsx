import type { ArticleTeaser, LeadStory, Strings } from '../../src/site/index.ts'
import { Picture } from './figure.tsx'

/** `sizes` of the front page's lead image: three fifths of the 72rem page on wide screens. */
export const frontLeadImageSizes = '(min-width: 64rem) 42rem, calc(100vw - 2rem)'

/** `sizes` of an index page's lead image: the whole 72rem page. */
export const indexLeadImageSizes = '(min-width: 74rem) 70rem, calc(100vw - 2rem)'

/**
 * The front page's lead story: a large image (loaded first), the title and the lead (sapo).
 *
 * @param sizes The image's `sizes` where it is shown. @default frontLeadImageSizes
 */
export function FrontLead({ lead, sizes = frontLeadImageSizes }: { lead: LeadStory; sizes?: string }) {
  const { teaser, image } = lead
  return (
    <article class="front-lead">
      {image ? <Picture image={image} lead sizes={sizes} /> : null}
      <h2 class="front-lead__title">
        <a href={teaser.url}>{teaser.title}</a>
      </h2>
      <p class="front-meta">
        <time datetime={teaser.date.iso}>{teaser.date.text}</time>
      </p>
      {teaser.summary ? <p class="front-lead__summary">{teaser.summary}</p> : null}
    </article>
  )
}

/** Stories in a grid, each with its thumbnail (lazy: below the lead on a phone). */
export function FrontGrid({ stories }: { stories: ArticleTeaser[] }) {
  if (stories.length === 0) return null
  return (
    <ul class="front-grid">
      {stories.map((teaser) => (
        <li key={teaser.url}>
          {teaser.lead ? (
            <img class="front-grid__thumb" src={teaser.lead.url} alt="" width={teaser.lead.width} height={teaser.lead.height} loading="lazy" decoding="async" />
          ) : null}
          <h3 class="front-grid__title">
            <a href={teaser.url}>{teaser.title}</a>
          </h3>
        </li>
      ))}
    </ul>
  )
}

/** Headlines only (titles and, when asked, times), as "Tin mới" and the section lists read. */
export function Headlines({ stories, level = 3, times = false, strings }: { stories: ArticleTeaser[]; level?: 3 | 4; times?: boolean; strings: Strings }) {
  if (stories.length === 0) return <p class="empty">{strings.noArticles}</p>
  const Heading = `h${level}` as 'h3' | 'h4'
  return (
    <ul class="headlines">
      {stories.map((teaser) => (
        <li key={teaser.url}>
          <Heading class="headline">
            <a href={teaser.url}>{teaser.title}</a>
          </Heading>
          {times ? <time datetime={teaser.date.iso}>{teaser.date.text}</time> : null}
        </li>
      ))}
    </ul>
  )
}
