/**
 * Vietnamese typed without diacritics, paid for once at build time. Pagefind folds tone marks
 * ("cong an" finds "Công an") but keeps đ a letter of its own, so "duong" never meets "đường". The
 * search record carries, after the article, a copy of only its words with đ, spelled with d: the
 * index learns "duong", "hdnd", "dac" once, and the browser runs one query per search.
 */

/** Starts the folded copy in a page's indexed text; the search page cuts the text there. */
export const foldedMarker = '⁂'

/**
 * The words of a text that hold đ or Đ, with every đ written d (tone marks kept: Pagefind folds
 * those itself), in text order, repeats kept so term frequencies match the original words.
 *
 * @param text Plain text or HTML (tags and entities are skipped, they hold no đ).
 */
export function dSpellings(text: string): string[] {
  const words =
    text
      .replace(/<[^>]*>/g, ' ')
      .normalize('NFC')
      .match(/[\p{L}\p{N}]*[đĐ][\p{L}\p{N}]*/gu) ?? []
  return words.map((word) => word.replace(/đ/g, 'd').replace(/Đ/g, 'D'))
}
