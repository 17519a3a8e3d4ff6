import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parseArticleDate, type ArticleDate } from '../../../src/content/index.ts'
import { displayDate, stringsFor } from '../../../src/site/index.ts'

const test = suite('displayDate')
const vi = stringsFor('vi')
const date = (text: string): ArticleDate => parseArticleDate(text, 'Asia/Ho_Chi_Minh') as ArticleDate

test('should print the weekday, date and time as the paper does', () => {
  assert.equal(displayDate(date('2019-10-24 09:15'), 'Asia/Ho_Chi_Minh', vi), { iso: '2019-10-24T09:15:00+07:00', text: 'Thứ năm, 24/10/2019 - 09:15' })
  assert.is(displayDate(date('2024-05-05 23:59'), 'Asia/Ho_Chi_Minh', vi).text, 'Chủ nhật, 05/05/2024 - 23:59')
})

test('should show an instant written with another offset in the site zone', () => {
  const written = parseArticleDate('2019-10-24T23:30:00+00:00', 'Asia/Ho_Chi_Minh') as ArticleDate
  assert.is(displayDate(written, 'Asia/Ho_Chi_Minh', vi).text, 'Thứ sáu, 25/10/2019 - 06:30')
})

test.run()
