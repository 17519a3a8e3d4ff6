import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { planSearchBundles } from '../../../src/site/index.ts'
import type { ArticleModel } from '../../../src/site/index.ts'

const test = suite('planSearchBundles')

const archive = (count: number): ArticleModel[] => Array.from({ length: count }, (_, index) => ({ url: `/a/${count - 1 - index}/` }) as ArticleModel)
const shape = (count: number, size: number) => planSearchBundles(archive(count), size).map((bundle) => [bundle.url, bundle.articles.length])

test('should split the two newest runs into fifths, older runs whole, oldest first', () => {
  const bundles = planSearchBundles(archive(33), 10)
  assert.equal(
    bundles.map((bundle) => [bundle.url, bundle.articles.length]),
    [
      ['/pagefind/0/', 10],
      ['/pagefind/1/', 10],
      ['/pagefind/2-0/', 2],
      ['/pagefind/2-1/', 2],
      ['/pagefind/2-2/', 2],
      ['/pagefind/2-3/', 2],
      ['/pagefind/2-4/', 2],
      ['/pagefind/3-0/', 2],
      ['/pagefind/3-1/', 1],
    ]
  )
  assert.is(bundles[0]?.articles[0], '/a/0/')
  assert.is(bundles.at(-1)?.articles.at(-1), '/a/32/')
})

test('should keep the run before a one-article newest run in fifths: the first older answer costs a fifth of a run', () => {
  assert.equal(shape(21, 10), [
    ['/pagefind/0/', 10],
    ['/pagefind/1-0/', 2],
    ['/pagefind/1-1/', 2],
    ['/pagefind/1-2/', 2],
    ['/pagefind/1-3/', 2],
    ['/pagefind/1-4/', 2],
    ['/pagefind/2-0/', 1],
  ])
})

test('should split a small archive whole, and plan nothing for none', () => {
  assert.equal(
    shape(20, 10).map(([url]) => url),
    [
      '/pagefind/0-0/',
      '/pagefind/0-1/',
      '/pagefind/0-2/',
      '/pagefind/0-3/',
      '/pagefind/0-4/',
      '/pagefind/1-0/',
      '/pagefind/1-1/',
      '/pagefind/1-2/',
      '/pagefind/1-3/',
      '/pagefind/1-4/',
    ]
  )
  assert.equal(shape(3, 10), [
    ['/pagefind/0-0/', 2],
    ['/pagefind/0-1/', 1],
  ])
  assert.equal(shape(0, 10), [])
})

/** The bundles of `after` that are not in `before` as they were. */
const changed = (before: number, after: number, size: number): string[] => {
  const old = planSearchBundles(archive(before), size)
  return planSearchBundles(archive(after), size)
    .filter((bundle) => JSON.stringify(bundle) !== JSON.stringify(old.find((other) => other.url === bundle.url)))
    .map((bundle) => bundle.url)
}

test('should change only the newest bundle when an article is published, within a run', () => {
  assert.equal(changed(32, 33, 10), ['/pagefind/3-1/'])
})

test('should join only the run two before when a publish starts a new run, the run before it still in fifths', () => {
  assert.equal(changed(30, 31, 10), ['/pagefind/1/', '/pagefind/3-0/'])
})

test.run()
