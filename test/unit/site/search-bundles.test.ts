import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { planSearchBundles } from '../../../src/site/index.ts'
import type { ArticleModel } from '../../../src/site/index.ts'

const test = suite('planSearchBundles')

const archive = (count: number): ArticleModel[] => Array.from({ length: count }, (_, index) => ({ url: `/a/${count - 1 - index}/` }) as ArticleModel)
const shape = (count: number, size: number) => planSearchBundles(archive(count), size).map((bundle) => [bundle.url, bundle.articles.length])

test('should cut the archive into bundles of the size, oldest first, the newest holding what is left', () => {
  const bundles = planSearchBundles(archive(33), 10)
  assert.equal(
    bundles.map((bundle) => [bundle.url, bundle.articles.length]),
    [
      ['/pagefind/0/', 10],
      ['/pagefind/1/', 10],
      ['/pagefind/2/', 10],
      ['/pagefind/3/', 3],
    ]
  )
  assert.is(bundles[0]?.articles[0], '/a/0/')
  assert.is(bundles.at(-1)?.articles.at(-1), '/a/32/')
})

test('should plan one bundle for a small archive, and nothing for none', () => {
  assert.equal(shape(3, 10), [['/pagefind/0/', 3]])
  assert.equal(shape(10, 10), [['/pagefind/0/', 10]])
  assert.equal(shape(0, 10), [])
})

/** The bundles of `after` that are not in `before` as they were. */
const changed = (before: number, after: number, size: number): string[] => {
  const old = planSearchBundles(archive(before), size)
  return planSearchBundles(archive(after), size)
    .filter((bundle) => JSON.stringify(bundle) !== JSON.stringify(old.find((other) => other.url === bundle.url)))
    .map((bundle) => bundle.url)
}

test('should change only the newest bundle when an article is published', () => {
  assert.equal(changed(32, 33, 10), ['/pagefind/3/'])
})

test('should add a bundle of one article when a publish fills the newest, and change no other', () => {
  assert.equal(changed(30, 31, 10), ['/pagefind/3/'])
  assert.equal(shape(31, 10).at(-1), ['/pagefind/3/', 1])
})

test.run()
