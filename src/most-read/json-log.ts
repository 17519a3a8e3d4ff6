import type { LineResult } from './hit.ts'

/**
 * Reads one line of a JSON-lines request log: Cloudflare Logpush's `http_requests` dataset
 * (`ClientRequestURI`, `EdgeResponseStatus`, `EdgeStartTimestamp` in any of Logpush's timestamp
 * formats, `ClientIP`, `ClientRequestUserAgent`), or a Netlify log drain's traffic lines (`url`,
 * `status_code`, `timestamp`, `client_ip`, `user_agent`). Missing fields of the other kind are fine.
 *
 * @param line One line of the log.
 */
export function parseJsonLogLine(line: string): LineResult {
  if (line.trim() === '') return undefined
  let record: unknown
  try {
    record = JSON.parse(line)
  } catch (error) {
    const at = /position (\d+)/.exec(error instanceof Error ? error.message : '')
    return { problem: 'not a line of JSON', column: at ? Number(at[1]) + 1 : 1 }
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return { problem: 'not a JSON object' }
  const field = (name: string): unknown => (record as Record<string, unknown>)[name]
  const path = text(field('ClientRequestURI')) ?? pathOfUrl(text(field('url')) ?? text(field('ClientRequestPath')))
  const status = Number(field('EdgeResponseStatus') ?? field('status_code') ?? field('status'))
  const time = timeOf(field('EdgeStartTimestamp') ?? field('timestamp'))
  if (path === undefined) return { problem: 'no request path (ClientRequestURI, url)' }
  if (!Number.isInteger(status)) return { problem: 'no response status (EdgeResponseStatus, status_code)' }
  if (time === undefined) return { problem: 'no request time (EdgeStartTimestamp, timestamp)' }
  const userAgent = text(field('ClientRequestUserAgent')) ?? text(field('user_agent')) ?? ''
  const method = text(field('ClientRequestMethod')) ?? text(field('method'))
  return {
    path,
    status,
    time,
    ...(method === undefined ? {} : { method }),
    userAgent,
    client: `${text(field('ClientIP')) ?? text(field('client_ip')) ?? ''}\n${userAgent}`,
    views: 1,
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function pathOfUrl(url: string | undefined): string | undefined {
  if (url === undefined || url.startsWith('/')) return url
  try {
    const parsed = new URL(url)
    return parsed.pathname + parsed.search
  } catch {
    return undefined
  }
}

/** Logpush writes RFC 3339, Unix seconds or Unix nanoseconds, as asked; Netlify RFC 3339. */
function timeOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value > 1e17 ? value / 1e6 : value > 1e12 ? value : value * 1000
  if (typeof value !== 'string') return undefined
  if (/^\d+$/.test(value)) return timeOf(Number(value))
  const time = Date.parse(value)
  return Number.isNaN(time) ? undefined : time
}
