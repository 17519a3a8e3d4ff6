import { createHash } from 'node:crypto'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { updateWithItem } from '../../../src/site/index.ts'

// A page's key must change exactly when what the page shows does, whichever objects hold it: the
// model shares teasers and related links between pages, and the key serialises each once.
const test = suite('updateWithItem')

const keyOf = (item: object): string => updateWithItem(createHash('sha256'), item).digest('hex')
const date = (day: number) => ({ iso: `2025-12-${day}T08:00:00+07:00`, text: `Thứ hai, ${day}/12/2025 - 08:00` })
const link = (slug: string, title = slug) => ({ url: `/2025/12/${slug}/`, title, date: date(10) })
const article = (related: object[]) => ({ id: 'a', url: '/2025/12/a/', title: 'A', digest: 'd1', lead: { src: 'x.jpg' }, related, date: date(12) })
const teaser = (slug: string, summary = 'tóm tắt') => ({ url: `/2025/12/${slug}/`, title: slug, summary, date: date(11), byline: ['B'] })
const listing = (articles: object[]) => ({ kind: 'month', url: '/2025/12/trang/1/', title: 'Tháng 12', articles, pagination: { page: 1 } })

test('should give the same key to equal items held by other objects', () => {
  assert.is(keyOf(article([link('b'), link('c')])), keyOf(article([link('b'), link('c')])))
  assert.is(keyOf(listing([teaser('b'), teaser('c')])), keyOf(listing([teaser('b'), teaser('c')])))
})

test('should change an article’s key with a related link’s title, order or number, and with its digest', () => {
  const key = keyOf(article([link('b'), link('c')]))
  assert.is.not(keyOf(article([link('b'), link('c', 'C mới')])), key)
  assert.is.not(keyOf(article([link('c'), link('b')])), key)
  assert.is.not(keyOf(article([link('b')])), key)
  assert.is.not(keyOf({ ...article([link('b'), link('c')]), digest: 'd2' }), key)
})

test('should change a listing page’s key with a teaser’s summary, order or number', () => {
  const key = keyOf(listing([teaser('b'), teaser('c')]))
  assert.is.not(keyOf(listing([teaser('b'), teaser('c', 'khác')])), key)
  assert.is.not(keyOf(listing([teaser('c'), teaser('b')])), key)
  assert.is.not(keyOf(listing([teaser('b')])), key)
})

test.run()
