import { chunkAt } from '../search/search-groups.ts'
import { foldVietnamese, spelledAsTyped } from '../search/vietnamese-text.ts'
import { decodePostings, type TitleChunk, type TitleEntry, type TitleIndex, titleWords } from './title-format.ts'

/** Reads one JSON file of the title index, by its path under the index's folder (`words/index.json`). */
export type ReadTitleFile = (path: string) => Promise<unknown>

/** An article found by its title. */
export interface FoundTitle {
  title: string
  /** Its date as the site prints it. */
  date: string
  url: string
}

/** A last word whose range of words spans more chunks than this is checked on the titles instead. */
const prefixChunks = 2
/** Shards read for one query at most, when the titles must be checked (a short last word alone). */
const shardLimit = 24

/**
 * Finds articles by words of their title in the title index (`src/search/title-index.ts`): the
 * index, one chunk for each word typed (the last one, maybe unfinished, as a range of words),
 * their lists of articles intersected, then only the shards of the newest matches. Words may be
 * typed without diacritics; typed with them, they must be spelled so.
 *
 * @param read Reads a file of the index.
 * @param query What the editor typed.
 * @param count How many articles to list, newest first.
 */
export async function findTitles(read: ReadTitleFile, query: string, count: number): Promise<FoundTitle[]> {
  const typed = [...new Set(foldVietnamese(query).split(' ').filter(Boolean))]
  const prefix = typed.at(-1)
  if (prefix === undefined) return []
  const whole = typed.slice(0, -1)
  const index = (await read('words/index.json')) as TitleIndex
  const range = prefixRange(index, prefix)
  const files = [...new Set([...whole.map((word) => chunkOf(index, word)), ...(range.length <= prefixChunks ? range : [])])]
  const chunks = new Map(await Promise.all(files.map(async (file) => [file, (await read(`words/${file}`)) as TitleChunk] as const)))
  const lists: number[][] = []
  for (const word of whole) {
    const encoded = chunks.get(chunkOf(index, word))?.[word]
    if (encoded === undefined) return []
    lists.push(decodePostings(encoded))
  }
  if (range.length <= prefixChunks) {
    const union = new Set<number>()
    for (const file of range)
      for (const [word, encoded] of Object.entries(chunks.get(file) ?? {}))
        if (word.startsWith(prefix)) for (const number of decodePostings(encoded)) union.add(number)
    if (union.size === 0) return []
    lists.push([...union].sort((a, b) => a - b))
  }
  const matches = (entry: TitleEntry): boolean => {
    const words = titleWords(entry[0])
    return whole.every((word) => words.has(word)) && [...words].some((word) => word.startsWith(prefix)) && spelledAsTyped(entry[0], query)
  }
  return readNewest(read, index, newestFirst(lists, index.articles), matches, count)
}

/**
 * Reads the shards of the candidates, newest first, a few at a time, until `count` match (a
 * candidate is checked on its title: the lists are exact, but a short last word or a spelling with
 * diacritics is checked only there).
 */
async function readNewest(
  read: ReadTitleFile,
  index: TitleIndex,
  candidates: Iterable<number>,
  matches: (entry: TitleEntry) => boolean,
  count: number
): Promise<FoundTitle[]> {
  const found: FoundTitle[] = []
  const shards = new Map<number, Promise<TitleEntry[]>>()
  const shardOf = (number: number): Promise<TitleEntry[]> => {
    const shard = Math.floor(number / index.shard)
    let entries = shards.get(shard)
    if (!entries) {
      entries = read(`${Math.floor(shard / index.group)}/${shard}.json`).then((json) => json as TitleEntry[])
      shards.set(shard, entries)
    }
    return entries
  }
  const iterator = candidates[Symbol.iterator]()
  while (found.length < count && shards.size < shardLimit) {
    // The next candidates that may fill the list, their shards read together.
    const batch = take(iterator, count - found.length)
    if (batch.length === 0) break
    const entries = await Promise.all(batch.map(async (number) => (await shardOf(number))[number % index.shard]))
    for (const entry of entries) if (entry && found.length < count && matches(entry)) found.push({ title: entry[0], date: entry[1], url: entry[2] })
  }
  return found
}

/** Up to `count` next values of an iterator. */
function take(iterator: Iterator<number>, count: number): number[] {
  const values: number[] = []
  while (values.length < count) {
    const next = iterator.next()
    if (next.done) break
    values.push(next.value)
  }
  return values
}

/**
 * The articles in every list, newest first; every article, newest first, when there is no list.
 *
 * @param lists Article numbers, ascending.
 * @param articles How many articles the index holds.
 */
export function* newestFirst(lists: readonly number[][], articles: number): Generator<number> {
  const sorted = [...lists].sort((a, b) => a.length - b.length)
  const [shortest, ...others] = sorted
  if (!shortest) {
    for (let number = articles - 1; number >= 0; number--) yield number
    return
  }
  const sets = others.map((list) => new Set(list))
  for (let at = shortest.length - 1; at >= 0; at--) {
    const number = shortest[at] as number
    if (sets.every((set) => set.has(number))) yield number
  }
}

/**
 * The chunk that would hold a word: the last whose first word is not after it.
 *
 * @param index The title index.
 * @param word A folded word.
 */
export function chunkOf(index: TitleIndex, word: string): string {
  return index.chunks[chunkAt(index.chunks, word)]?.[1] ?? ''
}

/**
 * The chunks that may hold words starting with a prefix: from the one that would hold the prefix
 * up to the last whose first word still starts with it.
 *
 * @param index The title index.
 * @param prefix A folded word, maybe unfinished.
 */
export function prefixRange(index: TitleIndex, prefix: string): string[] {
  const first = chunkOf(index, prefix)
  const start = index.chunks.findIndex(([, file]) => file === first)
  const files = [first]
  for (let at = start + 1; at < index.chunks.length && (index.chunks[at]?.[0] ?? '').startsWith(prefix); at++) files.push(index.chunks[at]?.[1] ?? '')
  return files
}
