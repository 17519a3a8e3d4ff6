import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { detectFormat } from '../../../src/most-read/detect-format.ts'
import type { Hit } from '../../../src/most-read/hit.ts'
import { parsePlausibleResponse } from '../../../src/most-read/plausible-api.ts'
import { readSources } from '../../../src/most-read/read-sources.ts'
import { fixtures, removeDir, tempDir } from '../../helpers/fixtures.ts'

const test = suite('plausibleApi')
const folder = join(fixtures, 'most-read', 'plausible')
const v2 = join(folder, 'stats-api-v2-pages.json')
const v1 = join(folder, 'stats-api-v1-breakdown.json')

test("should read API v2's breakdown by event:page: visitors (placed by the query echoed back) as distinct readers, in every window", async () => {
  const read = parsePlausibleResponse(await readFile(v2, 'utf8'))
  assert.is(read.invalid, undefined)
  assert.equal(read.hits[1], { path: '/2019/10/hoi-nghi-lang-nghe/', status: 200, time: undefined, views: 340, distinct: true })
  assert.equal(
    read.hits.map((hit) => [hit.path, hit.views]),
    [
      ['/', 812],
      ['/2019/10/hoi-nghi-lang-nghe/', 340],
      ['/2024/05/tieu-de-co-the-script/', 120],
      ['/tin-cu/hoi-nghi-108456.htm', 60],
      ['/2020/03/hai-tac-gia-va-dinh-chinh/', 15],
      ['/2024/05/ban-nhap/', 9],
      ['/tim-kiem/', 7],
    ]
  )
  // The eighth row's visitors are null: skipped, reported at the row's line.
  assert.equal(read.problems, [{ problem: 'result 8: "null" is not a count', line: 31, column: 5 }])
})

test('should take the metrics in the order the query asked for them', () => {
  const text = JSON.stringify({
    results: [{ dimensions: ['2026-11-25', '/a/'], metrics: [4, 9] }],
    query: { metrics: ['pageviews', 'visitors'], dimensions: ['time:day', 'event:page'] },
  })
  assert.equal(parsePlausibleResponse(text).hits, [{ path: '/a/', status: 200, time: undefined, views: 9, distinct: true }])
  // Page views only: counted as they are, not as distinct readers.
  const views = JSON.stringify({ results: [{ dimensions: ['/a/'], metrics: [4] }], query: { metrics: ['pageviews'], dimensions: ['event:page'] } })
  assert.equal(parsePlausibleResponse(views).hits, [{ path: '/a/', status: 200, time: undefined, views: 4 }])
})

test("should read API v1's breakdown (page, visitors, pageviews)", async () => {
  const read = parsePlausibleResponse(await readFile(v1, 'utf8'))
  assert.equal(read.problems, [])
  assert.equal(read.hits[0], { path: '/2024/05/tieu-de-co-the-script/', status: 200, time: undefined, views: 41, distinct: true })
  assert.is(read.hits.length, 4)
})

test('should refuse an answer cut short, one without results, or one broken down by something else, at its place', () => {
  assert.equal(parsePlausibleResponse('{\n  "results": [\n    {"dimensions": ["/a/"]').invalid, {
    problem: 'not a whole JSON document (cut short?)',
    line: 3,
    column: 27,
  })
  assert.equal(parsePlausibleResponse('{"error": "Invalid API key"}').invalid?.problem, 'no "results" array: not an answer of Plausible\'s Stats API')
  const bySource = parsePlausibleResponse(JSON.stringify({ results: [], query: { metrics: ['visitors'], dimensions: ['visit:source'] } }))
  assert.equal(bySource.invalid, { problem: 'the query is broken down by ["visit:source"], not by "event:page"', line: 1, column: 15 })
})

test('should tell an answer from a Logpush line by its first line', () => {
  assert.is(detectFormat('{'), 'plausible')
  assert.is(detectFormat('{"results":[{"page":"/a/","visitors":1}]}'), 'plausible')
  assert.is(detectFormat('{ "query": {}, "results": [] }'), 'plausible')
  assert.is(detectFormat('{"ClientIP":"192.0.2.1","ClientRequestURI":"/"}'), 'json')
})

test('should read a saved answer as a source, and count nothing from one cut short', async () => {
  const hits: Hit[] = []
  const summary = await readSources([folder], (hit) => hits.push(hit), folder)
  assert.equal(summary.formats, { 'stats-api-v1-breakdown.json': 'plausible', 'stats-api-v2-pages.json': 'plausible' })
  assert.is(hits.length, 11)
  assert.is(summary.unreadable, 1)
  const v2File = summary.files.find((file) => file.path.endsWith('v2-pages.json'))
  assert.equal(
    v2File?.messages.map((message) => [message.ruleId, message.line, message.column, message.fatal]),
    [['unreadable-log-line', 31, 5, false]]
  )
  const dir = await tempDir('plausible-cut')
  try {
    const cut = join(dir, 'pages.json')
    await writeFile(cut, (await readFile(v2, 'utf8')).slice(0, 200))
    const none: Hit[] = []
    const read = await readSources([cut], (hit) => none.push(hit), dir)
    assert.is(none.length, 0)
    assert.equal(
      read.files[0]?.messages.map((message) => [message.ruleId, message.fatal]),
      [['unreadable-source', true]]
    )
  } finally {
    await removeDir(dir)
  }
})

test.run()
