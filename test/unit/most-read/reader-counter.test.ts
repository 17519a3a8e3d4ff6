import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { Hit } from '../../../src/most-read/hit.ts'
import { createReaderCounter, hashClient } from '../../../src/most-read/reader-counter.ts'
import { parseWindows } from '../../../src/most-read/windows.ts'
import { smallSite } from '../../helpers/most-read-model.ts'

const test = suite('readerCounter')
const now = Date.parse('2026-11-26T01:00:00Z')
const hour = 3_600_000
const parsed = parseWindows('24h,7d')
if (!('windows' in parsed)) throw new Error('24h,7d')
const windows = parsed.windows
const chrome = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

const view = (path: string, hoursAgo: number, client: string, extra: Partial<Hit> = {}): Hit => ({
  path,
  status: 200,
  time: now - hoursAgo * hour,
  method: 'GET',
  userAgent: chrome,
  client: `${client}\n${chrome}`,
  views: 1,
  ...extra,
})

test('should count a client once per article per day, however often it reloads', () => {
  const counter = createReaderCounter(smallSite(), windows, now)
  for (let reload = 0; reload < 200; reload++) counter.add(view('/2020/03/hai/', 2, '198.51.100.7'))
  counter.add(view('/2020/03/hai/', 3, '198.51.100.8'))
  // The same client the day before is another day's reader (in the week, not in the day).
  counter.add(view('/2020/03/hai/', 30, '198.51.100.7'))
  assert.equal([...counter.readers('24h')], [[1, 2]])
  assert.equal([...counter.readers('7d')], [[1, 3]])
  assert.equal(counter.tally(), { counted: 3, leftOut: { robots: 0, notOk: 0, notArticle: 0, outsideWindows: 0, repeats: 199 } })
})

test('should leave out robots, empty user agents, other statuses and methods, other pages and old or future hits', () => {
  const counter = createReaderCounter(smallSite(), windows, now)
  counter.add(view('/2019/10/mot/', 1, 'a', { userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' }))
  counter.add(view('/2019/10/mot/', 1, 'b', { userAgent: 'python-requests/2.32.3' }))
  counter.add(view('/2019/10/mot/', 1, 'c', { userAgent: '' }))
  counter.add(view('/2019/10/mot/', 1, 'd', { status: 304 }))
  counter.add(view('/2019/10/mot/', 1, 'e', { status: 301 }))
  counter.add(view('/2019/10/mot/', 1, 'f', { method: 'HEAD' }))
  counter.add(view('/feed.xml', 1, 'g'))
  counter.add(view('/2024/05/ban-nhap/', 1, 'h'))
  counter.add(view('/2019/10/mot/', 24 * 8, 'i'))
  counter.add(view('/2019/10/mot/', -1, 'j'))
  assert.equal(counter.readers('7d').size, 0)
  assert.equal(counter.tally().leftOut, { robots: 3, notOk: 3, notArticle: 2, outsideWindows: 2, repeats: 0 })
})

test('should add the views of an export without a time to every window, and its distinct visitors as they are', () => {
  const counter = createReaderCounter(smallSite(), windows, now)
  counter.add({ path: '/2024/05/ba/', status: 200, time: undefined, views: 120 })
  counter.add({ path: '/2024/05/ba/', status: 200, time: undefined, views: 30, distinct: true, client: 'ignored' })
  counter.add({ path: '/tin-cu/mot-108456.htm', status: 200, time: undefined, views: 5 })
  assert.equal([...counter.readers('24h')].sort(), [
    [0, 150],
    [2, 5],
  ])
  assert.equal(counter.readers('7d'), counter.readers('24h'))
})

test('should count a sub-day window by the hour', () => {
  const six = parseWindows('6h')
  assert.ok('windows' in six)
  const counter = createReaderCounter(smallSite(), six.windows, now)
  counter.add(view('/2024/05/ba/', 5, 'a'))
  counter.add(view('/2024/05/ba/', 7, 'b'))
  assert.equal([...counter.readers('6h')], [[0, 1]])
})

test('should share the days between windows of whole days, each taking its own days', () => {
  const three = parseWindows('24h,2d,36h,7d')
  assert.ok('windows' in three)
  const counter = createReaderCounter(smallSite(), three.windows, now)
  counter.add(view('/2024/05/ba/', 5, 'a'))
  counter.add(view('/2024/05/ba/', 30, 'a'))
  counter.add(view('/2024/05/ba/', 40, 'b'))
  counter.add(view('/2024/05/ba/', 100, 'c'))
  assert.equal(
    ['24h', '2d', '36h', '7d'].map((window) => counter.readers(window).get(0)),
    [1, 3, 2, 4]
  )
})

test('should hash clients to small integers that differ with the salt', () => {
  const a = hashClient('salt-1', '192.0.2.1\nMozilla')
  assert.ok(Number.isInteger(a) && a >= 0 && a < 2 ** 30)
  assert.is.not(a, hashClient('salt-2', '192.0.2.1\nMozilla'))
  assert.is(a, hashClient('salt-1', '192.0.2.1\nMozilla'))
})

test.run()
