import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import matter from 'gray-matter'
import { foldMarks } from '../../templates/client/search/vietnamese-text.ts'
import { createRandom } from '../corpus/random.ts'

/** A query of the bench's set and what kind of query it is. */
export interface BenchQuery {
  query: string
  kind: 'fixed' | 'common' | 'rare' | 'phrase' | 'prefix'
}

/** Words of a text as a reader types them: letters only, as written. */
const wordsOf = (text: string): string[] => text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0)

/**
 * Draws the bench's queries from a corpus, the same for the same corpus: the words most articles
 * hold (common), each sampled article's least common word, spread over the years (rare), 2–4
 * consecutive words of a headline (phrases), and the first letters of rare words, some in capitals
 * (prefixes, as typed halfway), half of each kind without diacritics, as readers type.
 *
 * @param contentDir The corpus.
 * @param fixed Queries that always come first.
 * @param count How many to draw besides them. @default 50
 */
export async function drawQueries(contentDir: string, fixed: readonly string[], count = 50): Promise<BenchQuery[]> {
  const files = (await readdir(join(contentDir, 'articles'), { recursive: true })).filter((path) => path.endsWith('.md')).sort()
  const next = createRandom(files.length)
  // A sample spread over the whole archive, oldest to newest.
  const step = Math.max(1, Math.floor(files.length / 400))
  const sample = files.filter((_, index) => index % step === 0).slice(0, 400)
  const seen = new Map<string, number>()
  const titles: string[] = []
  const rareByArticle: string[][] = []
  for (const file of sample) {
    const { data, content } = matter(await readFile(join(contentDir, 'articles', file), 'utf8'))
    const title = String(data['title'] ?? '')
    titles.push(title)
    // Image references (figure syntax) are not words a reader searches for.
    const text = `${title} ${String(data['summary'] ?? '')} ${content.replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')}`
    const words = new Set(wordsOf(text).map((word) => word.toLowerCase()))
    for (const word of words) seen.set(word, (seen.get(word) ?? 0) + 1)
    rareByArticle.push([...words])
  }
  const plain = (text: string, index: number): string => (index % 2 === 0 ? foldMarks(text) : text)
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(next() * list.length)]
  const share = Math.floor(count / 4)
  const common = [...seen.entries()]
    .filter(([word]) => word.length >= 3)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, share)
    .map(([word], index): BenchQuery => ({ query: plain(word, index), kind: 'common' }))
  // Each sampled article's least common word (a generated corpus has a small vocabulary: few words
  // are in only one or two articles).
  const rareWords = rareByArticle.flatMap((words) => {
    const candidates = words.filter((word) => word.length >= 5).sort((a, b) => (seen.get(a) ?? 0) - (seen.get(b) ?? 0) || (a < b ? -1 : 1))
    const rarest = seen.get(candidates[0] ?? '') ?? 0
    const rare = candidates.filter((word) => (seen.get(word) ?? 0) === rarest)
    return rare.length > 0 ? [pick(rare) ?? ''] : []
  })
  const spread = (list: readonly string[], n: number): string[] =>
    Array.from({ length: Math.min(n, list.length) }, (_, index) => list[Math.floor((index * list.length) / n)] ?? '')
  const rare = spread(rareWords, share).map((word, index): BenchQuery => ({ query: plain(word, index), kind: 'rare' }))
  const phrases = spread(titles, share).map((title, index): BenchQuery => {
    const words = wordsOf(title)
    const length = 2 + (index % 3)
    const start = Math.floor(next() * Math.max(1, words.length - length + 1))
    return {
      query: plain(
        words
          .slice(start, start + length)
          .join(' ')
          .toLowerCase(),
        index
      ),
      kind: 'phrase',
    }
  })
  const longRare = rareWords.filter((word) => word.length >= 7).reverse()
  const prefixCount = count - 3 * share
  const prefixes = spread(longRare.length >= prefixCount ? longRare : rareWords.slice().reverse(), prefixCount).map((word, index): BenchQuery => {
    const folded = foldMarks(word)
    const cut = folded.slice(0, Math.max(4, Math.ceil(folded.length * 0.7)))
    return { query: index % 2 === 0 ? cut.toUpperCase() : cut, kind: 'prefix' }
  })
  return [...fixed.map((query): BenchQuery => ({ query, kind: 'fixed' })), ...common, ...rare, ...phrases, ...prefixes]
}

/**
 * Adds one article, newer than every other, to the bench's private copy of a corpus: the state
 * right after a new search bundle starts (its newest bundle holds one article), which lasts until
 * that bundle fills and is the worst case for a search.
 *
 * @param contentDir The bench's copy of the corpus.
 * @returns The new article's path.
 */
export async function addNewestArticle(contentDir: string): Promise<string> {
  const files = (await readdir(join(contentDir, 'articles'), { recursive: true })).filter((path) => path.endsWith('.md')).sort()
  const newest = files.at(-1)
  if (newest === undefined) throw new Error(`no article in ${contentDir}`)
  const { data, content } = matter(await readFile(join(contentDir, 'articles', newest), 'utf8'))
  const path = join(contentDir, 'articles', newest.replace(/\.md$/, '-moi-nhat.md'))
  const written = data['date']
  const date =
    written instanceof Date
      ? written.toISOString().slice(0, 16)
      : String(written ?? '')
          .replace(' ', 'T')
          .slice(0, 16)
  // A minute later than the newest article, written as the corpus writes dates ("YYYY-MM-DD HH:mm").
  const later = new Date(Date.parse(`${date}:00Z`) + 60_000).toISOString().slice(0, 16).replace('T', ' ')
  await writeFile(path, matter.stringify(content, { ...data, title: `${String(data['title'] ?? '')} (mới nhất)`, date: later }))
  return path
}
