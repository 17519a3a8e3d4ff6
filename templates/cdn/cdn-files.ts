import type { Redirect, SiteInfo } from '../../src/site/index.ts'
import { fingerprintedFolders, immutableCacheControl, shortCacheControl } from './cdn-rules.ts'
import { securityHeaders } from './security-headers.ts'

/**
 * `_redirects` (Netlify and Cloudflare Pages format): each alias to its article, permanently.
 * Cloudflare rejects Netlify's forced `301!`, so `toasoan deploy --to netlify` forces the rules.
 *
 * @param redirects Aliases and their targets.
 */
export function renderRedirects(redirects: readonly Redirect[]): string {
  return redirects.map((redirect) => `${encodeURI(redirect.from)} ${encodeURI(redirect.to)} 301\n`).join('')
}

/**
 * `_headers` (Cloudflare Pages format). HTML, feeds and indexes are revalidated after five
 * minutes; fingerprinted assets and media are cached for a year. Cloudflare merges the headers of
 * every matching rule, so the catch-all's Cache-Control is detached (`! Cache-Control`) first.
 * Every file gets the security headers (Content-Security-Policy from site.yml, Permissions-Policy,
 * HSTS, framing by this site only).
 *
 * @param site The site settings (comment endpoint and embed hosts for the CSP); without them, no security headers.
 */
export function renderHeaders(site?: Pick<SiteInfo, 'commentEndpoint' | 'embedHosts'>): string {
  const fingerprinted = fingerprintedFolders.flatMap((folder) => [`${folder}*`, '  ! Cache-Control', `  Cache-Control: ${immutableCacheControl}`])
  const security = site ? securityHeaders(site).map(([name, value]) => `  ${name}: ${value}`) : []
  return [
    '/*',
    `  Cache-Control: ${shortCacheControl}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    ...security,
    ...fingerprinted,
    '',
  ].join('\n')
}

/**
 * `robots.txt`: everything but the web editor (/admin/) may be crawled; here are the sitemap index and the news sitemap.
 *
 * @param baseUrl The site's origin.
 */
export function renderRobots(baseUrl: string): string {
  return `User-agent: *\nAllow: /\nDisallow: /admin/\n\nSitemap: ${baseUrl}/sitemap.xml\nSitemap: ${baseUrl}/sitemap-news.xml\n`
}
