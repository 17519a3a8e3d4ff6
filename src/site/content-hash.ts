import { createHash } from 'node:crypto'

const memo = new WeakMap<object, string>()

/**
 * SHA-256 of what a model item shows, computed once per item per build: rendering and search both
 * key their caches on it.
 *
 * @param item An article, listing page or teaser of the site model (never mutated after planning).
 */
export function contentHash(item: object): string {
  const known = memo.get(item)
  if (known !== undefined) return known
  const hash = createHash('sha256')
    .update(JSON.stringify(leanOf(item)))
    .digest('hex')
  memo.set(item, hash)
  return hash
}

/** What stands for an item in its key: the same when, and only when, the item is. */
function leanOf(item: object): object {
  // An article stands by its digest (body and images, hashed once at load) instead of its image
  // sets, most of its size; its body is not in the model at all.
  // Its related links are shared by the five articles that show each one: each is serialised once
  // and stands by its hash.
  if ('digest' in item && typeof item.digest === 'string')
    return {
      ...item,
      images: undefined,
      leadFigure: 'leadFigure' in item && item.leadFigure !== undefined,
      ...('related' in item && Array.isArray(item.related) ? { related: item.related.map((link: object) => contentHash(link)) } : {}),
    }
  // A listing page's teasers are shared with every other page listing the same article: each is
  // serialised once and stands by its hash.
  if ('articles' in item && Array.isArray(item.articles))
    return { ...item, articles: item.articles.map((teaser: unknown) => (typeof teaser === 'object' && teaser !== null ? contentHash(teaser) : teaser)) }
  return item
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
