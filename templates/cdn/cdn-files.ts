import type { Redirect } from '../../src/site/index.ts'
import { fingerprintedFolders, immutableCacheControl, shortCacheControl } from './cdn-rules.ts'

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
 */
export function renderHeaders(): string {
  const fingerprinted = fingerprintedFolders.flatMap((folder) => [`${folder}*`, '  ! Cache-Control', `  Cache-Control: ${immutableCacheControl}`])
  return ['/*', `  Cache-Control: ${shortCacheControl}`, '  X-Content-Type-Options: nosniff', '  Referrer-Policy: strict-origin-when-cross-origin', ...fingerprinted, ''].join('\n')
}

/**
 * `robots.txt`: everything but the web editor (/admin/) may be crawled; here are the sitemap index and the news sitemap.
 *
 * @param baseUrl The site's origin.
 */
export function renderRobots(baseUrl: string): string {
  return `User-agent: *\nAllow: /\nDisallow: /admin/\n\nSitemap: ${baseUrl}/sitemap.xml\nSitemap: ${baseUrl}/sitemap-news.xml\n`
}
