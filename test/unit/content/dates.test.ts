import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parseArticleDate } from '../../../src/content/index.ts'

const test = suite('parseArticleDate')
const zone = 'Asia/Ho_Chi_Minh'

test('should read a local date and time in the site zone', () => {
  assert.equal(parseArticleDate('2019-10-24 09:15', zone), { iso: '2019-10-24T09:15:00+07:00', epoch: Date.UTC(2019, 9, 24, 2, 15) })
})

test('should read a date without time as midnight in the site zone', () => {
  assert.equal(parseArticleDate('2019-10-24', zone), { iso: '2019-10-24T00:00:00+07:00', epoch: Date.UTC(2019, 9, 23, 17, 0) })
})

test('should keep an explicit offset', () => {
  assert.equal(parseArticleDate('2019-10-24T09:15:00+09:00', zone), { iso: '2019-10-24T09:15:00+09:00', epoch: Date.UTC(2019, 9, 24, 0, 15) })
  assert.is((parseArticleDate('2019-10-24 09:15Z', zone) as { iso: string }).iso, '2019-10-24T09:15:00Z')
})

test('should refuse dates that do not exist, with the reason', () => {
  assert.equal(parseArticleDate('2019-02-30', zone), { error: 'no such day in that month' })
  assert.equal(parseArticleDate('2019-13-01', zone), { error: 'no such month' })
  assert.equal(parseArticleDate('2019-10-24 24:30', zone), { error: 'no such time of day' })
  assert.equal(parseArticleDate('24/10/2019', zone), { error: 'expected YYYY-MM-DD HH:mm' })
})

test('should refuse a local time skipped by a DST change', () => {
  assert.equal(parseArticleDate('2024-03-10 02:30', 'America/New_York'), { error: 'this local time does not exist' })
})

test.run()
