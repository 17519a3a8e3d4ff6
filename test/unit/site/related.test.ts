import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { ArticleSource } from '../../../src/content/index.ts'
import { relatedArticles } from '../../../src/site/index.ts'

const test = suite('relatedArticles')

function article(id: string, day: number, locality: string, tags: string[] = [], category?: string): ArticleSource {
  return {
    id,
    sourcePath: `${id}.md`,
    slug: id,
    title: id,
    summary: '',
    date: { iso: '', epoch: Date.UTC(2020, 0, day) },
    authors: ['a'],
    locality,
    tags,
    imageFiles: [],
    leadPlaced: false,
    digest: '',
    draft: false,
    aliases: [],
    ...(category === undefined ? {} : { category }),
  }
}

test('should list only older articles, same locality first, newest first', () => {
  const articles = [article('a', 1, 'x', ['lúa']), article('b', 2, 'y', ['lúa']), article('c', 3, 'x'), article('d', 4, 'x', ['lúa'])]
  const related = relatedArticles(articles)
  assert.equal(related.get('a'), [])
  assert.equal(related.get('d'), ['c', 'a', 'b'])
  assert.equal(related.get('b'), ['a'])
})

test('should rank by shared tags and category after the locality', () => {
  const articles = [
    article('one-tag', 1, 'p', ['lúa']),
    article('two-tags', 2, 'q', ['lúa', 'mưa']),
    article('category', 3, 'r', [], 'kinh-te'),
    article('new', 4, 's', ['lúa', 'mưa'], 'kinh-te'),
  ]
  assert.equal(relatedArticles(articles).get('new'), ['two-tags', 'category', 'one-tag'])
})

test('should stop at the limit and never change when newer articles are added', () => {
  const base = Array.from({ length: 8 }, (_, index) => article(`n${index}`, index + 1, 'x'))
  const before = relatedArticles(base).get('n7')
  assert.is(before?.length, 5)
  const after = relatedArticles([...base, article('n8', 20, 'x')]).get('n7')
  assert.equal(after, before)
})

test.run()
