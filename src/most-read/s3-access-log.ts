import { unescapeLogString } from './combined-log.ts'
import { type LineResult, parseClfTime } from './hit.ts'

// An S3 server access log line, fields in their documented order: bucket owner, bucket, [time],
// remote IP, requester, request id, operation, key, "request-URI", status, error code, bytes sent,
// object size, total time, turn-around time, "referer", "user agent", then fields S3 keeps adding.
const token = /"(?:[^"\\]|\\.)*"|\[[^\]]*\]|\S+/g

/**
 * Reads one line of an S3 server access log (a bucket serving the site, or the website endpoint).
 *
 * @param line One line of the log.
 */
export function parseS3AccessLine(line: string): LineResult {
  if (line === '') return undefined
  const fields = line.match(token) ?? []
  if (fields.length < 17) return { problem: `an S3 access log line has at least 17 fields; this one has ${fields.length}` }
  const [, , bracketed, remoteIp, , , operation, , requestUri, status, , , , , , , quotedAgent] = fields as string[]
  const time = parseClfTime((bracketed as string).slice(1, -1))
  if (time === undefined) return { problem: `${bracketed} is not a log time`, column: line.indexOf('[') + 1 }
  // Only reads of objects are page views; listings, uploads and the log delivery's own writes are not.
  const request = /^"([A-Z]+) (\S+)/.exec(requestUri as string)
  const isRead = /^(?:REST|WEBSITE)\.(?:GET|HEAD)\.OBJECT$/.test(operation as string)
  const userAgent = unquote(quotedAgent as string)
  return {
    path: request && isRead ? (request[2] as string) : '',
    status: Number(status),
    time,
    method: request ? (request[1] as string) : '',
    userAgent,
    client: `${remoteIp}\n${userAgent}`,
    views: 1,
  }
}

function unquote(text: string): string {
  const inner = text.startsWith('"') ? unescapeLogString(text.slice(1, -1)) : text
  return inner === '-' ? '' : inner
}
