import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { encodePostings, type TitleChunk, type TitleEntry, type TitleIndex, titleWords } from '../../templates/client/cms/title-format.ts'
import { compare } from '../shared/compare.ts'
import { mapLimit } from '../shared/files.ts'
import type { OutputUnit } from '../shared/output-unit.ts'
import type { ArticleModel } from '../site/index.ts'

/** Where the title index is published, inside the output. */
export const titlesFolder = 'pagefind/titles'

/** The folder of the word chunks and their `index.json`, inside {@link titlesFolder}. */
const wordsFolder = 'words'

/** Options of {@link planTitleIndex}. */
export interface TitleIndexOptions {
  /** Articles per shard file: a match costs one of them. @default 32 */
  shard: number
  /** Shards per folder, the unit a build carries over or writes. @default 32 */
  group: number
  /** A word starts a new chunk when its hash is 0 modulo this (chunks of about this many words). @default 32 */
  chunkWords: number
  /** A chunk longer than this many characters ends at its next word, whatever that word's hash. @default 8192 */
  chunkLength: number
}

const defaults = { shard: 32, group: 32, chunkWords: 32, chunkLength: 8192 } satisfies TitleIndexOptions

/** An output folder of the title index with the files it holds (paths inside the output). */
export interface TitleUnit extends OutputUnit {
  files: Array<{ path: string; body: string }>
}

/** What an article gives the title index. */
export type TitledArticle = Pick<ArticleModel, 'url' | 'title'> & { date: { text: string } }

/**
 * Plans the web editor's title index: which articles' titles hold each folded word, in chunks of
 * words, and the articles' title, date and URL in shards by article number (0 the oldest), so the
 * editor finds any article by words of its title from one chunk a word and one shard a match,
 * never the archive. Articles are numbered oldest first: publishing an article changes the chunks
 * of its title's words, `index.json` and the newest shard (one folder), nothing else; an article
 * dated before others renumbers those after it.
 *
 * Written by hand: MiniSearch, FlexSearch and Lunr load the whole index into the browser (several
 * MB of titles and postings at 100,000 articles); Pagefind loads a word's full-text postings from
 * every bundle that holds it (12 MB for a title of common words at 100,000 articles);
 * sql.js-httpvfs reads an SQLite file by HTTP range requests, but needs a megabyte of
 * WebAssembly, a host that answers ranges and is no longer maintained. Sorted word chunks named by
 * a hash of their bytes are the word routes' layout (`word-routes.ts`), which already serves the
 * search page from a static host.
 *
 * @param articles Articles, newest first (as the site model lists them).
 * @param options Sizes of shards, folders and chunks.
 */
export function planTitleIndex(articles: readonly TitledArticle[], options: Partial<TitleIndexOptions> = {}): TitleUnit[] {
  const sizes = { ...defaults, ...options }
  const oldestFirst = [...articles].reverse()
  const postings = new Map<string, number[]>()
  const wordsOf = titleWordsByToken()
  for (const [number, article] of oldestFirst.entries()) {
    for (const word of wordsOf(article.title)) {
      const list = postings.get(word)
      if (list) list.push(number)
      else postings.set(word, [number])
    }
  }
  const chunks = chunkWords(postings, sizes)
  const index: TitleIndex = { articles: oldestFirst.length, shard: sizes.shard, group: sizes.group, chunks: [] }
  const words: TitleUnit['files'] = []
  for (const [position, chunk] of chunks.entries()) {
    const body = JSON.stringify(Object.fromEntries(chunk) satisfies TitleChunk)
    const name = `${hashOf(body).slice(0, 16)}.json`
    words.push({ path: `${titlesFolder}/${wordsFolder}/${name}`, body })
    index.chunks.push([position === 0 ? '' : (chunk[0]?.[0] ?? ''), name])
  }
  const indexBody = JSON.stringify(index)
  words.push({ path: `${titlesFolder}/${wordsFolder}/index.json`, body: indexBody })
  return [unitOf(`${titlesFolder}/${wordsFolder}`, words), ...shardUnits(oldestFirst, sizes)]
}

/**
 * {@link titleWords}, folding each whitespace-separated token once: titles share their words (a few
 * thousand syllables make most Vietnamese titles), and folding every title whole again was most of
 * the title index's time at 100,000 articles. The same words: folding neither adds nor removes
 * whitespace, so a title's words are its tokens' words together.
 *
 * @returns A title's words, remembering each token's.
 */
export function titleWordsByToken(): (title: string) => Set<string> {
  const known = new Map<string, readonly string[]>()
  return (title) => {
    const words = new Set<string>()
    for (const token of title.split(/\s+/)) {
      if (token === '') continue
      let folded = known.get(token)
      if (folded === undefined) {
        folded = [...titleWords(token)]
        known.set(token, folded)
      }
      for (const word of folded) words.add(word)
    }
    return words
  }
}

/**
 * The words with their encoded articles, in word order, cut into chunks: a word whose hash is 0
 * modulo `chunkWords` starts one, so a chunk's bounds depend only on its own words and do not move
 * when a word is added elsewhere; a chunk past `chunkLength` characters also ends, so a run of
 * common words (long lists) is not fetched whole for one of them.
 */
function chunkWords(postings: ReadonlyMap<string, number[]>, sizes: TitleIndexOptions): Array<Array<[string, string]>> {
  const chunks: Array<Array<[string, string]>> = []
  let length = 0
  for (const word of [...postings.keys()].sort(compare)) {
    const encoded = encodePostings(postings.get(word) ?? [])
    const last = chunks.at(-1)
    if (!last || startsChunk(word, sizes.chunkWords) || length >= sizes.chunkLength) {
      chunks.push([[word, encoded]])
      length = 0
    } else last.push([word, encoded])
    length += word.length + encoded.length + 6
  }
  return chunks
}

/** The shards (`<group>/<shard>.json`, arrays of title, date and URL), one folder per `group` shards. */
function shardUnits(oldestFirst: readonly TitledArticle[], sizes: TitleIndexOptions): TitleUnit[] {
  const perFolder = sizes.shard * sizes.group
  const units: TitleUnit[] = []
  for (let first = 0; first < oldestFirst.length; first += perFolder) {
    const folder = first / perFolder
    const files: TitleUnit['files'] = []
    for (let start = first; start < Math.min(first + perFolder, oldestFirst.length); start += sizes.shard) {
      const entries = oldestFirst.slice(start, start + sizes.shard).map((article): TitleEntry => [article.title, article.date.text, article.url])
      files.push({ path: `${titlesFolder}/${folder}/${start / sizes.shard}.json`, body: JSON.stringify(entries) })
    }
    units.push(unitOf(`${titlesFolder}/${folder}`, files))
  }
  return units
}

function unitOf(path: string, files: TitleUnit['files']): TitleUnit {
  const hash = createHash('sha256')
  for (const file of files) hash.update(file.path).update('\0').update(file.body).update('\0')
  return { path, key: hash.digest('hex').slice(0, 24), files }
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** FNV-1a of the word, as the word routes cut their chunks. */
function startsChunk(word: string, modulo: number): boolean {
  let hash = 0x811c9dc5
  for (let index = 0; index < word.length; index++) hash = Math.imul(hash ^ word.charCodeAt(index), 0x01000193) >>> 0
  return hash % modulo === 0
}

/** What {@link writeTitleIndex} did. */
export interface TitleIndexResult {
  /** Every folder of the title index, with its key. */
  units: OutputUnit[]
  /** Folders the live output (or the deploy target) holds unchanged: carried over, not written. */
  carriedUnits: string[]
  /** Articles indexed, and files written. */
  articles: number
  written: number
}

/**
 * Writes the web editor's title index ({@link planTitleIndex}) into the output: only the folders
 * that changed; the others are carried over from the live output or, with `--deployed`, left to
 * the target that serves them.
 *
 * @param articles The site model's articles, newest first.
 * @param options Where to write, and which units the live output holds.
 */
export async function writeTitleIndex(
  articles: readonly TitledArticle[],
  options: { outputDir: string; carriableUnits?: (units: readonly OutputUnit[]) => Promise<ReadonlySet<string>> }
): Promise<TitleIndexResult> {
  const planned = planTitleIndex(articles)
  const units = planned.map(({ path, key }) => ({ path, key }))
  const carried = options.carriableUnits ? await options.carriableUnits(units) : new Set<string>()
  const files = planned.filter((unit) => !carried.has(unit.path)).flatMap((unit) => unit.files)
  for (const folder of new Set(files.map((file) => dirname(file.path)))) await mkdir(join(options.outputDir, folder), { recursive: true })
  await mapLimit(files, 32, (file) => writeFile(join(options.outputDir, file.path), file.body))
  return { units, carriedUnits: [...carried], articles: articles.length, written: files.length }
}
