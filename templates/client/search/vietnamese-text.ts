/**
 * Vietnamese text on the search page: folding for comparison, phrase matching and excerpts in the
 * original spelling. The index already knows each đ-word spelled with d (`src/search/d-spellings.ts`),
 * so one query finds "đường" from "duong"; these helpers only rank and show.
 */

/**
 * Folds Vietnamese for comparison: no tone or vowel marks, đ as d, lower case, words separated by
 * single spaces.
 *
 * @param text Any text.
 */
export function foldVietnamese(text: string): string {
  return foldMarks(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/**
 * Folds tone and vowel marks, đ as d, lower case; spaces and punctuation stay as they are.
 *
 * @param text Any text.
 */
export function foldMarks(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
}

/**
 * The keys under which the search routes (`src/search/word-routes.ts`) file a word of an indexed
 * text: folded, whole and, when punctuation splits it ("covid-19"), joined and each part.
 *
 * @param token A whitespace-separated token.
 */
export function routeKeys(token: string): string[] {
  const parts = foldVietnamese(token).split(' ').filter(Boolean)
  return parts.length <= 1 ? parts : [parts.join(''), ...parts]
}

/** Vietnamese tone marks (huyền, sắc, ngã, hỏi, nặng) once decomposed; vowel marks (â, ă, ơ…) are not among them. */
const toneMarks = /[\u0300\u0301\u0303\u0309\u0323]/g
/** What is not a letter, digit or mark: once the tone is taken out, the marks left are vowel marks (â, ă, ơ…). */
const notLetterOrMark = /[^\p{L}\p{N}\p{M}]/gu

/** A word's spelling, lower case, its letters (with vowel marks and đ) apart from its tone. */
interface Spelling {
  readonly letters: string
  readonly tone: string
}

/**
 * The most words a memo below keeps before it starts again: a page ranks ten articles of a few
 * thousand words, mostly the same few hundred syllables, so a memo spares nearly every word's
 * normalising and regular expressions (they were most of the page's own work for a phrase: 0.13 s
 * of 1.6 s to the first result on 127.0.0.1, four times that on a phone's CPU).
 */
const memoLimit = 20_000

/** The value a memo holds for a word, computed and kept the first time. */
function remembered<T>(memo: Map<string, T>, word: string, compute: () => T): T {
  let value = memo.get(word)
  if (value === undefined) {
    if (memo.size >= memoLimit) memo.clear()
    value = compute()
    memo.set(word, value)
  }
  return value
}

const spellingMemo = new Map<string, Spelling>()

/**
 * A word's spelling for comparing it as typed: lower case, punctuation dropped, and the tone mark
 * taken apart from the letters, so the old and new placements of a tone ("hoá", "hóa") are one spelling.
 *
 * @param word A word as written.
 */
export function spellingOf(word: string): Spelling {
  return remembered(spellingMemo, word, () => {
    const decomposed = word.normalize('NFD').toLowerCase()
    return {
      letters: decomposed.replace(toneMarks, '').replace(notLetterOrMark, '').normalize('NFC'),
      tone: (decomposed.match(toneMarks) ?? []).join(''),
    }
  })
}

/** A word's spelling as one string (see {@link spellingOf}). */
function spellingKey(word: string): string {
  const { letters, tone } = spellingOf(word)
  return `${letters}${tone}`
}

/**
 * Whether a text carries any diacritic or đ: a query typed without any says nothing about the
 * spelling the reader means.
 *
 * @param text Any text.
 */
export function hasMarks(text: string): boolean {
  return foldMarks(text) !== text.toLowerCase()
}

/**
 * Whether a text holds every word of a query spelled as the reader typed it (case aside, the tone
 * wherever it sits): each word whole, the last one as the start of a word (search as you type, so
 * its tone may not be typed yet) unless the query is quoted. A query typed without any diacritic or
 * đ carries no spelling, and every text holds it as typed.
 *
 * @param text The article's text (headline and body, without the folded copy of its đ-words).
 * @param query The reader's query.
 */
export function spelledAsTyped(text: string, query: string): boolean {
  if (!hasMarks(query)) return true
  const prefixLast = !query.includes('"')
  const typed = query
    .replace(/"/g, ' ')
    .split(/\s+/)
    .map(spellingOf)
    .filter((word) => word.letters !== '')
  const have = [...new Set(text.split(/\s+/))].map(spellingOf)
  const holds = (word: Spelling, prefix: boolean): boolean =>
    have.some((other) =>
      prefix
        ? other.letters.startsWith(word.letters) && (word.tone === '' || word.tone === other.tone)
        : other.letters === word.letters && other.tone === word.tone
    )
  return typed.every((word, index) => holds(word, prefixLast && index === typed.length - 1))
}

/** A word of a text, as written and folded, and whether punctuation ends a clause after it. */
interface Token {
  readonly word: string
  readonly folded: string
  readonly exact: string
  readonly breakAfter: boolean
}

const clauseEnd = /[.,;:!?…"“”()[\]]$/

const tokenMemo = new Map<string, Token>()

function tokenize(text: string): Token[] {
  return text
    .normalize('NFC')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => remembered(tokenMemo, word, () => ({ word, folded: foldVietnamese(word), exact: spellingKey(word), breakAfter: clauseEnd.test(word) })))
}

/** Letters and digits only, folded: a text holds a phrase (as typed or folded) only if this form of it holds the phrase's. */
const compact = (text: string): string => foldMarks(text).replace(/[^\p{L}\p{N}]+/gu, '')

/** Where the query's words appear in a row, within one clause, in the text's tokens; -1 if nowhere. */
function findPhrase(tokens: readonly Token[], query: readonly Token[], key: 'folded' | 'exact'): number {
  for (let start = 0; start + query.length <= tokens.length; start++) {
    const matches = query.every((word, offset) => {
      const token = tokens[start + offset] as Token
      return token[key] === word[key] && (offset === query.length - 1 || !token.breakAfter)
    })
    if (matches) return start
  }
  return -1
}

/**
 * How closely a text matches a multi-word query as a phrase (its words in a row, not across a
 * comma or a full stop): 2 with the reader's exact diacritics (the tone wherever it sits), 1 once
 * folded, 0 not as a phrase (also for one-word queries, where Pagefind's score decides).
 *
 * @param text The page's text.
 * @param query The reader's query.
 */
export function phraseMatch(text: string, query: string): 0 | 1 | 2 {
  const words = tokenize(query)
  if (words.length < 2) return 0
  // Most texts a page ranks do not hold the phrase at all: one pass over the text tells.
  if (!compact(text).includes(compact(query))) return 0
  const found = tokenize(text)
  if (findPhrase(found, words, 'exact') >= 0) return 2
  return findPhrase(found, words, 'folded') >= 0 ? 1 : 0
}

/** A piece of an excerpt: text, highlighted or not. */
export interface ExcerptPart {
  text: string
  mark: boolean
}

/**
 * An excerpt centred on the first place the query appears as a phrase (folded), with the phrase
 * highlighted; `undefined` when it does not appear.
 *
 * @param content The page's text.
 * @param query The reader's query.
 * @param radius Words kept on each side. @default 14
 */
export function phraseExcerpt(content: string, query: string, radius = 14): ExcerptPart[] | undefined {
  const words = tokenize(query)
  if (words.length === 0) return undefined
  const tokens = tokenize(content)
  const start = findPhrase(tokens, words, 'folded')
  if (start < 0) return undefined
  const end = start + words.length
  const text = (from: number, to: number): string =>
    tokens
      .slice(Math.max(0, from), to)
      .map((token) => token.word)
      .join(' ')
  const before = text(start - radius, start)
  const after = text(end, end + radius)
  return [
    { text: `${start > radius ? '… ' : ''}${before}${before ? ' ' : ''}`, mark: false },
    { text: text(start, end), mark: true },
    { text: `${after ? ' ' : ''}${after}${end + radius < tokens.length ? ' …' : ''}`, mark: false },
  ]
}

/**
 * An excerpt of an article's text (without its headline) for a query: centred on the query as a
 * phrase if it appears, else on the first of its words, each of its words highlighted in the
 * original spelling; the text's start, unhighlighted, when no word of the query is in it (the
 * query matched the headline only).
 *
 * @param text The article's text after its headline.
 * @param query The reader's query.
 * @param radius Words kept on each side. @default 14
 */
export function wordExcerpt(text: string, query: string, radius = 14): ExcerptPart[] {
  const words = new Set(tokenize(query).map((token) => token.folded))
  const phrase = words.size > 1 ? phraseExcerpt(text, query, radius) : undefined
  if (phrase) return phrase
  const tokens = tokenize(text)
  // A few words of context before the densest run of the query's words, the rest after it.
  const before = Math.min(4, radius)
  const hit = densestHit(tokens, words, 2 * radius - before)
  const from = hit < 0 ? 0 : Math.max(0, hit - before)
  const to = hit < 0 ? 2 * radius : hit + 2 * radius - before + 1
  const parts: ExcerptPart[] = from > 0 ? [{ text: '… ', mark: false }] : []
  for (const [index, token] of tokens.slice(from, to).entries()) {
    const mark = words.has(token.folded)
    const last = parts[parts.length - 1]
    const space = index > 0 ? ' ' : ''
    if (last && last.mark === mark) last.text += space + token.word
    else if (mark) {
      if (last) last.text += space
      parts.push({ text: token.word, mark })
    } else parts.push({ text: space + token.word, mark })
  }
  if (to < tokens.length) parts.push({ text: ' …', mark: false })
  return parts
}

/** Where the window of `span` tokens holding the most distinct query words starts with a hit; -1 if none. */
function densestHit(tokens: readonly Token[], words: ReadonlySet<string>, span: number): number {
  let best = -1
  let bestCount = 0
  for (const [index, token] of tokens.entries()) {
    if (!words.has(token.folded)) continue
    const count = new Set(
      tokens
        .slice(index, index + span)
        .filter((other) => words.has(other.folded))
        .map((other) => other.folded)
    ).size
    if (count > bestCount) [best, bestCount] = [index, count]
  }
  return best
}
