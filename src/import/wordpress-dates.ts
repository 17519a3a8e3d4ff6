import { DateTime } from 'luxon'

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
  const fromGmt = gmt && !gmt.startsWith('0000') ? DateTime.fromSQL(gmt, { zone: 'utc' }) : undefined
  const date = fromGmt?.isValid ? fromGmt.setZone(timeZone) : DateTime.fromSQL(local, { zone: timeZone })
  return date.isValid ? date.toFormat('yyyy-MM-dd HH:mm') : undefined
}
