import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { planSearchShards } from '../../src/site/index.ts'
import type { ArticleModel } from '../../src/site/index.ts'

const test = suite('planSearchShards')

const archive = (count: number): ArticleModel[] => Array.from({ length: count }, (_, index) => ({ url: `/a/${count - 1 - index}/` }) as ArticleModel)

test('should split the newest run into fifths, older runs whole, oldest first', () => {
  const shards = planSearchShards(archive(23), 10)
  assert.equal(
    shards.map((shard) => [shard.bundle, shard.articles.length]),
    [['/pagefind/0/', 10], ['/pagefind/1/', 10], ['/pagefind/2-0/', 2], ['/pagefind/2-1/', 1]]
  )
  assert.is(shards[0]?.articles[0], '/a/0/')
})

test('should keep a complete newest run split, so the first answer stays small at a round size', () => {
  assert.equal(planSearchShards(archive(20), 10).map((shard) => shard.bundle), ['/pagefind/0/', '/pagefind/1-0/', '/pagefind/1-1/', '/pagefind/1-2/', '/pagefind/1-3/', '/pagefind/1-4/'])
})

test('should change only the newest bundle when an article is published, within a run', () => {
  const before = planSearchShards(archive(22), 10)
  const after = planSearchShards(archive(23), 10)
  const changed = after.filter((shard) => JSON.stringify(shard) !== JSON.stringify(before.find((old) => old.bundle === shard.bundle)))
  assert.equal(changed.map((shard) => shard.bundle), ['/pagefind/2-1/'])
})

test.run()
