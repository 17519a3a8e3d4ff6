import type { RedirectRule } from './redirect-rules.ts'

/**
 * `_worker.js` for Cloudflare Pages (advanced mode) serving the redirects past `_redirects`'
 * 2,000 static rules from a map; every other request goes to the static files, `_headers` and
 * `_redirects` as usual.
 *
 * @param rules The rules `_redirects` cannot hold.
 */
export function renderRedirectWorker(rules: readonly RedirectRule[]): string {
  const map = JSON.stringify(Object.fromEntries(rules.map((rule) => [rule.from, [rule.to, rule.status]])))
  return `// Written by toasoan deploy --to cloudflare: redirects past _redirects' 2,000 static rules.
const redirects = new Map(Object.entries(${map}));
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const hit = redirects.get(url.pathname);
    if (hit) return new Response(null, { status: hit[1], headers: { Location: new URL(hit[0], url).href, 'Cache-Control': 'public, max-age=300' } });
    return env.ASSETS.fetch(request);
  },
};
`
}

/**
 * `_routes.json`: run the worker only under the folders the overflow redirects live in (at most
 * 100 rules, Cloudflare's limit), so static files are served without invoking it.
 *
 * @param rules The rules the worker serves.
 */
export function renderWorkerRoutes(rules: readonly RedirectRule[]): string {
  const folders = [...new Set(rules.map((rule) => (rule.from.indexOf('/', 1) > 0 ? `${rule.from.slice(0, rule.from.indexOf('/', 1))}/*` : rule.from)))].sort()
  return `${JSON.stringify({ version: 1, include: folders.length <= 100 ? folders : ['/*'], exclude: [] }, null, 2)}\n`
}
