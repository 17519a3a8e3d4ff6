import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { articleOfPath, normalisePath } from '../../../src/most-read/article-paths.ts'
import { smallSite } from '../../helpers/most-read-model.ts'

const test = suite('articlePaths')

test('should find an article by its URL, index.html, a missing slash, a query string and its aliases', () => {
  const paths = smallSite()
  for (const path of [
    '/2019/10/mot/',
    '/2019/10/mot/index.html',
    '/2019/10/mot',
    '/2019/10/mot/?utm_source=zalo&fbclid=1',
    '/2019/10/mot/#binh-luan',
    '//2019//10/mot/',
    '/tin-cu/mot-108456.htm',
    '/tin-cu/mot-108456.htm?id=1',
    '/b%C3%A0i-c%C5%A9/m%E1%BB%99t/',
    'https://tinxuthanh.example/2019/10/mot/',
  ])
    assert.is(articleOfPath(paths, path), 2, path)
})

test('should find nothing for other pages, assets and malformed escapes', () => {
  const paths = smallSite()
  for (const path of ['', '-', '/', '/2019/10/', '/2019/10/mot/anh.jpg', '/feed.xml', '/tim-kiem/?q=mot', '/2019/10/mot%E0/', '/2019/10/khong-co/'])
    assert.is(articleOfPath(paths, path), undefined, path)
})

test("should strip the base URL's path when the site lives under one", () => {
  const paths = smallSite('https://example.vn/tin')
  assert.is(articleOfPath(paths, '/tin/2020/03/hai/'), 1)
  assert.is(articleOfPath(paths, '/tin/2020/03/hai/index.html'), 1)
  assert.is(normalisePath('/tin', '/tin'), '/')
  assert.is(normalisePath('/tintuc/a/', '/tin'), '/tintuc/a/')
})

test('should keep each article with its category and district-level place', () => {
  const { articles } = smallSite()
  assert.equal(articles[2], { url: '/2019/10/mot/', title: 'Bài /2019/10/mot/', published: 1, category: 'thoi-su', district: 'tp-thanh-hoa' })
  assert.equal(articles[0], { url: '/2024/05/ba/', title: 'Bài /2024/05/ba/', published: 3, district: 'tp-thanh-hoa' })
})

test.run()
