import { createHash, type Hash } from 'node:crypto'

/** SHA-256 (hex) of each teaser, made once per teaser per build. */
const teaserHashes = new WeakMap<object, string>()

function teaserHash(teaser: object): string {
  let hash = teaserHashes.get(teaser)
  if (hash === undefined) {
    hash = createHash('sha256').update(JSON.stringify(teaser)).digest('hex')
    teaserHashes.set(teaser, hash)
  }
  return hash
}

/**
 * Feeds what a model item shows into a hash, for the key of its page: the same text when, and only
 * when, the item is the same. An article stands by its digest (body and images, hashed once at
 * load) instead of its lead's image set, most of its size; its body is not in the model at all. A listing
 * page's teasers stand by their hashes: each teaser is on about six index pages and is serialised
 * and hashed once. (Measured at 10,000 articles: feeding each teaser's JSON to every page that
 * shows it took 60 % longer, its Vietnamese text encoded again each time; hashing each related
 * link apart gained nothing over serialising the links with the article.)
 *
 * @param hash The page key's hash, already fed with what every page of its kind shares.
 * @param item An article, listing page, feed… of the site model (never mutated after planning).
 * @param teaserInputs What stands for a teaser instead of its hash, when the caller knows what it
 *   is made from (see `teaserInputs` in the render stage); undefined for a teaser it does not know.
 */
export function updateWithItem(hash: Hash, item: object, teaserInputs: (teaser: object) => string | undefined = () => undefined): Hash {
  if ('digest' in item && typeof item.digest === 'string')
    return hash.update(JSON.stringify({ ...item, lead: undefined, leadFigure: 'leadFigure' in item && item.leadFigure !== undefined }))
  if ('articles' in item && Array.isArray(item.articles))
    return hash.update(
      JSON.stringify({
        ...item,
        articles: item.articles.map((teaser: unknown) =>
          typeof teaser === 'object' && teaser !== null ? (teaserInputs(teaser) ?? teaserHash(teaser)) : teaser
        ),
      })
    )
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
