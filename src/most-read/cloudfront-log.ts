import type { LineParser } from './hit.ts'

/**
 * The fields of a CloudFront standard log in their documented order, used when a file has no
 * `#Fields:` line (a log cut out of a bigger one). A `#Fields:` line, when there is one, wins.
 */
export const cloudFrontFields = [
  'date',
  'time',
  'x-edge-location',
  'sc-bytes',
  'c-ip',
  'cs-method',
  'cs(Host)',
  'cs-uri-stem',
  'sc-status',
  'cs(Referer)',
  'cs(User-Agent)',
  'cs-uri-query',
  'cs(Cookie)',
  'x-edge-result-type',
  'x-edge-request-id',
  'x-host-header',
  'cs-protocol',
  'cs-bytes',
  'time-taken',
  'x-forwarded-for',
  'ssl-protocol',
  'ssl-cipher',
  'x-edge-response-result-type',
  'cs-protocol-version',
  'fle-status',
  'fle-encrypted-fields',
  'c-port',
  'time-to-first-byte',
  'x-edge-detailed-result-type',
  'sc-content-type',
  'sc-content-len',
  'sc-range-start',
  'sc-range-end',
] as const

/**
 * A parser for a CloudFront standard (access) log: W3C extended format, tab-separated, in UTC, the
 * user agent percent-encoded. It follows the file's `#Fields:` line.
 */
export function createCloudFrontParser(): LineParser {
  let index = columnsOf(cloudFrontFields)
  return (line) => {
    if (line === '') return undefined
    if (line.startsWith('#')) {
      if (line.startsWith('#Fields:')) index = columnsOf(line.slice(8).trim().split(/\s+/))
      return undefined
    }
    const cells = line.split('\t')
    const cell = (name: string): string | undefined => {
      const at = index.get(name)
      return at === undefined ? undefined : cells[at]
    }
    const date = cell('date')
    const clock = cell('time')
    const status = Number(cell('sc-status'))
    const path = cell('cs-uri-stem')
    if (date === undefined || clock === undefined || path === undefined || !Number.isInteger(status))
      return { problem: `a CloudFront log line has ${index.size} tab-separated fields; this one has ${cells.length}` }
    const time = Date.parse(`${date}T${clock}Z`)
    if (Number.isNaN(time)) return { problem: `"${date} ${clock}" is not a date and time` }
    const userAgent = decodeLogged(cell('cs(User-Agent)') ?? '-')
    return {
      path,
      status,
      time,
      method: cell('cs-method') ?? 'GET',
      userAgent,
      client: `${cell('c-ip') ?? ''}\n${userAgent}`,
      views: 1,
    }
  }
}

function columnsOf(names: readonly string[]): Map<string, number> {
  return new Map(names.map((name, at) => [name, at]))
}

/** CloudFront percent-encodes the user agent (and encodes it twice when it already held a `%`). */
function decodeLogged(text: string): string {
  if (text === '-') return ''
  try {
    return decodeURIComponent(decodeURIComponent(text))
  } catch {
    try {
      return decodeURIComponent(text)
    } catch {
      return text
    }
  }
}
