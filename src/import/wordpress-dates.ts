import { DateTime } from 'luxon'

const formats = new Map<string, Intl.DateTimeFormat>()

/** One formatter per zone: luxon's per-call zone checks were a third of a re-import's time. */
function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
    formats.set(timeZone, format)
  }
  return format
}

/**
 * A WordPress date as the articles write dates: `YYYY-MM-DD HH:mm` in the site's zone. The GMT
 * date is used when there is one; drafts have `0000-00-00 00:00:00` there, so their wall-clock
 * date is read as the site's.
 *
 * @param gmt `post_date_gmt` or `comment_date_gmt`.
 * @param local `post_date` or `comment_date`.
 * @param timeZone The site's zone.
 * @returns The date, or undefined when neither can be read.
 */
export function wordpressDate(gmt: string, local: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(gmt)
  if (match && match[1] !== '0000') {
    const epoch = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6] ?? 0))
    if (Number.isFinite(epoch) && new Date(epoch).getUTCDate() === Number(match[3])) {
      const parts = Object.fromEntries(
        formatter(timeZone)
          .formatToParts(epoch)
          .map((part) => [part.type, part.value])
      )
      return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`
    }
  }
  const date = DateTime.fromSQL(local, { zone: timeZone })
  return date.isValid ? date.toFormat('yyyy-MM-dd HH:mm') : undefined
}
