import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { isLineProblem } from '../../../src/most-read/hit.ts'
import { parseS3AccessLine } from '../../../src/most-read/s3-access-log.ts'
import { fixtures } from '../../helpers/fixtures.ts'

const test = suite('s3AccessLog')
const owner = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be'

test('should read a website GET in the documented field order', () => {
  const hit = parseS3AccessLine(
    `${owner} site [25/Nov/2026:10:00:00 +0000] 192.0.2.3 - 3E57427F3EXAMPLE WEBSITE.GET.OBJECT 2019/10/a/index.html "GET /2019/10/a/?x=1 HTTP/1.1" 200 - 2662 3462 70 10 "-" "Mozilla/5.0 \\"q\\"" - hostid= SigV4 ECDHE AuthHeader site.s3-website.amazonaws.com TLSv1.2 - -`
  )
  assert.equal(hit, {
    path: '/2019/10/a/?x=1',
    status: 200,
    time: Date.parse('2026-11-25T10:00:00Z'),
    method: 'GET',
    userAgent: 'Mozilla/5.0 "q"',
    client: '192.0.2.3\nMozilla/5.0 "q"',
    views: 1,
  })
})

test('should give uploads and listings no page path', () => {
  const put = parseS3AccessLine(
    `${owner} site [25/Nov/2026:10:00:00 +0000] 192.0.2.10 arn:aws:iam::1:user/deploy ID REST.PUT.OBJECT a/index.html "PUT /a/index.html HTTP/1.1" 200 - - 2662 70 10 "-" "aws-sdk-js/3.0" - h SigV4 c AuthHeader host TLSv1.2 - -`
  )
  assert.ok(put && !isLineProblem(put))
  assert.is(put.path, '')
})

test('should read the fixture log, reporting its truncated line', async () => {
  const lines = (await readFile(join(fixtures, 'most-read', 's3-access.log'), 'utf8')).trimEnd().split('\n')
  const results = lines.map(parseS3AccessLine)
  assert.is(results.filter((result) => result !== undefined && isLineProblem(result)).length, 1)
  assert.ok(results.filter((result) => result !== undefined && !isLineProblem(result) && result.path !== '').length > 500)
})

test.run()
