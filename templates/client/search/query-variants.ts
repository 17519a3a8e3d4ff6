/**
 * Vietnamese typed without diacritics, for search. Pagefind folds tone marks ("cong an" finds
 * "Công an") but treats đ as a letter of its own, so "duong" never meets "đường". The search page
 * runs the query once per way its plain d's could be đ and merges the hits.
 */

const vowel = 'aeiouyàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹ'
/** A Vietnamese syllable: an optional initial consonant, vowels, an optional final consonant. */
const syllable = new RegExp(`^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[${vowel}]+(ch|ng|nh|[cmnpt])?$`, 'i')

/**
 * The spellings a typed word may stand for, the word itself first. A syllable can only have đ as
 * its first letter; anything that is not a syllable is taken for an abbreviation (HĐND, UBND),
 * whose every letter starts a syllable.
 *
 * @param word One word as typed.
 */
export function wordVariants(word: string): string[] {
  const positions: number[] = []
  if (syllable.test(word)) {
    if (/^d/i.test(word)) positions.push(0)
  } else {
    for (let index = 0; index < word.length; index++) if (/d/i.test(word[index] ?? '')) positions.push(index)
  }
  const variants = [word]
  for (const position of positions) {
    for (const variant of [...variants]) {
      const letter = variant[position] === 'D' ? 'Đ' : 'đ'
      variants.push(variant.slice(0, position) + letter + variant.slice(position + 1))
    }
  }
  return variants
}

/**
 * The queries to run for what a reader typed: the query itself first, then each way its plain d's
 * could be đ, at most `limit` in all (the first words vary first: they carry the meaning).
 *
 * @param query The reader's query.
 * @param limit Most queries to run. @default 8
 */
export function queryVariants(query: string, limit = 8): string[] {
  const words = query.normalize('NFC').trim().split(/\s+/).filter(Boolean)
  let queries: string[][] = [[]]
  for (const word of words) {
    const next: string[][] = []
    for (const variant of wordVariants(word)) for (const prefix of queries) next.push([...prefix, variant])
    queries = next
  }
  return queries.slice(0, limit).map((parts) => parts.join(' '))
}

/**
 * Folds Vietnamese for comparison: no tone or vowel marks, đ as d, lower case, words separated by
 * single spaces.
 *
 * @param text Any text.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** A word of a text, as written and folded, and whether punctuation ends a clause after it. */
interface Token {
  word: string
  folded: string
  exact: string
  breakAfter: boolean
}

const clauseEnd = /[.,;:!?…"“”()[\]]$/

function tokenize(text: string): Token[] {
  return text
    .normalize('NFC')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => ({
      word,
      folded: foldVietnamese(word),
      exact: word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''),
      breakAfter: clauseEnd.test(word),
    }))
}

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
 * comma or a full stop): 2 with the reader's exact diacritics, 1 once folded, 0 not as a phrase
 * (also for one-word queries, where Pagefind's score decides).
 *
 * @param text The page's text.
 * @param query The reader's query.
 */
export function phraseMatch(text: string, query: string): 0 | 1 | 2 {
  const words = tokenize(query)
  if (words.length < 2) return 0
  const tokens = tokenize(text)
  if (findPhrase(tokens, words, 'exact') >= 0) return 2
  return findPhrase(tokens, words, 'folded') >= 0 ? 1 : 0
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
  const text = (from: number, to: number): string => tokens.slice(Math.max(0, from), to).map((token) => token.word).join(' ')
  const before = text(start - radius, start)
  const after = text(end, end + radius)
  return [
    { text: `${start > radius ? '… ' : ''}${before}${before ? ' ' : ''}`, mark: false },
    { text: text(start, end), mark: true },
    { text: `${after ? ' ' : ''}${after}${end + radius < tokens.length ? ' …' : ''}`, mark: false },
  ]
}
