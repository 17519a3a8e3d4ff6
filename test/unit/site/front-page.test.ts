import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { ArticleModel, ArticleTeaser, LocalityModel } from '../../../src/site/index.ts'
import { planFrontPage, teaserOf } from '../../../src/site/index.ts'
import { articleModel } from '../../helpers/article-model.ts'

const test = suite('planFrontPage')

function place(id: string, ancestors: string[], district?: string): LocalityModel {
  return {
    id,
    name: id,
    kind: 'huyện',
    kindLabel: 'Huyện',
    url: `/dia-phuong/${id}/`,
    feed: '',
    fragment: '',
    ancestors,
    children: [],
    articleCount: 0,
    ...(district === undefined ? {} : { district }),
  }
}

const localities: Record<string, LocalityModel> = {
  tinh: place('tinh', []),
  'huyen-a': place('huyen-a', ['tinh'], 'huyen-a'),
  'xa-a': place('xa-a', ['tinh', 'huyen-a'], 'huyen-a'),
  'huyen-b': place('huyen-b', ['tinh'], 'huyen-b'),
  'huyen-c': place('huyen-c', ['tinh'], 'huyen-c'),
}

/** Articles newest first: `n` is how recent (higher is newer). */
function article(n: number, locality: string, options: { category?: string; featured?: boolean } = {}): ArticleModel {
  return articleModel(n, { locality, featured: options.featured === true, ...(options.category === undefined ? {} : { category: options.category }) })
}

function plan(articles: ArticleModel[]) {
  const sorted = [...articles].sort((a, b) => b.published - a.published)
  const teasers = new Map<string, ArticleTeaser>(sorted.map((entry) => [entry.url, teaserOf(entry, {})]))
  return planFrontPage(sorted, { teasers, categories: ['thoi-su', 'kinh-te', 'van-hoa'], places: ['huyen-a', 'huyen-b', 'huyen-c'], localities })
}

const urlsOf = (list: ArticleTeaser[]): string[] => list.map((teaser) => teaser.url)

test('should lead with the newest articles when none is featured', () => {
  const home = plan(Array.from({ length: 8 }, (_, index) => article(index + 1, 'xa-a')))
  assert.is(home.lead?.teaser.url, '/2024/01/a8/')
  assert.equal(urlsOf(home.secondary), ['/2024/01/a7/', '/2024/01/a6/', '/2024/01/a5/', '/2024/01/a4/'])
})

test('should lead with featured articles, newest first, and fill the grid with the newest others', () => {
  const home = plan([
    article(1, 'xa-a', { featured: true }),
    article(2, 'xa-a'),
    article(3, 'xa-a', { featured: true }),
    article(4, 'xa-a'),
    article(5, 'xa-a'),
    article(6, 'xa-a'),
  ])
  assert.is(home.lead?.teaser.url, '/2024/01/a3/')
  assert.equal(urlsOf(home.secondary), ['/2024/01/a1/', '/2024/01/a6/', '/2024/01/a5/', '/2024/01/a4/'])
})

test('should give each category a section of its newest articles not shown above, and drop empty ones', () => {
  const articles = [
    ...Array.from({ length: 5 }, (_, index) => article(100 + index, 'huyen-b', { category: 'thoi-su' })),
    ...Array.from({ length: 7 }, (_, index) => article(10 + index, 'huyen-b', { category: 'kinh-te' })),
    article(1, 'huyen-b', { category: 'van-hoa', featured: true }),
  ]
  const home = plan(articles)
  const top = [home.lead?.teaser.url, ...urlsOf(home.secondary)]
  assert.equal(top, ['/2024/01/a1/', '/2024/01/a104/', '/2024/01/a103/', '/2024/01/a102/', '/2024/01/a101/'])
  assert.equal(
    home.sections.map((section) => section.category),
    ['thoi-su', 'kinh-te'],
    'van-hoa has nothing left; unknown order never'
  )
  assert.equal(urlsOf(home.sections[0]?.articles ?? []), ['/2024/01/a100/'])
  assert.equal(urlsOf(home.sections[1]?.articles ?? []), ['/2024/01/a16/', '/2024/01/a15/', '/2024/01/a14/', '/2024/01/a13/'])
  const shown = [...top, ...home.sections.flatMap((section) => urlsOf(section.articles))]
  assert.is(new Set(shown).size, shown.length, 'no article twice')
})

test('should group places by district, wards included, without repeating what is above and without empty places', () => {
  const articles = [
    ...Array.from({ length: 5 }, (_, index) => article(50 + index, 'huyen-c', { category: 'thoi-su' })),
    article(3, 'xa-a'),
    article(2, 'huyen-a'),
    article(1, 'tinh'),
  ]
  const home = plan(articles)
  assert.equal(
    home.places.map((block) => block.locality),
    ['huyen-a'],
    'huyen-b has no article, huyen-c is all above'
  )
  assert.equal(urlsOf(home.places[0]?.articles ?? []), ['/2024/01/a3/', '/2024/01/a2/'])
  const shown = [
    home.lead?.teaser.url,
    ...urlsOf(home.secondary),
    ...home.sections.flatMap((section) => urlsOf(section.articles)),
    ...home.places.flatMap((block) => urlsOf(block.articles)),
  ]
  assert.is(new Set(shown).size, shown.length, 'no article twice')
  assert.ok(!shown.includes('/2024/01/a1/') || home.lead?.teaser.url === '/2024/01/a1/', 'a province-wide article belongs to no district block')
})

test('should list "Tin mới" newest first without the top stories', () => {
  const home = plan(Array.from({ length: 20 }, (_, index) => article(index + 1, 'huyen-b', { category: 'thoi-su' })))
  assert.equal(
    urlsOf(home.latest),
    [15, 14, 13, 12, 11, 10, 9, 8].map((n) => `/2024/01/a${n}/`)
  )
})

test('should plan an empty front page for an empty archive', () => {
  assert.equal(plan([]), { secondary: [], sections: [], places: [], latest: [] })
})

test.run()
