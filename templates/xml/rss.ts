import type { FeedWithBodies } from '../../src/site/index.ts'
import { cdata, escapeXml as x } from './escape.ts'

/**
 * Serialises an RSS 2.0 feed with `atom:link rel="self"`, `dc:creator` per author and the full
 * body in `content:encoded`. Hand-written because the feed libraries we looked at emit a single
 * `<author>` per item and no `dc:creator`, which Vietnamese aggregators read.
 *
 * @param feed The planned feed.
 * @param baseUrl The site's origin, for the self link.
 */
export function renderRss(feed: FeedWithBodies, baseUrl: string): string {
  const items = feed.items.map((item) =>
    [
      '<item>',
      `<title>${x(item.title)}</title>`,
      `<link>${x(item.link)}</link>`,
      `<guid isPermaLink="true">${x(item.link)}</guid>`,
      `<pubDate>${item.pubDate}</pubDate>`,
      ...item.creators.map((creator) => `<dc:creator>${x(creator)}</dc:creator>`),
      ...item.categories.map((category) => `<category>${x(category)}</category>`),
      `<description>${x(item.description)}</description>`,
      `<content:encoded>${cdata(item.contentHtml)}</content:encoded>`,
      // The length is the published image's size, known once the images are encoded (src/publish/enclosure-lengths.ts).
      item.enclosure ? `<enclosure url="${x(item.enclosure.url)}" length="0" type="${item.enclosure.type}"/>` : '',
      '</item>',
    ].join('')
  )
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${x(feed.title)}</title>`,
    `<link>${x(feed.link)}</link>`,
    `<atom:link href="${x(`${baseUrl}${feed.url}`)}" rel="self" type="application/rss+xml"/>`,
    `<description>${x(feed.description || feed.title)}</description>`,
    `<language>${x(feed.language)}</language>`,
    feed.lastBuildDate ? `<lastBuildDate>${feed.lastBuildDate}</lastBuildDate>` : '',
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n')
}
