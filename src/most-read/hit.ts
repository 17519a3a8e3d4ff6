/**
 * One request as a log source tells it, or one row of an analytics export. Parsers only read; what
 * counts as a reader (a 200, a browser, an article page) is decided by the counter.
 */
export interface Hit {
  /** The request path as logged, query string and all (`/2019/10/slug/?utm=x`). */
  path: string
  /** The HTTP status sent (exports of page views say 200). */
  status: number
  /** When, in epoch milliseconds; `undefined` for an export that sums a period (counted in every window). */
  time: number | undefined
  /** `GET`, `HEAD`…, when the source says. */
  method?: string
  /** The User-Agent header, when the source has one (`''` when it was empty). */
  userAgent?: string
  /** What tells one client from another (IP address, a session id): hashed by the counter, never kept. */
  client?: string
  /** Views this line stands for: 1 for a log line, the count of an export's row. */
  views: number
  /** The source already counted distinct visitors (an export's `visitors`): never de-duplicated again. */
  distinct?: boolean
}

/** What a parser makes of one line: a hit, nothing (a header, a comment, a blank line), or a problem. */
export type LineResult = Hit | undefined | LineProblem

/** A line that could not be read: what is wrong and at which column. */
export interface LineProblem {
  problem: string
  /** 1-based column of the part that failed. @default 1 */
  column?: number
}

/** Whether a parser's result is a problem. */
export function isLineProblem(result: LineResult): result is LineProblem {
  return result !== undefined && 'problem' in result
}

/** Reads one line of a source; a parser may keep state across lines (a `#Fields:` header, a CSV header). */
export type LineParser = (line: string) => LineResult

const months: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 }

/**
 * Epoch milliseconds of a Common Log Format time, `10/Oct/2000:13:55:36 -0700` (nginx, Apache, S3),
 * or `undefined` when it is not one. Parsed by hand: `Date.parse` does not read this form, and it
 * runs once per line of logs of millions.
 *
 * @param text The text between the brackets.
 */
export function parseClfTime(text: string): number | undefined {
  // A busy log has many lines a second: the last time read is kept.
  if (text === lastClf.text) return lastClf.epoch
  const epoch = readClfTime(text)
  lastClf.text = text
  lastClf.epoch = epoch
  return epoch
}

const lastClf: { text: string; epoch: number | undefined } = { text: '', epoch: undefined }

// Lines out of time order (logs of several servers joined) miss the cache above: the day's part
// (`10/Oct/2000`, and the zone) is kept apart, and the clock read digit by digit.
const lastDay: { day: string; zone: string; epoch: number | undefined } = { day: '', zone: '', epoch: undefined }
const clfShape = /^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}$/

function readClfTime(text: string): number | undefined {
  if (text.length !== 26 || !clfShape.test(text)) return undefined
  const day = text.slice(0, 11)
  const zone = text.slice(21)
  if (day !== lastDay.day || zone !== lastDay.zone) {
    const month = months[text.slice(3, 6)]
    const offset = (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) * 60_000
    lastDay.day = day
    lastDay.zone = zone
    lastDay.epoch =
      month === undefined ? undefined : Date.UTC(Number(text.slice(7, 11)), month, Number(text.slice(0, 2))) + (zone[0] === '+' ? -offset : offset)
  }
  if (lastDay.epoch === undefined) return undefined
  const digit = (at: number): number => text.charCodeAt(at) - 48
  const hours = digit(12) * 10 + digit(13)
  const minutes = digit(15) * 10 + digit(16)
  const seconds = digit(18) * 10 + digit(19)
  return lastDay.epoch + ((hours * 60 + minutes) * 60 + seconds) * 1000
}
