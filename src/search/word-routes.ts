import { createHash } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { deserialize } from 'node:v8'
import { foldMarks, routeKeys } from '../../templates/client/search/vietnamese-text.ts'
import { cacheFingerprint, pruneCacheFolder, writeAtomic } from '../cache/index.ts'
import type { BodyStore } from '../content/index.ts'
import { compare } from '../shared/compare.ts'
import { exists, mapLimit } from '../shared/files.ts'
import type { OutputUnit } from '../shared/output-unit.ts'
import type { SiteModel } from '../site/index.ts'
import type { PlannedBundle, SearchPlan } from './build-search-index.ts'
import { bundleRecords } from './search-record.tsx'

/** Where the word routes are published, inside the output. */
export const routesFolder = 'pagefind/words'

/** A word starts a new chunk when its hash is 0 modulo this: chunks of about this many words, whose boundaries do not move when words are added elsewhere. */
const chunkWords = 512

/** The routes' table of contents (`/pagefind/words/index.json`), read by the search page. */
export interface RoutesIndex {
  /** The routed bundles, oldest first: bit `i` of a word's mask is `bundles[i]`. */
  bundles: string[]
  /**
   * Each routed bundle's key (the hash of its records and the code that indexes them), in the order
   * of `bundles`: the page asks for a bundle's entry as `pagefind-entry.json?ts=<key>`
   * (`metaCacheTag`), so it can preload the entries of the bundles a query opens while the newest
   * bundle answers, and a reader's cache never keeps an entry its bundle no longer has.
   */
  tags: string[]
  /** Chunks in word order: each holds the words from its first word up to the next chunk's. */
  chunks: Array<[first: string, file: string]>
}

/** What {@link writeWordRoutes} did. */
export interface WordRoutesResult {
  /** The routes folder as an output unit (none when the archive has a single bundle). */
  units: OutputUnit[]
  /** The routes folder, when the live output holds it unchanged. */
  carriedUnits: string[]
  /** Distinct words routed, and bundles whose words were read from their records in this build. */
  words: number
  read: number
}

/**
 * Writes which search bundles hold each word: the search page looks a one-word query up here and
 * opens only the older bundles that hold it, so a word found in one article of 2006 costs that
 * bundle, not the whole archive. Every bundle but the newest (which the page always searches) is
 * routed. A bundle's words are kept in the cache beside its key; only new bundles have their records
 * read again.
 *
 * Words are folded as the page folds a query (no marks, đ as d, lower case): a route may name a
 * bundle that only holds another spelling of the word, never miss one that holds it.
 *
 * @param model The site model.
 * @param plan The search plan (the bundles and their keys).
 * @param options Where to write and cache, and which units the live output holds.
 */
export async function writeWordRoutes(
  model: SiteModel,
  plan: SearchPlan,
  options: { outputDir: string; cacheDir: string; bodies: BodyStore; carriableUnits?: (units: readonly OutputUnit[]) => Promise<ReadonlySet<string>> }
): Promise<WordRoutesResult> {
  const routed = plan.bundles.slice(0, -1)
  if (routed.length === 0) return { units: [], carriedUnits: [], words: 0, read: 0 }
  const entries = await wordEntries(routed)
  const unit = {
    path: routesFolder,
    key: createHash('sha256')
      .update(JSON.stringify(entries.map(({ bundle, file }) => [bundle, file])))
      .digest('hex')
      .slice(0, 24),
  }
  const carriedPaths = options.carriableUnits ? await options.carriableUnits([unit]) : new Set<string>()
  const read = await cacheBundleWords(model, routed, options.cacheDir, options.bodies)
  await pruneCacheFolder(
    options.cacheDir,
    entries.map((entry) => entry.file)
  )
  if (carriedPaths.has(unit.path)) return { units: [unit], carriedUnits: [unit.path], words: 0, read }
  const masks = new Map<string, bigint>()
  const lists = await mapLimit(entries, 4, async (entry) => (await readFile(join(options.cacheDir, entry.file), 'utf8')).split('\n'))
  for (const [bit, list] of lists.entries()) {
    for (const word of list) if (word) masks.set(word, (masks.get(word) ?? 0n) | (1n << BigInt(bit)))
  }
  await writeRoutes(
    join(options.outputDir, routesFolder),
    entries.map((entry) => entry.bundle),
    masks,
    routed.map((bundle) => bundle.key)
  )
  return { units: [unit], carriedUnits: [], words: masks.size, read }
}

/** Each routed bundle with the name of its words' cache file, which hashes the bundle's key and the code. */
async function wordEntries(bundles: readonly PlannedBundle[]): Promise<Array<{ bundle: string; file: string; records: string | undefined }>> {
  const code = await cacheFingerprint('routes')
  return bundles.map((bundle) => ({
    bundle: bundle.bundle,
    file: `${createHash('sha256').update(`${code}\0${bundle.key}`).digest('hex').slice(0, 24)}.words`,
    records: bundle.records,
  }))
}

/**
 * Keeps the words of each bundle in the cache, one file per bundle key: only bundles new to the
 * cache have their records read (a bundle about to be indexed has them written already), one at a
 * time, each let go before the next.
 *
 * @param model The site model.
 * @param bundles The routed bundles (a shard: its share of them).
 * @param cacheDir The words' cache folder.
 * @param bodies The articles' bodies, read for a bundle without written records.
 * @returns How many bundles' records were read.
 */
export async function cacheBundleWords(model: SiteModel, bundles: readonly PlannedBundle[], cacheDir: string, bodies: BodyStore): Promise<number> {
  await mkdir(cacheDir, { recursive: true })
  let read = 0
  const byUrl = new Map(model.articles.map((article) => [article.url, article]))
  const articlesOf = new Map(model.searchBundles.map((bundle) => [bundle.url, bundle.articles]))
  for (const entry of await wordEntries(bundles)) {
    const file = join(cacheDir, entry.file)
    if (await exists(file)) continue
    const words = new Set<string>()
    const written = entry.records ? (deserialize(await readFile(entry.records)) as Array<{ content: string }>).map((record) => record.content) : undefined
    const records = written ?? (await bundleRecords(articlesOf.get(entry.bundle) ?? [], byUrl, model, bodies)).map((record) => record.content)
    for (const record of records) for (const word of recordWords(record)) words.add(word)
    await writeAtomic(file, [...words].sort(compare).join('\n'))
    read++
  }
  return read
}

/**
 * Writes the routes: chunks of words with their bundle masks (hexadecimal), named by a hash of
 * their bytes, and the index that lists them.
 *
 * @param dir The routes folder.
 * @param bundles The routed bundles, oldest first.
 * @param masks Each word's bundles.
 * @param tags Each bundle's key, in the order of `bundles`.
 */
export async function writeRoutes(dir: string, bundles: readonly string[], masks: ReadonlyMap<string, bigint>, tags: readonly string[]): Promise<RoutesIndex> {
  await mkdir(dir, { recursive: true })
  const words = [...masks.keys()].sort(compare)
  const chunks: string[][] = []
  for (const word of words) {
    const last = chunks.at(-1)
    if (!last || (startsChunk(word) && last.length >= chunkWords / 8) || last.length >= chunkWords * 4) chunks.push([word])
    else last.push(word)
  }
  const index: RoutesIndex = { bundles: [...bundles], tags: [...tags], chunks: [] }
  for (const [position, chunk] of chunks.entries()) {
    const body = JSON.stringify(Object.fromEntries(chunk.map((word) => [word, (masks.get(word) ?? 0n).toString(16)])))
    const name = `${createHash('sha256').update(body).digest('hex').slice(0, 16)}.json`
    await writeFile(join(dir, name), body)
    index.chunks.push([position === 0 ? '' : (chunk[0] ?? ''), name])
  }
  await writeFile(join(dir, 'index.json'), JSON.stringify(index))
  return index
}

/**
 * The words Pagefind may index from a search record, folded: every word of its text (tags
 * stripped, alt text included), whole and split at its punctuation.
 *
 * @param html A search record.
 */
export function recordWords(html: string): Set<string> {
  const text = html
    .replace(/<[^>]*\balt="([^"]*)"[^>]*>/g, ' $1 ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:#(\d+)|#x([\da-f]+)|[a-z]+);/gi, (_, decimal?: string, hex?: string) =>
      decimal ? String.fromCodePoint(Number(decimal)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ' '
    )
  const words = new Set<string>()
  // Folded once for the whole text (per token it is ten times slower); the same keys as routeKeys.
  for (const token of foldMarks(text).split(/\s+/)) {
    if (wordOnly.test(token)) words.add(token)
    else if (token) for (const key of routeKeys(token)) words.add(key)
  }
  return words
}

const wordOnly = /^[\p{L}\p{N}]+$/u

function startsChunk(word: string): boolean {
  let hash = 0x811c9dc5
  for (let index = 0; index < word.length; index++) hash = Math.imul(hash ^ word.charCodeAt(index), 0x01000193) >>> 0
  return hash % chunkWords === 0
}
