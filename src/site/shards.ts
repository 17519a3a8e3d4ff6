import type { SearchBundle } from './search-bundles.ts'

/** A build shard: the `index`-th of `count` (1-based, as `--shard 2/8` is written). */
export interface Shard {
  index: number
  count: number
}

/** What one shard of a build does: its search bundles, and the articles in them. */
export interface ShardShare {
  /** URLs of the search bundles it indexes. */
  bundles: Set<string>
  /** URLs of the articles whose bodies and pages it renders: those of its bundles. */
  articles: Set<string>
}

/**
 * Parses `I/N` (`--shard 3/8`): whole numbers with 1 ≤ I ≤ N.
 *
 * @param text What was written.
 * @returns The shard, or `undefined` when the text is not one.
 */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim())
  if (!match) return undefined
  const index = Number(match[1])
  const count = Number(match[2])
  return index >= 1 && index <= count ? { index, count } : undefined
}

/**
 * Shares the search bundles out among the shards in consecutive runs, oldest first, balanced by
 * bytes of Markdown: a bundle goes to the shard its middle byte falls in when the archive's bytes
 * are cut into equal parts, which is within one bundle of the best balance. A bundle is the unit
 * because indexing it needs the bodies of all its articles: the shard that indexes it also renders
 * them and their pages. Runs, not a scatter: a shard renders the bodies of whole months, and a
 * month two bundles share is rendered by both when they go to different shards; consecutive runs
 * split at most one month per shard boundary, where bundles of 1,000 scattered would split about
 * one month in three. The same bundles and bytes give the same shares on every machine.
 *
 * @param bundles The site model's search bundles.
 * @param bytes The size of an article's Markdown file, by article URL.
 * @param shard The shard whose share is wanted.
 */
export function shardShare(bundles: readonly SearchBundle[], bytes: (url: string) => number, shard: Shard): ShardShare {
  const ordered = [...bundles].sort((a, b) => bundleNumber(a.url) - bundleNumber(b.url) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
  const weighed = ordered.map((bundle) => ({ bundle, bytes: bundle.articles.reduce((sum, url) => sum + bytes(url), 0) }))
  const total = weighed.reduce((sum, { bytes: size }) => sum + size, 0)
  const share: ShardShare = { bundles: new Set(), articles: new Set() }
  let before = 0
  for (const { bundle, bytes: size } of weighed) {
    const middle = before + size / 2
    before += size
    const owner = total === 0 ? 0 : Math.min(shard.count - 1, Math.floor((middle * shard.count) / total))
    if (owner !== shard.index - 1) continue
    share.bundles.add(bundle.url)
    for (const url of bundle.articles) share.articles.add(url)
  }
  return share
}

/** The number in a bundle's URL (`/pagefind/12/` is 12): bundles are numbered oldest first. */
function bundleNumber(url: string): number {
  return Number(/\/(\d+)\/$/.exec(url)?.[1] ?? Number.MAX_SAFE_INTEGER)
}

/**
 * The shard (1-based) that renders a page holding no article body (an index page, a year, a
 * redirect…), or a cache group no search bundle covers: spread by a hash of its name (FNV-1a),
 * the same on every machine.
 *
 * @param name A URL or a cache group's name.
 * @param count How many shards.
 */
export function shardOf(name: string, count: number): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < name.length; index++) hash = Math.imul(hash ^ name.charCodeAt(index), 0x01000193) >>> 0
  return (hash % count) + 1
}
