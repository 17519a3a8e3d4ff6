import { UsageError } from './usage-error.ts'

// What the operator types (`--now`, `--base-url`), checked before any stage is loaded, so a typo
// answers at once.

/**
 * The build's notion of "now": `--now`, else `SOURCE_DATE_EPOCH` (seconds), else the clock.
 *
 * @param now An ISO date or epoch milliseconds from the command line.
 * @param env The environment.
 */
export function resolveNow(now: string | undefined, env: NodeJS.ProcessEnv = process.env): number {
  if (now !== undefined) {
    const value = /^\d+$/.test(now) ? Number(now) : Date.parse(now)
    if (Number.isNaN(value) || Math.abs(value) > 8.64e15)
      throw new UsageError(`--now: "${now}" is not a date.`, 'Give an ISO 8601 date, e.g. --now 2026-11-26T08:00:00+07:00, or epoch milliseconds.')
    return value
  }
  const epoch = env['SOURCE_DATE_EPOCH']
  if (epoch !== undefined && /^\d+$/.test(epoch)) return Number(epoch) * 1000
  return Date.now()
}

/**
 * Checks a base URL given by the operator: an absolute http or https URL.
 *
 * @param baseUrl The value of `--base-url`.
 * @returns It without trailing slashes.
 * @throws {UsageError} When it is anything else.
 */
export function checkBaseUrl(baseUrl: string): string {
  const url = URL.canParse(baseUrl) ? new URL(baseUrl) : undefined
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw new UsageError(
      `--base-url: "${baseUrl}" is not an http or https URL.`,
      'Give the address the site is served from, e.g. --base-url https://preview.example.vn/tin-tuc'
    )
  }
  return baseUrl.replace(/\/+$/, '')
}
