import { parseCombinedLine } from './combined-log.ts'
import { createCloudFrontParser } from './cloudfront-log.ts'
import { createCsvParser } from './csv-counts.ts'
import type { LineParser } from './hit.ts'
import { parseJsonLogLine } from './json-log.ts'
import { isPlausibleStart } from './plausible-api.ts'
import { parseS3AccessLine } from './s3-access-log.ts'

/** The sources `most-read` reads: logs and exports read a line at a time, and Plausible's Stats API answer, read whole. */
export type LogFormat = LineFormat | 'plausible'

/** The sources read a line at a time. */
export type LineFormat = 'combined' | 'cloudfront' | 's3' | 'json' | 'csv'

/** A parser for each format read a line at a time (a new one per file: some keep a header's state). */
export const lineParsers: Record<LineFormat, () => LineParser> = {
  combined: () => parseCombinedLine,
  cloudfront: createCloudFrontParser,
  s3: () => parseS3AccessLine,
  json: () => parseJsonLogLine,
  csv: createCsvParser,
}

/**
 * Tells a source's format from its first line that is not blank: every format here is recognised by
 * its first line (a W3C header, a JSON object or the start of a Plausible answer, a CSV header or
 * row, the shape of a log line).
 *
 * @param line The first non-blank line.
 * @returns The format, or `undefined` when it is none of them.
 */
export function detectFormat(line: string): LogFormat | undefined {
  if (line.startsWith('#Version:') || line.startsWith('#Fields:')) return 'cloudfront'
  if (isPlausibleStart(line)) return 'plausible'
  if (line.startsWith('{')) return 'json'
  // An S3 line opens with the bucket owner's canonical id (64 hex digits) and the bucket's name.
  if (/^[0-9a-f]{64} \S+ \[/.test(line) || /^\S+ \S+ \[[^\]]+\] \S+ \S+ \S+ [A-Z]+\.[A-Z.]+ /.test(line)) return 's3'
  if (/^\S+ \S+ (?:\S+|"[^"]*") \[[^\]]+\] "/.test(line)) return 'combined'
  // CloudFront without its header: a date, a time and an edge location, tab-separated.
  if (/^\d{4}-\d{2}-\d{2}\t\d{2}:\d{2}:\d{2}\t/.test(line)) return 'cloudfront'
  if (/^(?:path,views|name,visitors|"\d+,Path",)/i.test(line) || /^"?\/[^,]*"?,\d+\s*$/.test(line)) return 'csv'
  return undefined
}
