import { fixedUrls, type Sitemaps } from '../../src/site/index.ts'
import { escapeXml as x } from './escape.ts'

const header = '<?xml version="1.0" encoding="UTF-8"?>'

/**
 * `/sitemap.xml`: the index over the child sitemaps.
 *
 * @param sitemaps The planned sitemaps.
 * @param baseUrl The site's origin.
 */
export function renderSitemapIndex(sitemaps: Sitemaps, baseUrl: string): string {
  const children = sitemaps.children.map((child) => `<sitemap><loc>${x(`${baseUrl}${child.url}`)}</loc><lastmod>${child.lastmod}</lastmod></sitemap>`)
  // The news sitemap is listed too, dated by its newest entry.
  const newsDate = sitemaps.news[0]?.published ?? sitemaps.newest?.lastmod
  children.push(`<sitemap><loc>${x(`${baseUrl}${fixedUrls.newsSitemap}`)}</loc>${newsDate ? `<lastmod>${newsDate}</lastmod>` : ''}</sitemap>`)
  return [header, '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...children, '</sitemapindex>', ''].join('\n')
}

/**
 * One child sitemap.
 *
 * @param entries Its URLs with their last modification.
 */
export function renderSitemap(entries: ReadonlyArray<{ loc: string; lastmod: string }>): string {
  const urls = entries.map((entry) => `<url><loc>${x(entry.loc)}</loc><lastmod>${entry.lastmod}</lastmod></url>`)
  return [header, '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n')
}

/**
 * `/sitemap-news.xml` for Google News: articles of the last two days.
 *
 * @param sitemaps The planned sitemaps.
 */
export function renderNewsSitemap(sitemaps: Sitemaps): string {
  const newest = sitemaps.newest ? [`<url><loc>${x(sitemaps.newest.loc)}</loc><lastmod>${sitemaps.newest.lastmod}</lastmod></url>`] : []
  const urls =
    sitemaps.news.length === 0
      ? newest
      : sitemaps.news.map(
          (entry) =>
            `<url><loc>${x(entry.loc)}</loc><news:news><news:publication><news:name>${x(sitemaps.publicationName)}</news:name><news:language>${x(sitemaps.language)}</news:language></news:publication><news:publication_date>${entry.published}</news:publication_date><news:title>${x(entry.title)}</news:title></news:news></url>`
        )
  return [
    header,
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n')
}
