import { createHash } from 'node:crypto'

const memo = new WeakMap<object, string>()

/**
 * SHA-256 of a model item's JSON, computed once per item per build: rendering and search both key
 * their caches on it, and serialising 100,000 article bodies twice costs seconds.
 *
 * @param item An article or listing page of the site model (never mutated after planning).
 */
export function contentHash(item: object): string {
  let hash = memo.get(item)
  if (hash === undefined) {
    // An article's body goes to the hash as it is: through JSON.stringify, escaping its quotes
    // doubled the cost of keying 100,000 articles.
    const body = 'bodyHtml' in item && typeof item.bodyHtml === 'string' ? item.bodyHtml : undefined
    // A listing page's teasers are shared with every other page listing the same article: each is
    // serialised once and stands in the page's key by its hash.
    const teasers = 'articles' in item && Array.isArray(item.articles) ? item.articles.map((teaser: unknown) => (typeof teaser === 'object' && teaser !== null ? contentHash(teaser) : teaser)) : undefined
    const rest = body === undefined && teasers === undefined ? item : { ...item, ...(body === undefined ? {} : { bodyHtml: undefined }), ...(teasers === undefined ? {} : { articles: teasers }) }
    hash = createHash('sha256').update(JSON.stringify(rest)).update('\0').update(body ?? '').digest('hex')
    memo.set(item, hash)
  }
  return hash
}

/**
 * The folder a page is published in as part of a unit: a month (`/2019/05/…` → `2019/05`: its
 * articles and numbered archive pages), or the numbered pages of another index
 * (`/dia-phuong/x/trang/12/` → `dia-phuong/x/trang`). A unit whose pages are all unchanged is moved
 * over from the live output as one folder. Landing pages are never in a unit's key (they are always
 * rendered), so a landing page outside these folders has no unit.
 *
 * @param url A page URL.
 */
export function outputUnitOf(url: string): string | undefined {
  return /^\/(\d{4}\/\d{2})\//.exec(url)?.[1] ?? /^\/(.+\/trang)\/\d+\/$/.exec(url)?.[1]
}
