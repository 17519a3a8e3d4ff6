import type { Hash } from 'node:crypto'

/** JSON of the model's shared objects (teasers, related links), made once per object per build. */
const shared = new WeakMap<object, string>()

function sharedJson(item: object): string {
  let text = shared.get(item)
  if (text === undefined) {
    text = JSON.stringify(item)
    shared.set(item, text)
  }
  return text
}

/**
 * Feeds what a model item shows into a hash, for the key of its page: the same bytes when, and only
 * when, the item is the same. An article stands by its digest (body and images, hashed once at
 * load) instead of its image sets, most of its size; its body is not in the model at all. The
 * objects several pages share (an article's teaser is on about six index pages, its link in five
 * related lists) are serialised once and fed as they are, each after a NUL byte, which no JSON
 * text holds: one hash per page, where hashing each shared object on its own cost more than it
 * saved (a SHA-256 per 200-byte link, 100,000 of them).
 *
 * @param hash The page key's hash, already fed with what every page of its kind shares.
 * @param item An article, listing page, feed… of the site model (never mutated after planning).
 */
export function updateWithItem(hash: Hash, item: object): Hash {
  if ('digest' in item && typeof item.digest === 'string') {
    const related = 'related' in item && Array.isArray(item.related) ? (item.related as object[]) : []
    hash.update(JSON.stringify({ ...item, images: undefined, related: related.length, leadFigure: 'leadFigure' in item && item.leadFigure !== undefined }))
    for (const link of related) hash.update('\0').update(sharedJson(link))
    return hash
  }
  if ('articles' in item && Array.isArray(item.articles)) {
    const teasers = item.articles as unknown[]
    hash.update(JSON.stringify({ ...item, articles: teasers.length }))
    for (const teaser of teasers) hash.update('\0').update(typeof teaser === 'object' && teaser !== null ? sharedJson(teaser) : JSON.stringify(teaser))
    return hash
  }
  return hash.update(JSON.stringify(item))
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
