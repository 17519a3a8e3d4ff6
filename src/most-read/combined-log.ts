import { type LineResult, parseClfTime } from './hit.ts'

// The combined log format (`%h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-agent}i"`, nginx's and
// Apache's default) is read with one regular expression rather than a package: the npm parsers for
// it (clf-parser, apache-log-parser, …) are unmaintained for years and split on spaces, which breaks
// on the escaped quotes (`\"`, nginx's `\x22`) that a user agent or a request line may carry.
// Fields after the user agent (`$request_time`, an upstream…) are allowed and ignored. Quoted fields
// are matched as an unrolled loop (`[^"\\]*(?:\\.[^"\\]*)*`): several times faster in V8 than an
// alternation tried at every character.
const quoted = String.raw`"([^"\\]*(?:\\.[^"\\]*)*)"`
const combined = new RegExp(String.raw`^(\S+) \S+ (?:\S+|"[^"]*") \[([^\]]+)\] ${quoted} (\d{3}) (?:\d+|-)(?: ${quoted} ${quoted})?`)

/**
 * Reads one line of a combined (or common) log: client address, time, request, status, user agent.
 *
 * @param line One line of the log.
 */
export function parseCombinedLine(line: string): LineResult {
  if (line === '') return undefined
  const match = combined.exec(line)
  if (!match) return { problem: 'not a line of the combined log format' }
  const time = parseClfTime(match[2] as string)
  if (time === undefined) return { problem: `"${match[2]}" is not a log time (dd/Mon/yyyy:hh:mm:ss +zzzz)`, column: line.indexOf('[') + 2 }
  // "GET /path HTTP/1.1"; a scanner's garbage ("\x16\x03…") or "-" has no path and is no page view.
  const request = /^([A-Z]+) (\S+)/.exec(match[3] as string)
  const userAgent = match[6] === undefined ? undefined : unescapeLogString(match[6])
  const client = match[1] as string
  return {
    path: request ? (request[2] as string) : '',
    status: Number(match[4]),
    time,
    method: request ? (request[1] as string) : '',
    ...(userAgent === undefined ? {} : { userAgent: userAgent === '-' ? '' : userAgent }),
    client: `${client}\n${userAgent ?? ''}`,
    views: 1,
  }
}

/** Undoes the escapes nginx (`\x22`) and Apache (`\"`, `\\`) write inside quoted log fields. */
export function unescapeLogString(text: string): string {
  if (!text.includes('\\')) return text
  return text.replace(/\\x([0-9a-fA-F]{2})|\\(.)/g, (_, hex: string | undefined, char: string | undefined) =>
    hex === undefined ? (char ?? '') : String.fromCharCode(Number.parseInt(hex, 16))
  )
}
