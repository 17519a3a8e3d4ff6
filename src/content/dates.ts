import { DateTime, IANAZone } from 'luxon'

/** A moment as written by a writer, resolved to an instant. */
export interface ArticleDate {
  /** ISO 8601 with the offset that applies: the writer's explicit one, else the site zone's. */
  iso: string
  /** Milliseconds since the epoch, for sorting. */
  epoch: number
}

const pattern = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/

/**
 * Reads a front-matter date. Without an offset the time is local to the site's zone (so the
 * result never depends on the machine's `TZ`); an explicit offset is kept as written.
 *
 * @param value `2019-10-24`, `2019-10-24 09:15`, `2019-10-24T09:15:00+07:00`…
 * @param timeZone The site's IANA zone, e.g. `Asia/Ho_Chi_Minh`.
 * @returns The date, or the reason it is not one.
 */
export function parseArticleDate(value: string, timeZone: string): ArticleDate | { error: string } {
  const match = pattern.exec(value.trim())
  if (!match) return { error: 'expected YYYY-MM-DD HH:mm' }
  const [, year, month, day, hour = '00', minute = '00', second = '00', offset] = match
  const local = { year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second) }
  const zone = offset === undefined ? timeZone : offset === 'Z' ? 'UTC' : `UTC${normaliseOffset(offset)}`
  const date = DateTime.fromObject(local, { zone })
  if (!date.isValid) return { error: describeInvalid(date.invalidExplanation ?? date.invalidReason ?? 'not a date') }
  // Luxon silently moves a time that does not exist (a DST gap); refuse instead of guessing.
  if (date.hour !== local.hour || date.minute !== local.minute) return { error: 'this local time does not exist' }
  return { iso: formatIso(date), epoch: date.toMillis() }
}

/**
 * The years an archive's dates may fall in: wide enough for a paper digitising its 19th-century
 * issues and for articles scheduled far ahead, narrow enough to catch 0219 for 2019 or a Unix time
 * in the wrong unit. Years in UTC, first and last included.
 */
export const archiveYears = { first: 1800, last: 2199 } as const

/**
 * Whether an instant falls in {@link archiveYears}.
 *
 * @param epoch Milliseconds since the epoch (any number, NaN included).
 */
export function inArchiveYears(epoch: number): boolean {
  return Number.isFinite(epoch) && epoch >= Date.UTC(archiveYears.first, 0, 1) && epoch < Date.UTC(archiveYears.last + 1, 0, 1)
}

/** {@link archiveYears} as a writer reads it. */
export const archiveYearsText = `the years ${archiveYears.first}–${archiveYears.last}`

/** Whether a name is an IANA time zone this runtime knows. */
export function isTimeZone(name: string): boolean {
  return IANAZone.isValidZone(name)
}

/**
 * Formats an instant as ISO 8601 in a zone, to the second: `2019-10-24T09:15:00+07:00`.
 *
 * @param epoch Milliseconds since the epoch.
 * @param timeZone IANA zone.
 */
export function isoInZone(epoch: number, timeZone: string): string {
  return formatIso(DateTime.fromMillis(epoch, { zone: timeZone }))
}

/**
 * The wall-clock parts of an instant in a zone, for display and URLs.
 *
 * @param epoch Milliseconds since the epoch.
 * @param timeZone IANA zone.
 */
export function partsInZone(epoch: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; weekday: number } {
  const date = DateTime.fromMillis(epoch, { zone: timeZone })
  return { year: date.year, month: date.month, day: date.day, hour: date.hour, minute: date.minute, weekday: date.weekday }
}

function formatIso(date: DateTime): string {
  return date.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? ''
}

function normaliseOffset(offset: string): string {
  return offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`
}

function describeInvalid(reason: string): string {
  if (/month/.test(reason)) return 'no such month'
  if (/day/.test(reason)) return 'no such day in that month'
  if (/hour|minute|second/.test(reason)) return 'no such time of day'
  return reason
}
