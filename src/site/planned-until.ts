import { DateTime } from 'luxon'
import { newsWindowMs } from './syndication.ts'

/**
 * Until when the same content and options plan this very site, "now" moving on from the instant it
 * was planned at: the first of the instants at which an article joins or leaves the news sitemap
 * (its two days start or end) and the month ends (the web editor opens on the current month).
 * Scheduled articles coming due are the caller's to add (they are not in the model).
 *
 * @param articles The articles of the site planned at `now` (the model's).
 * @param timeZone The site's zone.
 * @param now The build's "now" (epoch ms).
 * @returns Epoch ms, later than `now`.
 */
export function plannedUntil(articles: ReadonlyArray<{ published: number }>, timeZone: string, now: number): number {
  let until = DateTime.fromMillis(now, { zone: timeZone }).startOf('month').plus({ months: 1 }).toMillis()
  for (const { published } of articles) {
    if (published > now) until = Math.min(until, published)
    else if (published + newsWindowMs > now) until = Math.min(until, published + newsWindowMs)
  }
  return until
}
