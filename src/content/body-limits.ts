import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { report } from '../problems/report.ts'

/** How much Markdown one article body may hold: above these, parsing is slow or overflows the stack. */
export interface BodyLimits {
  /** Characters in the body. @default 200_000 */
  characters: number
  /** Lines in the body (each block takes at least one). @default 5_000 */
  lines: number
  /** List items in the body (micromark's list handling grows faster than linearly). @default 1_000 */
  listItems: number
  /** Quotes and lists inside each other, HTML elements inside each other, `[` inside `[`. @default 32 */
  nesting: number
  /** Emphasis markers (`*`, `_`, `~`) in a row, each of which may open a nested element. @default 100 */
  emphasisRun: number
}

/**
 * The documented limits (docs/command-line.md, "Limits"). Measured on one core: a body at every limit at
 * once renders in about 3 s; past them, 10,000 list items took 8 s, 200,000 did not finish,
 * and 1,500 nested `<div>`s or 3,000 nested `*` overflowed the stack.
 */
export const bodyLimits = {
  characters: 200_000,
  lines: 5_000,
  listItems: 1_000,
  nesting: 32,
  emphasisRun: 100,
} satisfies BodyLimits

// Elements HTML closes by itself or that never hold others: they do not nest when left open.
const flatElements = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'rp',
  'rt',
  'colgroup',
])
const htmlTag = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*?(\/?)>/g
const thematicBreak = /^[ \t>]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/
const orderedMarker = /^\d{1,9}[.)](?=[ \t]|$)/

/**
 * Checks a body against the limits before it is parsed, in one linear pass, and reports the first
 * limit passed where it is passed. The checks are upper bounds of what the parser will build
 * (indentation counts as one level per two columns), so a body that passes never overflows.
 *
 * @param body The Markdown body.
 * @param bodyLine The line of the file the body starts on.
 * @param file The file problems are reported on.
 * @param limits The limits. @default bodyLimits
 * @returns Whether the body is within the limits.
 */
export function checkBodyLimits(body: string, bodyLine: number, file: VFile, limits: BodyLimits = bodyLimits): boolean {
  const place = (index: number): Point => {
    const before = body.slice(0, index).split('\n')
    return { line: bodyLine + before.length - 1, column: (before[before.length - 1] ?? '').length + 1 }
  }
  if (body.length > limits.characters) {
    report(
      file,
      'body-too-large',
      { what: `${body.length.toLocaleString('en')} characters`, limit: `${limits.characters.toLocaleString('en')} characters` },
      place(limits.characters)
    )
    return false
  }
  const lines = body.split('\n')
  if (lines.length > limits.lines) {
    report(
      file,
      'body-too-large',
      { what: `${lines.length.toLocaleString('en')} lines`, limit: `${limits.lines.toLocaleString('en')} lines` },
      { line: bodyLine + limits.lines, column: 1 }
    )
    return false
  }
  let listItems = 0
  const emphasisRun = new RegExp(`[*_~]{${limits.emphasisRun + 1}}`)
  for (const [index, line] of lines.entries()) {
    const { depth, markers } = containerPrefix(line)
    listItems += markers
    const at = { line: bodyLine + index, column: 1 }
    if (depth > limits.nesting) {
      report(file, 'body-too-deep', { what: 'quotes and lists', limit: limits.nesting }, at)
      return false
    }
    if (listItems > limits.listItems) {
      report(
        file,
        'body-too-large',
        { what: `more than ${limits.listItems.toLocaleString('en')} list items`, limit: `${limits.listItems.toLocaleString('en')} list items` },
        at
      )
      return false
    }
    const run = thematicBreak.test(line) ? undefined : emphasisRun.exec(line)
    if (run) {
      report(file, 'body-too-deep', { what: 'emphasis (*, _ or ~ in a row)', limit: limits.emphasisRun }, { line: at.line, column: run.index + 1 })
      return false
    }
  }
  const html = deepestHtml(body, limits.nesting)
  if (html !== undefined) {
    report(file, 'body-too-deep', { what: 'HTML elements', limit: limits.nesting }, place(html))
    return false
  }
  const bracket = deepestBracket(body, limits.nesting)
  if (bracket !== undefined) {
    report(file, 'body-too-deep', { what: 'brackets [ ]', limit: limits.nesting }, place(bracket))
    return false
  }
  return true
}

/** Block quotes and list markers opening a line, plus one level per two columns of indentation. */
function containerPrefix(line: string): { depth: number; markers: number } {
  if (thematicBreak.test(line)) return { depth: 0, markers: 0 }
  let depth = 0
  let markers = 0
  let columns = 0
  let index = 0
  while (index < line.length) {
    const char = line[index]
    const next = line[index + 1]
    if (char === ' ') columns++
    else if (char === '\t') columns += 4
    else if (char === '>') depth++
    else if ((char === '-' || char === '*' || char === '+') && (next === undefined || next === ' ' || next === '\t')) markers++
    else {
      const ordered = orderedMarker.exec(line.slice(index, index + 11))
      if (!ordered) break
      markers++
      index += ordered[0].length
      continue
    }
    index++
  }
  return { depth: depth + markers + Math.floor(columns / 2), markers }
}

/** The offset of the first HTML tag nested deeper than the limit, if any. */
function deepestHtml(body: string, limit: number): number | undefined {
  let depth = 0
  for (const match of body.matchAll(htmlTag)) {
    const [, closing, name = '', selfClosing] = match
    if (closing) depth = Math.max(0, depth - 1)
    else if (!selfClosing && !flatElements.has(name.toLowerCase()) && ++depth > limit) return match.index
  }
  return undefined
}

/** The offset of the first `[` nested deeper than the limit, if any (escaped ones do not count). */
function deepestBracket(body: string, limit: number): number | undefined {
  let depth = 0
  for (let index = 0; index < body.length; index++) {
    const char = body[index]
    if (char === '\\') index++
    else if (char === '[' && ++depth > limit) return index
    else if (char === ']') depth = Math.max(0, depth - 1)
    // A blank line ends a paragraph, and every bracket left open in it.
    else if (char === '\n' && body[index + 1] === '\n') depth = 0
  }
  return undefined
}
