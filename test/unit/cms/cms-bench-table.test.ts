import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { type CmsBenchReport, type CmsBenchRun, formatCmsBench } from '../../../scripts/bench/cms-bench.ts'

// The bench's table (scripts/bench/cms-bench.ts); the bench itself needs a built archive and Chromium.
const test = suite('formatCmsBench')
const run: CmsBenchRun = {
  listMs: 700,
  firstEntry: 'Tin mới nhất (31/12/2025 22:11)',
  newestFirst: true,
  findMs: 3300,
  opened: true,
  beforeList: { raw: 5.3 * 1024 ** 2, gzip: 1.5 * 1024 ** 2 },
  search: { raw: 2.3 * 1024 ** 2, gzip: 2.1 * 1024 ** 2 },
}
const report: CmsBenchReport = {
  articles: 5000,
  date: '2026-12-05',
  machine: { cores: 2, model: 'AMD EPYC', memoryBytes: 8 * 1024 ** 3, node: 'v22.0.0' },
  buildMs: 231_300,
  now: '2025-12-31T16:11:00.000Z',
  newest: { title: 'Tin mới nhất', date: '2025-12-31 22:11' },
  oldest: { title: 'Khai mạc giải', date: '2006-01-01 16:04', query: 'khai mac giai' },
  runs: [run, run],
}

test('should mark every target held when every visit holds it', () => {
  const table = formatCmsBench(report)
  assert.match(table, '| list shown (from "Đăng nhập" to the first entry) | 0.70 s, 0.70 s | ≤ 5 s | held |')
  assert.match(table, '"khai mac giai" typed')
  assert.match(table, '| 1.5 MB (5.3 MB uncompressed), 1.5 MB (5.3 MB uncompressed) | ≤ 5 MB | held |')
  assert.not.match(table, 'missed')
})

test('should mark a target missed by one visit, and say what came first or that nothing was listed', () => {
  const slow: CmsBenchRun = { ...run, listMs: 5200, newestFirst: false, firstEntry: 'Bài cũ (12/01/2006)', findMs: undefined, opened: false }
  const table = formatCmsBench({ ...report, runs: [run, slow] })
  assert.match(table, '| 0.70 s, 5.20 s | ≤ 5 s | **missed** |')
  assert.match(table, 'yes, no: Bài cũ (12/01/2006) | yes | **missed** |')
  assert.match(table, '3.30 s, not listed in 60 s | ≤ 5 s | **missed** |')
})

test.run()
