import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { newsWindowMs, plannedUntil } from '../../../src/site/index.ts'

const test = suite('plannedUntil')
const zone = 'Asia/Ho_Chi_Minh'
const now = Date.parse('2026-11-26T08:00:00+07:00')
const monthEnd = Date.parse('2026-12-01T00:00:00+07:00')

test('should end with the month in the site zone when no article is in the news window', () => {
  assert.is(plannedUntil([{ published: now - newsWindowMs - 1 }], zone, now), monthEnd)
  assert.is(plannedUntil([], 'UTC', Date.parse('2026-11-30T20:00:00Z')), Date.parse('2026-12-01T00:00:00Z'))
  // 2026-11-30 20:00 UTC is already December in Hồ Chí Minh City.
  assert.is(plannedUntil([], zone, Date.parse('2026-11-30T20:00:00Z')), Date.parse('2027-01-01T00:00:00+07:00'))
})

test('should end when an article leaves the news sitemap, or joins it (drafts shown)', () => {
  assert.is(plannedUntil([{ published: now - 1000 }, { published: now - 5000 }], zone, now), now - 5000 + newsWindowMs)
  assert.is(plannedUntil([{ published: now - 5000 }, { published: now + 7000 }], zone, now), now + 7000)
})

test.run()
