import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { readLists, windowLabel } from '../../../templates/client/most-read-lists.ts'

const test = suite('mostReadLists')

test('should keep the windows in order, leaving out the page itself and empty windows', () => {
  const data = {
    version: 1,
    windows: {
      '24h': [
        { url: '/a/', title: 'A' },
        { url: '/b/', title: 'B' },
      ],
      '7d': [{ url: '/b/', title: 'B' }],
      '30d': [],
    },
  }
  assert.equal(readLists(data, '/b/'), [{ window: '24h', links: [{ url: '/a/', title: 'A' }] }])
  assert.equal(readLists(data, '/c/').length, 2)
})

test('should drop links that are not site paths, and anything that is not a fragment', () => {
  const data = {
    windows: {
      '24h': [
        { url: 'https://evil.example/', title: 'x' },
        { url: '//evil.example/', title: 'x' },
        { url: 'javascript:alert(1)', title: 'x' },
        { url: '/a/' },
        { url: '/ok/', title: 'OK' },
        null,
      ],
    },
  }
  assert.equal(readLists(data, '/'), [{ window: '24h', links: [{ url: '/ok/', title: 'OK' }] }])
  for (const junk of [null, 'x', 1, [], { windows: null }, { windows: { '24h': 'x' } }]) assert.equal(readLists(junk, '/'), [])
})

test("should label windows with the page's words", () => {
  const words = { hours: '{n} giờ', days: '{n} ngày' }
  assert.is(windowLabel('24h', words), '24 giờ')
  assert.is(windowLabel('7d', words), '7 ngày')
  assert.is(windowLabel('week', words), 'week')
})

test.run()
