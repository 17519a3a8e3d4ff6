import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parseCombinedLine, unescapeLogString } from '../../../src/most-read/combined-log.ts'
import { isLineProblem, parseClfTime } from '../../../src/most-read/hit.ts'

const test = suite('combinedLog')

test('should read a line of nginx combined format', () => {
  const hit = parseCombinedLine(
    '203.0.113.9 - - [25/Nov/2026:21:14:03 +0700] "GET /2019/10/hoi-nghi-lang-nghe/?utm_source=zalo HTTP/2.0" 200 31538 "https://www.google.com/" "Mozilla/5.0 (iPhone) Safari/604.1"'
  )
  assert.equal(hit, {
    path: '/2019/10/hoi-nghi-lang-nghe/?utm_source=zalo',
    status: 200,
    time: Date.parse('2026-11-25T14:14:03Z'),
    method: 'GET',
    userAgent: 'Mozilla/5.0 (iPhone) Safari/604.1',
    client: '203.0.113.9\nMozilla/5.0 (iPhone) Safari/604.1',
    views: 1,
  })
})

test('should read escaped quotes (nginx \\x22, Apache \\") and IPv6 clients', () => {
  const nginx = parseCombinedLine('2001:db8::1 - bob [25/Nov/2026:21:14:03 +0000] "GET /a/ HTTP/1.1" 200 1 "-" "Agent \\x22quoted\\x22"')
  const apache = parseCombinedLine('2001:db8::1 - - [25/Nov/2026:21:14:03 +0000] "GET /a/ HTTP/1.1" 200 - "-" "Agent \\"quoted\\""')
  assert.ok(nginx && !isLineProblem(nginx) && apache && !isLineProblem(apache))
  assert.is(nginx.userAgent, 'Agent "quoted"')
  assert.is(apache.userAgent, 'Agent "quoted"')
  assert.is(unescapeLogString('a\\\\b'), 'a\\b')
})

test('should read the common format (no referrer, no user agent) and an empty user agent', () => {
  const common = parseCombinedLine('192.0.2.1 - - [01/Jan/2026:00:00:00 +0000] "GET /a/ HTTP/1.0" 200 12')
  assert.ok(common && !isLineProblem(common))
  assert.is(common.userAgent, undefined)
  const empty = parseCombinedLine('192.0.2.1 - - [01/Jan/2026:00:00:00 +0000] "GET /a/ HTTP/1.0" 200 12 "-" "-"')
  assert.ok(empty && !isLineProblem(empty))
  assert.is(empty.userAgent, '')
})

test("should give a scanner's junk request no path, and report a line that is not a log line", () => {
  const junk = parseCombinedLine('192.0.2.44 - - [25/Nov/2026:12:00:00 +0700] "\\x16\\x03\\x01\\x00" 400 157 "-" "-"')
  assert.ok(junk && !isLineProblem(junk))
  assert.is(junk.path, '')
  assert.is(junk.status, 400)
  assert.equal(parseCombinedLine('cut short here'), { problem: 'not a line of the combined log format' })
  const badTime = parseCombinedLine('192.0.2.1 - - [31/Foo/2026:00:00:00 +0000] "GET / HTTP/1.1" 200 1 "-" "x"')
  assert.ok(badTime && isLineProblem(badTime))
  assert.is(badTime.column, 16)
  assert.is(parseCombinedLine(''), undefined)
})

test('should read log times with their offsets', () => {
  assert.is(parseClfTime('26/Nov/2026:08:00:00 +0700'), Date.parse('2026-11-26T01:00:00Z'))
  assert.is(parseClfTime('26/Nov/2026:01:00:00 -0330'), Date.parse('2026-11-26T04:30:00Z'))
  assert.is(parseClfTime('2026-11-26 01:00:00'), undefined)
})

test.run()
