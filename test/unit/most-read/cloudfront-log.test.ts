import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createCloudFrontParser } from '../../../src/most-read/cloudfront-log.ts'
import { isLineProblem } from '../../../src/most-read/hit.ts'
import { fixtures } from '../../helpers/fixtures.ts'

const test = suite('cloudFrontLog')

test('should read the fixture log by its #Fields line, user agents decoded', async () => {
  const parse = createCloudFrontParser()
  const lines = (await readFile(join(fixtures, 'most-read', 'cloudfront.log'), 'utf8')).split('\n')
  const results = lines.map(parse)
  const hits = results.filter((result) => result !== undefined && !isLineProblem(result))
  const problems = results.filter((result) => result !== undefined && isLineProblem(result))
  assert.is(hits.length + problems.length, lines.length - 3, 'two header lines and the last newline give nothing')
  assert.is(problems.length, 1)
  const first = hits[0]
  assert.ok(first && !isLineProblem(first))
  assert.is(first.path, '/2019/10/hoi-nghi-lang-nghe/')
  assert.is(first.time, Date.parse('2026-11-10T04:09:46Z'))
  assert.match(first.userAgent ?? '', /^Mozilla\/5\.0 \(Linux; Android 13; Redmi Note 12\).* "quoted"$/)
})

test('should follow a #Fields line in another order, and the documented order without one', () => {
  const parse = createCloudFrontParser()
  assert.is(parse('#Fields: date time cs-uri-stem sc-status c-ip cs(User-Agent)'), undefined)
  const hit = parse('2026-11-25\t10:00:00\t/a/\t200\t192.0.2.1\tMozilla/5.0%2520(X11)')
  assert.ok(hit && !isLineProblem(hit))
  assert.equal([hit.path, hit.status, hit.userAgent], ['/a/', 200, 'Mozilla/5.0 (X11)'])
  const plain = createCloudFrontParser()(
    '2026-11-25\t10:00:00\tHAN50\t100\t192.0.2.1\tGET\tx.cloudfront.net\t/b/\t404\t-\tcurl/8\t-\t-\tError\tid\thost\thttps\t1\t0.1\t-\tTLSv1.3\tc\tError\tHTTP/2.0\t-\t-\t1\t0.1\tError\ttext/html\t-\t-\t-'
  )
  assert.ok(plain && !isLineProblem(plain))
  assert.equal([plain.path, plain.status, plain.method], ['/b/', 404, 'GET'])
})

test('should report a line with too few fields or a bad date', () => {
  const parse = createCloudFrontParser()
  const short = parse('2026-11-25\t12:00:00\tHAN50-P1\tbroken')
  assert.ok(short && isLineProblem(short))
  const date = parse('2026-13-45\t99:00:00\tHAN\t1\t192.0.2.1\tGET\th\t/a/\t200\t-\tx')
  assert.ok(date && isLineProblem(date))
})

test.run()
