import { DateTime } from 'luxon'

const day = 86_400_000
/** By zone, then by UTC day: the zone's offset all that day, or `undefined` for a day with a transition. */
const offsets = new Map<string, Map<number, number | undefined>>()

function exactOffsetMs(epoch: number, timeZone: string): number {
  return DateTime.fromMillis(epoch, { zone: timeZone }).offset * 60_000
}

/**
 * A zone's offset at an instant, looked up once per UTC day and reused when it is the same at the
 * day's start and end (a day with a transition is computed exactly). Luxon's per-call lookup was
 * the largest cost of planning a big archive.
 */
function offsetMs(epoch: number, timeZone: string): number {
  let days = offsets.get(timeZone)
  if (days === undefined) {
    days = new Map()
    offsets.set(timeZone, days)
  }
  const start = Math.floor(epoch / day) * day
  let offset = days.get(start)
  if (offset === undefined && !days.has(start)) {
    const atStart = exactOffsetMs(start, timeZone)
    offset = atStart === exactOffsetMs(start + day - 1, timeZone) ? atStart : undefined
    days.set(start, offset)
  }
  return offset ?? exactOffsetMs(epoch, timeZone)
}

/**
 * The wall-clock parts of an instant in a zone, like `partsInZone` in the content stage but fast
 * when called for 100,000s of dates (see {@link offsetMs}).
 *
 * @param epoch Milliseconds since the epoch.
 * @param timeZone IANA zone.
 */
export function wallClock(epoch: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; weekday: number } {
  const local = new Date(epoch + offsetMs(epoch, timeZone))
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    // Monday 1 … Sunday 7, as ISO 8601 and Luxon count.
    weekday: ((local.getUTCDay() + 6) % 7) + 1,
  }
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (value: number): string => String(value).padStart(2, '0')

/**
 * Formats an instant for RSS (RFC 822) in a zone: `Thu, 24 Oct 2019 09:15:00 +0700`, with English
 * day and month names whatever the machine's locale, as the format requires. Luxon's `toRFC2822`
 * gives the same text at a hundred times the cost, which counted in the feeds of a big archive.
 *
 * @param epoch Milliseconds since the epoch.
 * @param timeZone IANA zone.
 */
export function rfc822InZone(epoch: number, timeZone: string): string {
  const offset = offsetMs(epoch, timeZone)
  const local = new Date(epoch + offset)
  const minutes = Math.trunc(Math.abs(offset) / 60_000)
  const zone = `${offset < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}${pad(minutes % 60)}`
  return `${weekdays[local.getUTCDay()]}, ${pad(local.getUTCDate())} ${months[local.getUTCMonth()]} ${local.getUTCFullYear()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ${zone}`
}
