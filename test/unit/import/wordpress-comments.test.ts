import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { approvedComments, plainText } from '../../../src/import/wordpress-comments.ts'
import type { WxrComment } from '../../../src/import/wxr-item.ts'

const test = suite('wordpressComments')

const comment = (id: string, parent: string, approved = '1', type = 'comment'): WxrComment => ({
  id,
  parent,
  author: `Bạn đọc ${id}`,
  dateGmt: '2020-01-01 01:00:00',
  date: '2020-01-01 08:00:00',
  content: `Ý kiến ${id}`,
  approved,
  type,
})

test("should keep approved readers' comments only, dated in the site's zone", () => {
  const kept = approvedComments(
    [
      comment('1', '0'),
      comment('2', '0', '0'),
      comment('3', '0', 'spam'),
      comment('4', '0', 'trash'),
      comment('5', '0', '1', 'pingback'),
      comment('6', '0', '1', 'trackback'),
    ],
    'Asia/Ho_Chi_Minh'
  )
  assert.equal(kept, [{ id: '1', name: 'Bạn đọc 1', message: 'Ý kiến 1', date: '2020-01-01 08:00' }])
})

test('should hang a reply to a dropped comment from its nearest kept ancestor, or the article', () => {
  const kept = approvedComments(
    [comment('1', '0'), comment('2', '1', '0'), comment('3', '2', 'spam'), comment('4', '3'), comment('5', '9'), comment('6', '7'), comment('7', '6', '0')],
    'UTC'
  )
  assert.equal(
    kept.map((entry) => [entry.id, entry.parent]),
    [
      ['1', undefined],
      ['4', '1'],
      ['5', undefined],
      ['6', undefined],
    ]
  )
})

test('should date a comment by its wall clock when its GMT date is zero', () => {
  const kept = approvedComments([{ ...comment('1', '0'), dateGmt: '0000-00-00 00:00:00', date: '2020-02-03 10:20:00' }], 'Asia/Ho_Chi_Minh')
  assert.is(kept[0]?.date, '2020-02-03 10:20')
})

test("should turn a comment's HTML into plain text with its paragraphs", () => {
  assert.is(plainText('<p>Một &amp; hai</p><p>Ba<br/>bốn <a href="https://x.example">năm</a></p>'), 'Một & hai\n\nBa\nbốn năm')
})

test.run()
