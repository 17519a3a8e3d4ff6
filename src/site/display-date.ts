import type { ArticleDate } from '../content/index.ts'
import type { DisplayDate } from './model.ts'
import type { Strings } from './strings.ts'
import { wallClock } from './zone-parts.ts'

const pad = (value: number): string => String(value).padStart(2, '0')

/**
 * Formats a date the way the paper prints it: `Thứ năm, 24/10/2019 - 09:15`, in the site's zone,
 * whatever the machine's `TZ` or locale (no `Intl` locale data is involved).
 *
 * @param date The article date.
 * @param timeZone The site's IANA zone.
 * @param strings The dictionary (weekday names).
 */
export function displayDate(date: ArticleDate, timeZone: string, strings: Strings): DisplayDate {
  const { year, month, day, hour, minute, weekday } = wallClock(date.epoch, timeZone)
  const weekdayName = strings.weekdays[weekday - 1] ?? ''
  return { iso: date.iso, text: `${weekdayName}, ${pad(day)}/${pad(month)}/${year} - ${pad(hour)}:${pad(minute)}` }
}
