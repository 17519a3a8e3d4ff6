import type { SiteInfo } from '../../src/site/index.ts'
import { fixedUrls } from '../../src/site/index.ts'
import { escapeXml as x } from './escape.ts'

/** OpenSearch 1.1 allows at most 16 characters in a ShortName. */
const shortNameLength = 16

/**
 * `/opensearch.xml`: lets a browser add the site's search (`<link rel="search">` in every page's head).
 *
 * @param site The site's title, description, origin and language.
 * @param label The words for "search" ("Tìm kiếm"), from the strings.
 */
export function renderOpenSearch(site: SiteInfo, label: string): string {
  const shortName = [...site.title].slice(0, shortNameLength).join('').trim()
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">',
    `<ShortName>${x(shortName)}</ShortName>`,
    `<Description>${x(`${label}: ${site.title}`)}</Description>`,
    '<InputEncoding>UTF-8</InputEncoding>',
    `<Language>${x(site.language)}</Language>`,
    `<Url type="text/html" method="get" template="${x(`${site.baseUrl}${fixedUrls.search}?q={searchTerms}`)}"/>`,
    '</OpenSearchDescription>',
    '',
  ].join('\n')
}
