import { bodyText, type ShownResult } from './run-search.ts'
import { wordExcerpt } from './vietnamese-text.ts'

/**
 * One result as a list item: thumbnail, headline link, date and place, and an excerpt of the text
 * below the headline (never the headline again), the query's words highlighted in the original
 * spelling.
 *
 * @param result A loaded result.
 * @param query The reader's query.
 */
export function renderResult(result: ShownResult, query: string): HTMLLIElement {
  const item = document.createElement('li')
  item.className = 'search-result'
  const { meta } = result
  if (meta['image']) {
    const image = document.createElement('img')
    image.className = 'search-result__thumb'
    image.src = meta['image']
    image.alt = ''
    image.loading = 'lazy'
    image.width = 128
    image.height = 85
    item.append(image)
  }
  const heading = document.createElement('h2')
  heading.className = 'search-result__title'
  const link = document.createElement('a')
  link.href = result.url
  link.textContent = meta['title'] ?? result.url
  heading.append(link)
  const info = document.createElement('p')
  info.className = 'search-result__meta'
  info.textContent = [meta['date'], meta['locality']].filter(Boolean).join(' · ')
  const excerpt = document.createElement('p')
  excerpt.className = 'search-result__excerpt'
  // Built from the text itself, not Pagefind's excerpt: a query typed without đ matches the folded
  // copy at the end of the record, and the reader must see "đường", not "duong".
  excerpt.append(
    ...wordExcerpt(bodyText(result), query).map((part) => {
      if (!part.mark) return document.createTextNode(part.text)
      const mark = document.createElement('mark')
      mark.textContent = part.text
      return mark
    })
  )
  item.append(heading, info, excerpt)
  return item
}
