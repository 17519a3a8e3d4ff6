import type { SiteInfo } from '../../src/site/index.ts'

/** The origin of an absolute URL, or `undefined` for anything else. */
function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin
  } catch {
    return undefined
  }
}

/**
 * The Content-Security-Policy of every page, from site.yml: our own scripts, styles and images only;
 * WebAssembly for Pagefind's search (`'wasm-unsafe-eval'`, not `'unsafe-eval'`); the comment
 * endpoint for the form's post (`form-action`) and its `fetch` (`connect-src`); `embedHosts` in
 * `<iframe>`s over https; no plugins, no `<base>`, and no framing by other sites.
 *
 * @param site The site settings.
 */
export function contentSecurityPolicy(site: Pick<SiteInfo, 'commentEndpoint' | 'embedHosts'>): string {
  const endpoint = site.commentEndpoint === undefined ? undefined : originOf(site.commentEndpoint)
  const frames = site.embedHosts.map((host) => `https://${host}`)
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
    ['style-src', ["'self'"]],
    // `data:` for the empty favicon placeholder; every image of ours is published under /media/.
    ['img-src', ["'self'", 'data:']],
    ['connect-src', ["'self'", ...(endpoint ? [endpoint] : [])]],
    ['frame-src', frames.length > 0 ? frames : ["'none'"]],
    ['form-action', ["'self'", ...(endpoint ? [endpoint] : [])]],
    ['frame-ancestors', ["'self'"]],
    ['base-uri', ["'self'"]],
    ['object-src', ["'none'"]],
  ]
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ')
}

/** Browser features the paper never uses, turned off for every page and embed. */
export const permissionsPolicy = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()'

/** HSTS: a year of https only. Not `includeSubDomains`: a paper's other hosts are not ours to decide. */
export const strictTransportSecurity = 'max-age=31536000'

/**
 * The security headers every page gets, in the order `_headers` lists them.
 *
 * @param site The site settings.
 */
export function securityHeaders(site: Pick<SiteInfo, 'commentEndpoint' | 'embedHosts'>): Array<[string, string]> {
  return [
    ['Content-Security-Policy', contentSecurityPolicy(site)],
    ['Permissions-Policy', permissionsPolicy],
    ['Strict-Transport-Security', strictTransportSecurity],
    ['X-Frame-Options', 'SAMEORIGIN'],
  ]
}
