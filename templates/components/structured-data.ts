import type { LocalityModel, SiteInfo } from '../../src/site/index.ts'
import { absoluteUrl } from '../context.ts'

/**
 * A logo's absolute URL: site paths are made absolute, https URLs kept.
 *
 * @param site The site settings.
 */
export function logoUrl(site: SiteInfo): string {
  return site.publisherLogo.startsWith('/') ? absoluteUrl(site, site.publisherLogo) : site.publisherLogo
}

/**
 * The publisher as schema.org `Organization`: the front page's JSON-LD and every article's
 * `publisher`.
 *
 * @param site The site settings.
 * @param context Whether to add `@context` (a top-level object). @default true
 */
export function organizationJsonLd(site: SiteInfo, context = true): Record<string, unknown> {
  return {
    ...(context ? { '@context': 'https://schema.org' } : {}),
    '@type': 'Organization',
    name: site.publisherName,
    url: absoluteUrl(site, '/'),
    logo: { '@type': 'ImageObject', url: logoUrl(site) },
    ...(site.publisherSameAs.length > 0 ? { sameAs: site.publisherSameAs } : {}),
  }
}

/**
 * `BreadcrumbList` of the trail a page shows in its breadcrumbs, in the same order.
 *
 * @param site The site settings.
 * @param trail The places shown, root first.
 */
export function breadcrumbJsonLd(site: SiteInfo, trail: readonly LocalityModel[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((place, index) => ({ '@type': 'ListItem', position: index + 1, name: place.name, item: absoluteUrl(site, place.url) })),
  }
}
