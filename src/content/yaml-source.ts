import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'
import { Composer, isMap, isScalar, isSeq, LineCounter, parseDocument, Parser, type Document, type Node } from 'yaml'
import { findControlEscape } from './control-escape.ts'
import { report } from '../problems/report.ts'

/** A parsed YAML document that still knows where each key and value was written. */
export interface YamlSource {
  /** The parsed document (positions are offsets into `text`). */
  document: Document
  /** Turns offsets into lines and columns. */
  lineCounter: LineCounter
}

/** One step of a path into YAML data: a key of a mapping or an index of a sequence. */
export type YamlPathSegment = string | number

const locationSuffix = / at line \d+, column \d+:?\s*$/
const unclosedFlowMark = /end with a [\]}]/

/**
 * Parses YAML, reporting every syntax error at its line and column.
 *
 * Line numbers are those of `text`, so callers give text that starts on the same line as the
 * original file (gray-matter's `matter` does: it begins with the rest of the `---` line).
 *
 * @param text The YAML text.
 * @param file The file problems are reported on.
 * @returns The data and its source, or `undefined` when the YAML does not parse.
 */
export function parseYamlSource(text: string, file: VFile): { data: unknown; source: YamlSource } | undefined {
  const lineCounter = new LineCounter()
  const pointAt = (offset: number): Point => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  // Composing nests the parser's stack once per level: a deep document is refused before it
  // could overflow, at the same depth in every thread.
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)]
  const shape = yamlShape(tokens, yamlLimits.nesting)
  if (shape.tooDeep !== undefined) {
    report(file, 'yaml-too-deep', { limit: yamlLimits.nesting }, pointAt(shape.tooDeep))
    return undefined
  }
  // The syntax tree parsed once serves both the shape and the document (parsing again cost half
  // the time of reading front matter). A document with errors, or more than one, is parsed again
  // the usual way, whose errors are reported.
  const composed = [...new Composer(yamlOptions).compose(tokens, true, text.length)]
  const document = composed.length === 1 && composed[0] && composed[0].errors.length === 0 ? composed[0] : parseDocument(text, yamlOptions)
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      // yaml notices a missing `]` or `}` where the next key starts; the writer's mistake is on
      // the line that opens the list, so that is where it is reported.
      const opening = unclosedFlowMark.test(error.message) ? shape.unclosed.filter((offset) => offset < error.pos[0]).at(-1) : undefined
      if (opening !== undefined) {
        const bracket = text[opening] === '{' ? '{' : '['
        report(file, 'yaml-syntax', { reason: `this ${bracket} is never closed with ${bracket === '{' ? '}' : ']'}` }, pointAt(opening))
        continue
      }
      const [start] = error.linePos ?? []
      const reason = (error.message.split('\n')[0] ?? error.message).replace(locationSuffix, '')
      report(file, 'yaml-syntax', { reason }, start ? { line: start.line, column: start.col } : undefined)
    }
    return undefined
  }
  // Escapes ("\0", "\x01") write what decodeSource refuses as bytes.
  const escaped = findControlEscape(document, text)
  if (escaped) {
    report(file, 'control-character', { code: `U+${escaped.code.toString(16).toUpperCase().padStart(4, '0')}` }, pointAt(escaped.offset))
    return undefined
  }
  try {
    return { data: document.toJS({ maxAliasCount: yamlLimits.aliasCount }) as unknown, source: { document, lineCounter } }
  } catch (error) {
    // yaml throws a ReferenceError when aliases expand past maxAliasCount (the "billion laughs").
    if (!(error instanceof ReferenceError)) throw error
    report(file, 'yaml-aliases', { limit: yamlLimits.aliasCount }, pointAt(shape.firstAlias ?? 0))
    return undefined
  }
}

/** The core schema keeps `2019-10-24 09:15` a string: dates are parsed by us, in the site's zone. */
const yamlOptions = { prettyErrors: true, uniqueKeys: true, schema: 'core', logLevel: 'error' } as const

/**
 * How much structure YAML sources may hold: deeper or more aliased documents are an error, not
 * a stack overflow or an exponential expansion.
 */
export const yamlLimits = {
  /** Mappings and lists inside each other. @default 32 */
  nesting: 32,
  /** Copies aliases may make of their anchors, as the `yaml` package counts them. @default 100 */
  aliasCount: 100,
} satisfies Record<string, number>

/**
 * Walks the parser's concrete syntax tree (without recursion: it is what may be too deep) for the
 * first collection nested deeper than the limit, the first alias and the flow collections never closed.
 *
 * @param tokens The parser's tokens.
 * @param limit The deepest nesting allowed.
 */
function yamlShape(tokens: readonly unknown[], limit: number): YamlShape {
  const shape: YamlShape = { unclosed: [] }
  const stack: Array<{ token: unknown; depth: number }> = tokens.map((token) => ({ token, depth: 0 }))
  while (stack.length > 0) {
    const { token, depth } = stack.pop() as { token: unknown; depth: number }
    if (typeof token !== 'object' || token === null || !('type' in token)) continue
    const offset = 'offset' in token && typeof token.offset === 'number' ? token.offset : 0
    if (token.type === 'alias' && (shape.firstAlias === undefined || offset < shape.firstAlias)) shape.firstAlias = offset
    if (token.type === 'flow-collection' && isUnclosed(token)) shape.unclosed.push(offset)
    if ('value' in token) stack.push({ token: token.value, depth })
    if (!('items' in token) || !Array.isArray(token.items)) continue
    if (depth + 1 > limit) {
      if (shape.tooDeep === undefined || offset < shape.tooDeep) shape.tooDeep = offset
      continue
    }
    for (const item of token.items as unknown[]) {
      if (typeof item !== 'object' || item === null) continue
      if ('key' in item) stack.push({ token: item.key, depth: depth + 1 })
      if ('value' in item) stack.push({ token: item.value, depth: depth + 1 })
    }
  }
  shape.unclosed.sort((a, b) => a - b)
  return shape
}

/** What {@link yamlShape} finds: offsets of the first too-deep collection, the first alias, and every `[` or `{` never closed. */
interface YamlShape {
  tooDeep?: number
  firstAlias?: number
  unclosed: number[]
}

function isUnclosed(token: object): boolean {
  const end = 'end' in token && Array.isArray(token.end) ? (token.end as unknown[]) : []
  return !end.some((part) => typeof part === 'object' && part !== null && 'source' in part && (part.source === ']' || part.source === '}'))
}

function toPosition(source: YamlSource, node: Node): Position | undefined {
  if (!node.range) return undefined
  const start = source.lineCounter.linePos(node.range[0])
  const end = source.lineCounter.linePos(node.range[1])
  return { start: { line: start.line, column: start.col }, end: { line: end.line, column: end.col } }
}

/**
 * Finds where a key or value was written. A path that goes further than the document (a missing
 * key) gives the position of the deepest node that exists.
 *
 * @param source The parsed YAML.
 * @param path Keys and indexes from the root, e.g. `['images', 0, 'src']`.
 * @param part Whether to point at the key or at the value.
 * @default part 'value'
 */
export function yamlPosition(source: YamlSource, path: readonly YamlPathSegment[], part: 'key' | 'value' = 'value'): Position | undefined {
  let node: unknown = source.document.contents
  let found: Node | undefined = isNode(node) ? node : undefined
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment)
      if (!pair) break
      if (last && part === 'key' && isNode(pair.key)) return toPosition(source, pair.key)
      node = pair.value
      if (isNode(node)) found = node
      else if (isNode(pair.key)) found = pair.key
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment]
      if (!isNode(node)) break
      found = node
    } else break
  }
  return found ? toPosition(source, found) : undefined
}

/**
 * Lists the top-level keys of a mapping with the position of each key.
 *
 * @param source The parsed YAML.
 */
export function yamlTopLevelKeys(source: YamlSource): Array<{ key: string; position: Position | undefined }> {
  const root = source.document.contents
  if (!isMap(root)) return []
  return root.items.flatMap((pair) =>
    isScalar(pair.key) && typeof pair.key.value === 'string' ? [{ key: pair.key.value, position: toPosition(source, pair.key) }] : []
  )
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value
}
