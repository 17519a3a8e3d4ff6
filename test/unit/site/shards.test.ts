import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parseShard, shardOf, shardShare, type SearchBundle } from '../../../src/site/index.ts'

const test = suite('site/shards')

/** Bundles of the given sizes (articles) with articles of 1,000 bytes, except where noted. */
function bundles(sizes: readonly number[]): SearchBundle[] {
  return sizes.map((size, index) => ({ url: `/pagefind/${index}/`, articles: Array.from({ length: size }, (_, article) => `/b${index}/a${article}/`) }))
}

test('should read I/N with 1 ≤ I ≤ N and nothing else', () => {
  assert.equal(parseShard('3/8'), { index: 3, count: 8 })
  assert.equal(parseShard('1/1'), { index: 1, count: 1 })
  for (const text of ['0/3', '4/3', '3', '1/0', '-1/2', '1.5/2', 'a/b', '1/2/3', '']) assert.is(parseShard(text), undefined, text)
})

test('should give every bundle to exactly one shard, for any number of shards', () => {
  const all = bundles([5, 5, 5, 5, 5, 1, 1, 1, 1, 1])
  for (const count of [1, 2, 3, 5, 8, 13]) {
    const shares = Array.from({ length: count }, (_, index) => shardShare(all, () => 1000, { index: index + 1, count }))
    const given = shares.flatMap((share) => [...share.bundles]).sort()
    assert.equal(given, all.map((bundle) => bundle.url).sort(), `${count} shards`)
    const articles = shares.reduce((sum, share) => sum + share.articles.size, 0)
    assert.is(articles, 30, 'each article with its bundle')
  }
})

test('should balance by bytes of Markdown: no shard more than one bundle above the lightest', () => {
  // Bundles of equal length but articles of different sizes: bytes decide, not counts.
  const all = bundles([4, 4, 4, 4, 4, 4])
  const bytes = (url: string): number => (url.startsWith('/b0/') || url.startsWith('/b1/') ? 5000 : 1000)
  const loads = [1, 2, 3].map((index) => {
    const share = shardShare(all, bytes, { index, count: 3 })
    return [...share.articles].reduce((sum, url) => sum + bytes(url), 0)
  })
  assert.equal(
    loads.sort((a, b) => a - b),
    [16000, 20000, 20000]
  )
})

test('should share the same way whatever order the bundles come in', () => {
  const all = bundles([3, 7, 2, 7, 5, 1])
  for (const index of [1, 2, 3]) {
    const forward = shardShare(all, () => 100, { index, count: 3 })
    const backward = shardShare([...all].reverse(), () => 100, { index, count: 3 })
    assert.equal([...forward.bundles].sort(), [...backward.bundles].sort())
  }
})

test('should leave shards without work when there are more shards than bundles', () => {
  const shares = [1, 2, 3, 4].map((index) => shardShare(bundles([2, 2]), () => 1, { index, count: 4 }))
  assert.equal(shares.map((share) => share.bundles.size).sort(), [0, 0, 1, 1])
})

test('should give each shard consecutive bundles, so that only a shard boundary splits a month', () => {
  const all = bundles(Array.from({ length: 100 }, () => 10))
  const shares = Array.from({ length: 8 }, (_, index) => shardShare(all, () => 1000, { index: index + 1, count: 8 }))
  for (const share of shares) {
    const numbers = [...share.bundles].map((url) => Number(/(\d+)\/$/.exec(url)?.[1])).sort((a, b) => a - b)
    assert.equal(
      numbers,
      Array.from({ length: numbers.length }, (_, offset) => (numbers[0] ?? 0) + offset),
      'a run'
    )
    assert.ok(numbers.length === 12 || numbers.length === 13, `100 equal bundles in 8 runs of 12 or 13: ${numbers.length}`)
  }
  assert.equal([...(shares[0]?.bundles ?? [])].at(0), '/pagefind/0/', 'the oldest first')
})

test('should spread other pages over every shard, the same on every run', () => {
  const urls = Array.from({ length: 400 }, (_, index) => `/dia-phuong/xa-${index}/trang/${index % 7}/`)
  const counts = [0, 0, 0, 0]
  for (const url of urls) {
    const shard = shardOf(url, 4)
    assert.ok(shard >= 1 && shard <= 4)
    assert.is(shardOf(url, 4), shard)
    counts[shard - 1] = (counts[shard - 1] ?? 0) + 1
  }
  for (const count of counts) assert.ok(count > 60, `spread: ${counts.join(', ')}`)
})

test.run()
