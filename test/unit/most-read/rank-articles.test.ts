import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { listLength, rankArticles, serialiseList } from '../../../src/most-read/rank-articles.ts'
import type { ReadArticle } from '../../../src/most-read/article-paths.ts'

const test = suite('rankArticles')

const articles: ReadArticle[] = Array.from({ length: 14 }, (_, index) => ({
  url: `/2026/11/bai-${index}/`,
  title: `Bài "${index}" <b>`,
  published: index,
  ...(index % 2 === 0 ? { category: 'thoi-su' } : {}),
  district: index < 3 ? 'hoang-hoa' : 'tp-thanh-hoa',
}))

test('should rank by readers, then the newer article, then the URL, ten per list', () => {
  const readers = new Map([
    ['24h', new Map(articles.map((_, index) => [index, index === 1 || index === 2 ? 50 : 10] as const))],
    ['7d', new Map([[0, 3]])],
  ])
  const lists = rankArticles(articles, readers, { categories: ['thoi-su', 'kinh-te'], districts: ['tp-thanh-hoa', 'hoang-hoa'] })
  assert.equal(
    lists.map((list) => list.url),
    [
      '/doc-nhieu/index.json',
      '/doc-nhieu/chuyen-muc/thoi-su.json',
      '/doc-nhieu/chuyen-muc/kinh-te.json',
      '/doc-nhieu/dia-phuong/tp-thanh-hoa.json',
      '/doc-nhieu/dia-phuong/hoang-hoa.json',
    ]
  )
  const site = lists[0]?.windows['24h'] ?? []
  assert.is(site.length, listLength)
  assert.equal(
    site.map((article) => article.published),
    [2, 1, 13, 12, 11, 10, 9, 8, 7, 6]
  )
  assert.equal(
    lists[1]?.windows['24h']?.map((article) => article.published),
    [2, 12, 10, 8, 6, 4, 0]
  )
  assert.equal(lists[2]?.windows, { '24h': [], '7d': [] }, 'a category nobody read has empty lists')
  assert.equal(
    lists[4]?.windows['24h']?.map((article) => article.published),
    [2, 1, 0]
  )
  assert.equal(
    lists[0]?.windows['7d']?.map((article) => article.published),
    [0]
  )
})

test('should write titles and URLs only, the same bytes for the same order', () => {
  const readers = (counts: number[]) => new Map([['24h', new Map(counts.map((count, index) => [index, count] as const))]])
  const scopes = { categories: [], districts: [] }
  const one = serialiseList(rankArticles(articles, readers([5, 9, 7]), scopes)[0] as never)
  const two = serialiseList(rankArticles(articles, readers([50, 90, 70]), scopes)[0] as never)
  assert.is(one, two, 'other counts, same order: same file')
  assert.is(
    one,
    `{"version":1,"windows":{"24h":[{"url":"/2026/11/bai-1/","title":"Bài \\"1\\" <b>"},{"url":"/2026/11/bai-2/","title":"Bài \\"2\\" <b>"},{"url":"/2026/11/bai-0/","title":"Bài \\"0\\" <b>"}]}}\n`
  )
})

test.run()
