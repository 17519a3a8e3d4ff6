import { createHash, hash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { writeAtomic } from '../cache/index.ts'
import { type ArticleModel, type ArticleSources, isTeaser } from '../site/index.ts'

/** The last build's article pages: each one's key, by article id, with the inputs it was made from. */
type KeyRecord = Map<string, { inputs: string; key: string }>

/**
 * The key of every article's page, taken from the last build for each article whose inputs are
 * the same (see {@link ArticleSources}), and made from the item for the rest. An article's item is
 * made from its own file, its body and images (its digest), its comments, the registries and the
 * code, and from the articles its related links show: their URLs, titles and dates, made from
 * their own files. So its inputs are its own and those of each article it links, and a page's key
 * stands while they do. A new article (the newest) leaves every older page's key as it was, and
 * an edit of an old one makes again only its key and those of the pages that link it: at 100,000
 * articles, serialising and hashing every article's item took 2.1 s of each build, for the same
 * keys.
 *
 * The record is a cache file like any other: written whole, atomically, by builds that key every
 * page (not a shard's), and ignored when unreadable.
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
  const base = createHash('sha256').update(context).update('\0').update(sources.shared).digest('hex').slice(0, 32)
  // Each article's own inputs, by URL: a related link names the article it shows by its URL.
  // One-shot `hash` (Node 20.12+), here and for the teasers below: no Hash object per article,
  // a third to a half of createHash's time for 100,000 short inputs; the same digests.
  const own = new Map<string, string>()
  for (const article of articles) {
    const file = sources.files.get(article.id)
    // An article without a known file (none in a normal build) is keyed from its item, and so is every article that links it.
    if (file === undefined) continue
    const comments = article.commentThread.length === 0 ? '' : JSON.stringify(article.commentThread)
    own.set(article.url, hash('sha256', `${base}\0${article.id}\0${file}\0${article.digest}\0${comments}`, 'hex').slice(0, 32))
  }
  const inputs = articles.map((article): string | undefined => {
    let text = own.get(article.url)
    if (text === undefined) return undefined
    for (const link of article.related) {
      const linked = own.get(link.url)
      if (linked === undefined) return undefined
      text += `\0${link.url}\0${linked}`
    }
    return article.related.length === 0 ? text : hash('sha256', text, 'hex').slice(0, 32)
  })
  const last = await readRecord(sources.record)
  let reused = 0
  const keys = articles.map((article, index) => {
    const kept = last.get(article.id)
    if (kept !== undefined && kept.inputs === inputs[index]) {
      reused++
      return kept.key
    }
    return keyOf(article)
  })
  const save = async (): Promise<void> => {
    const recorded = articles.flatMap((article, index) => {
      const made = inputs[index]
      return made === undefined ? [] : [{ id: article.id, inputs: made, key: keys[index] as string }]
    })
    if (recorded.length === last.size && recorded.every((entry) => last.get(entry.id)?.inputs === entry.inputs)) return
    await writeAtomic(
      sources.record,
      JSON.stringify({
        version: 2,
        ids: recorded.map((entry) => entry.id).join('\n'),
        inputs: recorded.map((entry) => entry.inputs).join('\n'),
        keys: recorded.map((entry) => entry.key).join('\n'),
      })
    )
  }
  return { keys, reused, save }
}

/** The record of an earlier build, or an empty one when there is none or it cannot be read. */
async function readRecord(path: string): Promise<KeyRecord> {
  const record: KeyRecord = new Map()
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'))
    if (typeof parsed !== 'object' || parsed === null || !('version' in parsed) || parsed.version !== 2) return record
    if (!('ids' in parsed) || !('inputs' in parsed) || !('keys' in parsed)) return record
    const { ids, inputs, keys } = parsed
    if (typeof ids !== 'string' || typeof inputs !== 'string' || typeof keys !== 'string' || ids === '') return record
    const lines = [ids.split('\n'), inputs.split('\n'), keys.split('\n')] as const
    // A record made by this code holds inputs and a page key (SHA-256, hex) for each id, or it is not used.
    if (lines[1].length !== lines[0].length || lines[2].length !== lines[0].length || !lines[2].every((key) => /^[0-9a-f]{64}$/.test(key))) return record
    for (const [index, id] of lines[0].entries()) record.set(id, { inputs: lines[1][index] as string, key: lines[2][index] as string })
    return record
  } catch {
    return record
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
