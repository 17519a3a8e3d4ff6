import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { checkComment, lacksDiacritics } from '../../../templates/client/comment-checks.ts'

const test = suite('comment-checks')
const strings = { required: 'required', tooLong: 'tooLong' }

test('should notice a message typed without Vietnamese diacritics', () => {
  assert.is(lacksDiacritics('cam on bai viet rat hay'), true)
  assert.is(lacksDiacritics('Cảm ơn bài viết rất hay'), false)
  assert.is(lacksDiacritics('duong nay dep'), true)
  assert.is(lacksDiacritics('đường đẹp'), false)
  assert.is(lacksDiacritics('OK 100%'), false, 'too short to judge')
})

test('should require a name and a message within limits', () => {
  assert.is(checkComment({ name: ' ', message: 'x' }, strings), 'required')
  assert.is(checkComment({ name: 'An', message: '' }, strings), 'required')
  assert.is(checkComment({ name: 'An', message: 'x'.repeat(3001) }, strings), 'tooLong')
  assert.is(checkComment({ name: 'An', message: 'Ý kiến' }, strings), undefined)
})

test.run()
