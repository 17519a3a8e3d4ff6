import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { isLineProblem } from '../../../src/most-read/hit.ts'
import { parseJsonLogLine } from '../../../src/most-read/json-log.ts'

const test = suite('jsonLog')

test('should read Cloudflare Logpush lines in each timestamp format', () => {
  const base = {
    ClientIP: '192.0.2.1',
    ClientRequestMethod: 'GET',
    ClientRequestURI: '/a/?b=1',
    ClientRequestUserAgent: 'Mozilla/5.0',
    EdgeResponseStatus: 200,
  }
  const at = Date.parse('2026-11-25T10:00:00Z')
  for (const stamp of ['2026-11-25T10:00:00Z', at * 1e6, at / 1000, String(at * 1e6)]) {
    const hit = parseJsonLogLine(JSON.stringify({ ...base, EdgeStartTimestamp: stamp }))
    assert.ok(hit && !isLineProblem(hit), String(stamp))
    assert.equal([hit.path, hit.status, hit.time, hit.method, hit.userAgent, hit.client], ['/a/?b=1', 200, at, 'GET', 'Mozilla/5.0', '192.0.2.1\nMozilla/5.0'])
  }
})

test('should read a Netlify log drain traffic line', () => {
  const hit = parseJsonLogLine(
    JSON.stringify({
      client_ip: '192.0.2.1',
      method: 'GET',
      url: 'https://tinxuthanh.example/a/?x',
      status_code: 200,
      timestamp: '2026-11-25T10:00:00.123Z',
      user_agent: 'Mozilla/5.0',
      log_type: 'traffic',
    })
  )
  assert.ok(hit && !isLineProblem(hit))
  assert.equal([hit.path, hit.status, hit.time], ['/a/?x', 200, Date.parse('2026-11-25T10:00:00.123Z')])
})

test('should report a cut line, a line without a status and an array', () => {
  const cut = parseJsonLogLine('{"ClientIP":"203.0.113.99","ClientRequestURI":')
  assert.ok(cut && isLineProblem(cut))
  assert.is(cut.problem, 'not a line of JSON')
  assert.equal(parseJsonLogLine('{"ClientRequestURI":"/a/","EdgeStartTimestamp":"2026-11-25T10:00:00Z"}'), {
    problem: 'no response status (EdgeResponseStatus, status_code)',
  })
  assert.equal(parseJsonLogLine('[1]'), { problem: 'not a JSON object' })
  assert.is(parseJsonLogLine('   '), undefined)
})

test.run()
