import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createCsvParser } from '../../../src/most-read/csv-counts.ts'
import { type Hit, isLineProblem, type LineResult } from '../../../src/most-read/hit.ts'
import { fixtures } from '../../helpers/fixtures.ts'

const test = suite('csvCounts')

async function parseFixture(name: string): Promise<LineResult[]> {
  const parse = createCsvParser()
  return (await readFile(join(fixtures, 'most-read', name), 'utf8')).split('\n').map(parse)
}

const hitsOf = (results: LineResult[]): Hit[] => results.filter((result): result is Hit => result !== undefined && !isLineProblem(result))

test('should read path,views rows with or without quotes, reporting a count that is not a number', async () => {
  const results = await parseFixture('path-views.csv')
  const hits = hitsOf(results)
  assert.equal(
    hits.map((hit) => [hit.path, hit.views, hit.time]),
    [
      ['/2024/05/tieu-de-co-the-script/', 120, undefined],
      ['/2019/10/hoi-nghi-lang-nghe/', 340, undefined],
      ['/tin-cu/hoi-nghi-108456.htm', 60, undefined],
      ['/2020/03/hai-tac-gia-va-dinh-chinh/?utm_source=facebook', 15, undefined],
      ['/2024/05/ban-nhap/', 9999, undefined],
      ['/feed.xml', 5000, undefined],
    ]
  )
  const problems = results.filter((result) => result !== undefined && isLineProblem(result))
  assert.equal(problems, [{ problem: '"many" is not a number of views', column: 37 }])
})

test('should read path,views without a header', () => {
  const parse = createCsvParser()
  const hit = parse('/a/,7')
  assert.ok(hit && !isLineProblem(hit))
  assert.equal([hit.path, hit.views], ['/a/', 7])
})

test("should read GoatCounter's export: a view per row, its session as the client, events and robots left out", async () => {
  const hits = hitsOf(await parseFixture('goatcounter-export.csv'))
  assert.is(hits.length, 104)
  const first = hits[0] as Hit
  assert.equal(
    [first.path, first.client, first.userAgent, first.time],
    ['/2020/03/hai-tac-gia-va-dinh-chinh/', '00000000000000000000000000000001', undefined, Date.parse('2026-11-25T17:50:49Z')]
  )
  assert.is(hits.filter((hit) => hit.path === '').length, 40, 'the 20 robots and the 20 events have no page')
})

test("should read Plausible's pages export as distinct visitors", async () => {
  const hits = hitsOf(await parseFixture('plausible-pages.csv'))
  assert.equal(hits[0], { path: '/2024/05/tieu-de-co-the-script/', status: 200, time: undefined, views: 41, distinct: true })
  assert.is(hits.length, 5)
})

test('should report an unclosed quote', () => {
  const parse = createCsvParser()
  assert.equal(parse('"/a/,3'), { problem: 'not a line of CSV (an unclosed quote?)' })
})

test.run()
