import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { planSearchBundles } from '../../../src/site/index.ts'
import type { ArticleModel } from '../../../src/site/index.ts'

const test = suite('planSearchBundles')

const archive = (count: number): ArticleModel[] => Array.from({ length: count }, (_, index) => ({ url: `/a/${count - 1 - index}/` }) as ArticleModel)

test('should split the newest run into fifths, older runs whole, oldest first', () => {
  const bundles = planSearchBundles(archive(23), 10)
  assert.equal(
    bundles.map((bundle) => [bundle.url, bundle.articles.length]),
    [
      ['/pagefind/0/', 10],
      ['/pagefind/1/', 10],
      ['/pagefind/2-0/', 2],
      ['/pagefind/2-1/', 1],
    ]
  )
  assert.is(bundles[0]?.articles[0], '/a/0/')
})

test('should keep a complete newest run split, so the first answer stays small at a round size', () => {
  assert.equal(
    planSearchBundles(archive(20), 10).map((bundle) => bundle.url),
    ['/pagefind/0/', '/pagefind/1-0/', '/pagefind/1-1/', '/pagefind/1-2/', '/pagefind/1-3/', '/pagefind/1-4/']
  )
})

test('should change only the newest bundle when an article is published, within a run', () => {
  const before = planSearchBundles(archive(22), 10)
  const after = planSearchBundles(archive(23), 10)
  const changed = after.filter((bundle) => JSON.stringify(bundle) !== JSON.stringify(before.find((old) => old.url === bundle.url)))
  assert.equal(
    changed.map((bundle) => bundle.url),
    ['/pagefind/2-1/']
  )
})

test.run()
