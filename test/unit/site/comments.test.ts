import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { CommentSource } from '../../../src/content/comments.ts'
import { commentThread, countComments, maxReplyDepth, type CommentModel } from '../../../src/site/comments.ts'
import { stringsFor } from '../../../src/site/strings.ts'

const strings = stringsFor('vi')

const test = suite('commentThread')

function chain(length: number): CommentSource[] {
  return Array.from({ length }, (_, index) => {
    const comment: CommentSource = {
      id: `c${index}`,
      article: '2019/10/a',
      name: 'Khách',
      message: 'Ý kiến',
      date: { iso: '2019-10-25T08:00:00+07:00', epoch: Date.UTC(2019, 9, 25) + index * 60_000 },
    }
    if (index > 0) comment.parent = `c${index - 1}`
    return comment
  })
}

function depth(thread: readonly CommentModel[]): number {
  return thread.reduce((deepest, comment) => Math.max(deepest, 1 + depth(comment.replies)), 0)
}

test('should nest replies at most maxReplyDepth levels, keeping every comment, whatever the chain', () => {
  const thread = commentThread(chain(10_000).reverse(), 'Asia/Ho_Chi_Minh', strings)
  assert.is(countComments(thread), 10_000)
  assert.is(depth(thread), maxReplyDepth + 1)
  assert.equal(
    thread.map((comment) => comment.id),
    ['c0']
  )
})

test('should keep a short thread as written', () => {
  const thread = commentThread(chain(3), 'Asia/Ho_Chi_Minh', strings)
  assert.is(thread[0]?.replies[0]?.replies[0]?.id, 'c2')
})

test.run()
