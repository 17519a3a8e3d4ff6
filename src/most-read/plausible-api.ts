import type { Hit } from './hit.ts'

/** A problem in a Plausible response, at its place in the file. */
export interface PlausibleProblem {
  problem: string
  line: number
  column: number
}

/** What a Plausible Stats API response comes to: one hit per page, and the rows that could not be read. */
export interface PlausibleRows {
  hits: Hit[]
  /** Rows that could not be read (skipped). */
  problems: PlausibleProblem[]
  /** Why the whole answer cannot be read (cut short, not an answer, another breakdown): no hits then. */
  invalid?: PlausibleProblem
}

/** A response larger than this is not an API answer (a breakdown is paged at 10,000 rows). */
export const plausibleMaxBytes = 64 * 1024 ** 2

/**
 * Whether the first line of a source opens a Plausible Stats API response: `{` alone (the JSON
 * pretty-printed, as `jq .` writes it) or an object whose first key is one of the response's
 * (`results`, `meta`, `query`). A Logpush or Netlify line opens with a field of its own.
 *
 * @param line The first non-blank line.
 */
export function isPlausibleStart(line: string): boolean {
  return /^\{\s*$/.test(line) || /^\{\s*"(?:results|meta|query)"\s*:/.test(line)
}

/**
 * Reads a saved answer of Plausible's Stats API broken down by page: API v2's `POST /api/v2/query`
 * with `"dimensions": ["event:page"]` (`results: [{ dimensions: ["/path/"], metrics: [visitors,
 * pageviews] }]`, each metric's place given by the `query` echoed back) or API v1's `GET
 * /api/v1/stats/breakdown?property=event:page` (`results: [{ page, visitors, pageviews }]`). Each
 * page's `visitors`, already distinct, stands for its readers in every window (the response sums
 * the period it was asked for); without `visitors`, its `pageviews`.
 *
 * @param text The whole response.
 */
export function parsePlausibleResponse(text: string): PlausibleRows {
  const result: PlausibleRows = { hits: [], problems: [] }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const at = /position (\d+)/.exec(message)
    return { ...result, invalid: { problem: 'not a whole JSON document (cut short?)', ...placeOf(text, at ? Number(at[1]) : text.length) } }
  }
  const results = isObject(body) ? body['results'] : undefined
  if (!Array.isArray(results)) {
    return { ...result, invalid: { problem: 'no "results" array: not an answer of Plausible\'s Stats API', line: 1, column: 1 } }
  }
  const columns = v2Columns(isObject(body) ? body['query'] : undefined)
  if ('problem' in columns) {
    return { ...result, invalid: { ...columns, ...placeOf(text, text.indexOf('"query"')) } }
  }
  const starts = rowOffsets(text)
  results.forEach((row, index) => {
    const read = readRow(row, columns)
    if ('problem' in read) result.problems.push({ problem: `result ${index + 1}: ${read.problem}`, ...placeOf(text, starts[index] ?? 0) })
    else result.hits.push(read)
  })
  return result
}

/** Where a v2 row keeps its page and its count. */
interface Columns {
  page: number
  count: number
  /** The count is of visitors (distinct), not of page views. */
  visitors: boolean
}

/** The places of `event:page` and `visitors` (or `pageviews`) in API v2's rows, from the query echoed back. */
function v2Columns(query: unknown): Columns | { problem: string } {
  if (!isObject(query)) return { page: 0, count: 0, visitors: true }
  const dimensions = Array.isArray(query['dimensions']) ? query['dimensions'] : []
  const metrics = Array.isArray(query['metrics']) ? query['metrics'] : []
  const page = dimensions.indexOf('event:page')
  if (page === -1) return { problem: `the query is broken down by ${JSON.stringify(dimensions)}, not by "event:page"` }
  const visitors = metrics.indexOf('visitors')
  const count = visitors === -1 ? metrics.indexOf('pageviews') : visitors
  if (count === -1) return { problem: `the query asks for ${JSON.stringify(metrics)}: ask for "visitors" (or "pageviews")` }
  return { page, count, visitors: visitors !== -1 }
}

function readRow(row: unknown, columns: Columns): Hit | { problem: string } {
  if (!isObject(row)) return { problem: 'not an object' }
  // API v1: { page, visitors, pageviews }.
  if (typeof row['page'] === 'string') {
    const visitors = row['visitors']
    const views = typeof visitors === 'number' ? visitors : row['pageviews']
    if (typeof views !== 'number' || !Number.isInteger(views) || views < 0) return { problem: 'no whole "visitors" or "pageviews"' }
    return hitOf(row['page'], views, typeof visitors === 'number')
  }
  // API v2: { dimensions: [...], metrics: [...] }.
  const dimensions = row['dimensions']
  const metrics = row['metrics']
  if (!Array.isArray(dimensions) || !Array.isArray(metrics)) return { problem: 'neither "page" (API v1) nor "dimensions" and "metrics" (API v2)' }
  const path = dimensions[columns.page]
  const views = metrics[columns.count]
  if (typeof path !== 'string') return { problem: 'no page in "dimensions"' }
  if (typeof views !== 'number' || !Number.isInteger(views) || views < 0) return { problem: `"${String(views)}" is not a count` }
  return hitOf(path, views, columns.visitors)
}

function hitOf(path: string, views: number, visitors: boolean): Hit {
  return { path, status: 200, time: undefined, views, ...(visitors ? { distinct: true } : {}) }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** 1-based line and column of a character offset. */
function placeOf(text: string, offset: number): { line: number; column: number } {
  const at = Math.max(0, Math.min(offset, text.length))
  const before = text.slice(0, at)
  const line = before.split('\n').length
  return { line, column: at - before.lastIndexOf('\n') }
}

/**
 * The offset of each element of the top-level `"results"` array, found by a scan that skips strings,
 * so a row's problem is reported at its line.
 */
function rowOffsets(text: string): number[] {
  const offsets: number[] = []
  const key = /"results"\s*:\s*\[/g
  let depth = 0
  let inString = false
  let arrayDepth = -1
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (inString) {
      if (char === '\\') index++
      else if (char === '"') inString = false
      continue
    }
    if (char === '"') {
      if (depth === 1 && arrayDepth === -1) {
        key.lastIndex = index
        const match = key.exec(text)
        if (match?.index === index) {
          arrayDepth = 2
          depth = 2
          index = key.lastIndex - 1
          continue
        }
      }
      inString = true
      continue
    }
    if (char === '{' || char === '[') {
      if (depth === arrayDepth) offsets.push(index)
      depth++
    } else if (char === '}' || char === ']') {
      depth--
      if (arrayDepth !== -1 && depth < arrayDepth) break
    }
  }
  return offsets
}
