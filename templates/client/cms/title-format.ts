import { foldMarks, routeKeys } from '../search/vietnamese-text.ts'

// The format of the editor's title index (written by src/search/title-index.ts, read by
// find-titles.ts): one module, so the writer and the reader cannot disagree.

/** The title index's table of contents (`/pagefind/titles/words/index.json`). */
export interface TitleIndex {
  /** Articles indexed: article `n` (0 the oldest, `articles - 1` the newest) is in shard `n / shard`. */
  articles: number
  /** Articles per shard file. */
  shard: number
  /** Shards per folder: shard `s` is `/pagefind/titles/<s / group>/<s>.json`. */
  group: number
  /** Chunks in word order: each holds the words from its first word up to the next chunk's. */
  chunks: Array<[first: string, file: string]>
}

/** A word chunk: each folded title word with its articles, encoded by {@link encodePostings}. */
export type TitleChunk = Record<string, string>

/** One article of a shard: what the editor lists and opens. */
export type TitleEntry = [title: string, date: string, url: string]

/** Marks a posting list written as a bitmap rather than as gaps. */
const bitmapMark = '~'
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const digitOf = new Map([...alphabet].map((char, index) => [char, index]))

/**
 * The folded words of a title under which the index files it, as the search routes file a word
 * (no marks, đ as d, lower case): each whitespace-separated word whole and, when punctuation
 * splits it ("covid-19"), joined and each part.
 *
 * @param title The article's title.
 */
export function titleWords(title: string): Set<string> {
  const words = new Set<string>()
  for (const token of foldMarks(title).split(/\s+/)) {
    if (wordOnly.test(token)) words.add(token)
    else if (token) for (const key of routeKeys(token)) words.add(key)
  }
  return words
}

const wordOnly = /^[\p{L}\p{N}]+$/u

/**
 * Encodes a list of article numbers (ascending, distinct) as text, whichever is shorter: the gaps
 * between them as variable-length numbers in URL-safe base64 (5 bits a character, the sixth says
 * "more follows"; a word of three titles costs a dozen characters), or a bitmap in base64 behind
 * `~` (a word of every third title costs a bit an article, not a character or two). Written by
 * hand: compressed-bitmap packages (Roaring) bring WebAssembly or a library to the editor for what
 * is here a few kilobytes of one word's list, and gzip on the wire does the rest.
 *
 * @param numbers Article numbers, ascending.
 */
export function encodePostings(numbers: readonly number[]): string {
  let gaps = ''
  let previous = -1
  for (const number of numbers) {
    gaps += encodeNumber(number - previous - 1)
    previous = number
  }
  const last = numbers.at(-1)
  if (last === undefined || gaps.length * 6 <= last + 1) return gaps
  const bytes = new Uint8Array(Math.ceil((last + 1) / 8))
  for (const number of numbers) bytes[number >> 3] = (bytes[number >> 3] ?? 0) | (1 << (number & 7))
  let bitmap = bitmapMark
  for (let start = 0; start < bytes.length; start += 3) {
    const triple = ((bytes[start] ?? 0) << 16) | ((bytes[start + 1] ?? 0) << 8) | (bytes[start + 2] ?? 0)
    for (let shift = 18; shift >= 0; shift -= 6) bitmap += alphabet[(triple >> shift) & 63]
  }
  return bitmap.length < gaps.length ? bitmap : gaps
}

/**
 * Decodes {@link encodePostings}.
 *
 * @param text An encoded list.
 * @returns Article numbers, ascending.
 */
export function decodePostings(text: string): number[] {
  const numbers: number[] = []
  if (text.startsWith(bitmapMark)) {
    for (let at = 1, byte = 0; at < text.length; at += 4, byte += 3) {
      let triple = 0
      for (let index = 0; index < 4; index++) triple = (triple << 6) | (digitOf.get(text[at + index] ?? 'A') ?? 0)
      for (let part = 0; part < 3; part++) {
        const bits = (triple >> (16 - 8 * part)) & 255
        for (let bit = 0; bit < 8; bit++) if (bits & (1 << bit)) numbers.push((byte + part) * 8 + bit)
      }
    }
    return numbers
  }
  let previous = -1
  let value = 0
  for (const char of text) {
    const digit = digitOf.get(char) ?? 0
    value = value * 32 + (digit & 31)
    if (digit < 32) {
      previous += value + 1
      numbers.push(previous)
      value = 0
    }
  }
  return numbers
}

/** A number as base-32 digits, most significant first, every digit but the last with bit 32 set. */
function encodeNumber(value: number): string {
  let text = alphabet[value & 31] ?? ''
  for (let rest = Math.floor(value / 32); rest > 0; rest = Math.floor(rest / 32)) text = (alphabet[32 | (rest & 31)] ?? '') + text
  return text
}
