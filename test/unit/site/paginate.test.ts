import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { paginate } from '../../../src/site/index.ts'

const test = suite('paginate')
const newestFirst = (count: number): number[] => Array.from({ length: count }, (_, index) => count - index)

test('should give an empty landing page and no numbered pages for 0 items', () => {
  assert.equal(paginate([], '/x/', 3), [{ url: '/x/', items: [], pagination: { landing: '/x/', pages: [] } }])
})

test('should keep 1 and N items on the landing page alone', () => {
  assert.is(paginate(newestFirst(1), '/x/', 3).length, 1)
  const pages = paginate(newestFirst(3), '/x/', 3)
  assert.is(pages.length, 1)
  assert.equal(pages[0]?.items, [3, 2, 1])
})

test('should start numbered pages from the oldest at N+1 items', () => {
  const pages = paginate(newestFirst(4), '/x/', 3)
  assert.equal(
    pages.map((page) => [page.url, page.items]),
    [
      ['/x/', [4, 3, 2]],
      ['/x/trang/1/', [3, 2, 1]],
      ['/x/trang/2/', [4]],
    ]
  )
  assert.equal(pages[0]?.pagination, {
    landing: '/x/',
    older: '/x/trang/1/',
    pages: [
      { number: 2, url: '/x/trang/2/' },
      { number: 1, url: '/x/trang/1/' },
    ],
  })
  assert.equal(pages[1]?.pagination, { landing: '/x/', page: 1, newer: '/x/trang/2/', pages: [] })
  assert.equal(pages[2]?.pagination, { landing: '/x/', page: 2, newer: '/x/', older: '/x/trang/1/', pages: [] })
})

test('should never change a full numbered page that is not the newest when items are added', () => {
  const before = paginate(newestFirst(10), '/x/', 3)
  for (const count of [11, 12, 13, 20]) {
    const after = paginate(newestFirst(count), '/x/', 3)
    for (const page of before.slice(1, 3))
      assert.equal(
        after.find((other) => other.url === page.url),
        page,
        `${page.url} with ${count} items`
      )
  }
})

test('should list the newest nine numbered pages and the first on the landing page', () => {
  const pages = paginate(newestFirst(100), '/x/', 3)
  assert.equal(
    pages[0]?.pagination.pages.map((page) => page.number),
    [34, 33, 32, 31, 30, 29, 28, 27, 26, 1]
  )
})

test.run()
