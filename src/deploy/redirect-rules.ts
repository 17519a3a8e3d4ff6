/** One line of `_redirects`. */
export interface RedirectRule {
  /** The old path, as written (URL-encoded). */
  from: string
  to: string
  status: number
  /** Netlify's `!`: the rule wins over a file at `from`. */
  force: boolean
}

/**
 * Reads `_redirects` (Netlify and Cloudflare Pages format; comments and blank lines skipped).
 *
 * @param text The file's contents.
 */
export function parseRedirects(text: string): RedirectRule[] {
  return text.split('\n').flatMap((line) => {
    const [from, to, status = '302'] = line.trim().split(/\s+/)
    if (from === undefined || from === '' || from.startsWith('#') || to === undefined) return []
    return [{ from, to, status: Number.parseInt(status, 10), force: status.endsWith('!') }]
  })
}

/**
 * Writes `_redirects` lines.
 *
 * @param rules The rules.
 * @param force Mark each rule forced (`301!`, Netlify) or not (Cloudflare rejects the `!`).
 */
export function formatRedirects(rules: readonly RedirectRule[], force: boolean): string {
  return rules.map((rule) => `${rule.from} ${rule.to} ${rule.status}${force ? '!' : ''}\n`).join('')
}

/**
 * The output file that answers at a redirect's old path: `/a/b/` is `/a/b/index.html`, `/x.htm` itself.
 *
 * @param from The old path, URL-encoded as in `_redirects`.
 */
export function redirectFile(from: string): string {
  const path = decodeURI(from)
  return path.endsWith('/') ? `${path}index.html` : path
}

/**
 * Whether a rule is static for Cloudflare (no `*` splat and no `:placeholder`): Cloudflare allows
 * 2,000 of them and 100 dynamic ones.
 *
 * @param rule A rule.
 */
export function isStaticRule(rule: RedirectRule): boolean {
  return !rule.from.includes('*') && !/\/:[A-Za-z]/.test(rule.from)
}
