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
 * Shares the search bundles out among the shards, balanced by bytes of Markdown: largest bundle
 * first, each to the shard with the fewest bytes so far (ties: the lower shard), which is within
 * one bundle of the best balance. A bundle is the unit because indexing it needs the bodies of
 * all its articles: the shard that indexes it also renders them and their pages, so no body is
 * rendered twice. The same bundles and bytes give the same shares on every machine.
 *
 * @param bundles The site model's search bundles.
 * @param bytes The size of an article's Markdown file, by article URL.
 * @param shard The shard whose share is wanted.
 */
export function shardShare(bundles: readonly SearchBundle[], bytes: (url: string) => number, shard: Shard): ShardShare {
  const weighed = bundles.map((bundle) => ({ bundle, bytes: bundle.articles.reduce((sum, url) => sum + bytes(url), 0) }))
  weighed.sort((a, b) => b.bytes - a.bytes || (a.bundle.url < b.bundle.url ? -1 : a.bundle.url > b.bundle.url ? 1 : 0))
  const loads = new Array<number>(shard.count).fill(0)
  const share: ShardShare = { bundles: new Set(), articles: new Set() }
  for (const { bundle, bytes: size } of weighed) {
    let lightest = 0
    for (let index = 1; index < loads.length; index++) if ((loads[index] ?? 0) < (loads[lightest] ?? 0)) lightest = index
    loads[lightest] = (loads[lightest] ?? 0) + size
    if (lightest !== shard.index - 1) continue
    share.bundles.add(bundle.url)
    for (const url of bundle.articles) share.articles.add(url)
  }
  return share
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
