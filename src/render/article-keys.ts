import { createHash, hash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { writeAtomic } from '../cache/index.ts'
import { type ArticleModel, type ArticleSources, isTeaser } from '../site/index.ts'

/** The keys of the last build's article pages, oldest first, each with the chain of inputs up to it. */
interface KeyRecord {
  chains: string[]
  keys: string[]
}

/**
 * The key of every article's page, taken from the last build for the longest run of oldest
 * articles whose inputs are all the same (see {@link ArticleSources}), and made from the item for
 * the rest. An article's item depends only on its own file, its comments, the registries, the code
 * and the articles before it, so a new article (the newest) leaves every older page's key as it
 * was: at 100,000 articles, serialising and hashing every article's item took 2.1 s of each build,
 * for the same keys.
 *
 * Each article's inputs are chained: the link of the nth article hashes the (n-1)th link with the
 * article's id, file hash, digest (its body and images) and comments. Equal nth links mean equal
 * inputs for the first n articles, whatever changed after them (an edit, a deletion, an article
 * published in between or scheduled to appear), and a change to the context starts every chain
 * differently. The record is a cache file like any other: written whole, atomically, by builds that
 * key every page (not a shard's), and ignored when unreadable.
 *
 * @param articles The model's articles, newest first (as `SiteModel.articles`).
 * @param sources What their items are made from; without it, every key is made from the item.
 * @param context The pages' context key (code, site settings, registries as the pages show them).
 * @param keyOf Makes an article page's key from its item.
 * @returns Each article's page key, in the order of `articles`, and how many were taken from the record.
 */
export async function articleKeys(
  articles: readonly ArticleModel[],
  sources: ArticleSources | undefined,
  context: string,
  keyOf: (article: ArticleModel) => string
): Promise<{ keys: string[]; reused: number; save: () => Promise<void> }> {
  if (sources === undefined) return { keys: articles.map(keyOf), reused: 0, save: async () => {} }
  const oldestFirst = [...articles].reverse()
  const chains: string[] = []
  let link = createHash('sha256').update(context).update('\0').update(sources.shared).digest('hex').slice(0, 32)
  for (const article of oldestFirst) {
    const file = sources.files.get(article.id)
    // An article without a known file (none in a normal build) cuts the chain: it and every
    // newer article are keyed from their items.
    if (file === undefined) break
    const comments = article.commentThread.length === 0 ? '' : JSON.stringify(article.commentThread)
    // One-shot `hash` (Node 20.12+), here and for the teasers below: no Hash object per article,
    // a third to a half of createHash's time for 100,000 short inputs; the same digests.
    link = hash('sha256', `${link}\0${article.id}\0${file}\0${article.digest}\0${comments}`, 'hex').slice(0, 32)
    chains.push(link)
  }
  const last = await readRecord(sources.record)
  let same = 0
  while (same < chains.length && same < last.chains.length && chains[same] === last.chains[same]) same++
  const keys = oldestFirst.map((article, index) => (index < same ? (last.keys[index] as string) : keyOf(article)))
  const save = async (): Promise<void> => {
    if (chains.length === same && last.chains.length === same) return
    // Only the chained articles' keys: one without a known file ended the chain.
    await writeAtomic(sources.record, JSON.stringify({ version: 1, chains: chains.join('\n'), keys: keys.slice(0, chains.length).join('\n') }))
  }
  return { keys: [...keys].reverse(), reused: same, save }
}

/** The record of an earlier build, or an empty one when there is none or it cannot be read. */
async function readRecord(path: string): Promise<KeyRecord> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'))
    if (typeof parsed !== 'object' || parsed === null || !('version' in parsed) || parsed.version !== 1) return { chains: [], keys: [] }
    if (!('chains' in parsed) || !('keys' in parsed) || typeof parsed.chains !== 'string' || typeof parsed.keys !== 'string') return { chains: [], keys: [] }
    const chains = parsed.chains === '' ? [] : parsed.chains.split('\n')
    const keys = parsed.keys === '' ? [] : parsed.keys.split('\n')
    // A record made by this code holds one page key (SHA-256, hex) per chain link, or it is not used.
    return chains.length === keys.length && keys.every((key) => /^[0-9a-f]{64}$/.test(key)) ? { chains, keys } : { chains: [], keys: [] }
  } catch {
    return { chains: [], keys: [] }
  }
}

/**
 * What stands for a teaser in its listing page's key (see `updateWithItem`), instead of a hash of
 * its JSON: a hash of its URL, its article's file hash and its thumbnail's URL. A teaser shows its
 * article's title, summary, date and byline (made from the file and the registries, which the key
 * of every listing page holds with `ArticleSources.shared`) and its lead image's thumbnail (whose
 * URL names the image's bytes and the encoder, see `planImage`). Each article's is made once, as
 * `teaserOf` picks its thumbnail: at 100,000 articles, serialising and hashing every teaser took
 * 1.4 s of each build, and feeding the unhashed text to the six listing pages that show each
 * teaser 1.3 s. A teaser whose article's file is not known is hashed.
 *
 * @param articles The model's articles.
 * @param sources What their items are made from.
 */
export function teaserInputs(articles: readonly ArticleModel[], sources: ArticleSources): (teaser: object) => string | undefined {
  const inputs = new Map<string, string>()
  for (const article of articles) {
    const file = sources.files.get(article.id)
    const thumbnail = article.lead?.set.thumbnail.url ?? ''
    if (file !== undefined) inputs.set(article.url, hash('sha256', `${article.url}\0${file}\0${thumbnail}`, 'hex').slice(0, 32))
  }
  return (teaser) => (isTeaser(teaser) ? inputs.get(teaser.url) : undefined)
}
