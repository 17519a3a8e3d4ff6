import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { QueryCost } from '../../../scripts/bench/browser-query.ts'
import { kindTable, throttledTitle } from '../../../scripts/bench/search-bench-table.ts'

const test = suite('search-bench-table')

/** A query's cost: bytes and requests to the first result and for the whole search. */
const cost = (query: string, firstKb: number, firstRequests: number, allKb: number, requests: number): QueryCost => ({
  query,
  firstMs: 100,
  firstBytes: firstKb * 1024,
  firstRequests,
  doneMs: 200,
  bytes: allKb * 1024,
  requests,
  results: '',
  laterFirstMs: 50,
  laterDoneMs: 60,
})

test('should sum up each kind of query to the first result and for the whole first search, counting the misses', () => {
  const costs = [cost('lua', 120, 10, 400, 25), cost('duong', 140, 12, 200, 31), cost('xam', 100, 9, 150, 14)]
  const lines = kindTable(costs, { lua: 'common', duong: 'common', xam: 'rare' })
  assert.equal(lines.slice(2), [
    '| common | 2 | 130 KB / 11, 140 KB / 12 | 0 | 300 KB / 28, 400 KB / 31 | 2 |',
    '| rare | 1 | 100 KB / 9, 100 KB / 9 | 0 | 150 KB / 14, 150 KB / 14 | 0 |',
    '| all | 3 | 120 KB / 10, 140 KB / 12 | 0 | 200 KB / 25, 400 KB / 31 | 2 |',
  ])
})

test("should say which phone a Slow 4G table stands for, when the browser's speed was measured", () => {
  assert.is(
    throttledTitle({ name: '100000', cpu: { host: 1800, throttled: 450 } }),
    "**100000**, Slow 4G (150 ms, 1.6 Mbit/s down, 750 kbit/s up) and 4× CPU (Lighthouse's BenchmarkIndex: 1800 on this machine, 450 throttled):"
  )
  assert.is(throttledTitle({ name: 'sample' }), '**sample**, Slow 4G (150 ms, 1.6 Mbit/s down, 750 kbit/s up) and 4× CPU:')
})

test.run()
