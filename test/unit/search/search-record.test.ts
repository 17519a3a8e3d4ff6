import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadContent } from '../../../src/content/index.ts'
import { dSpellings, searchRecord } from '../../../src/search/index.ts'
import { planSite } from '../../../src/site/index.ts'
import { fixtureSite, testNow } from '../../helpers/fixtures.ts'

const test = suite('searchRecord')

/** The record of the fixture's article with images, planned once for the suite. */
let record: Promise<string> | undefined
function fixtureRecord(): Promise<string> {
  record ??= (async () => {
    const { sources } = await loadContent({ contentDir: fixtureSite })
    assert.ok(sources)
    const model = planSite(sources, { now: testNow })
    const article = model.articles.find((entry) => entry.url === '/2019/10/hoi-nghi-lang-nghe/')
    assert.ok(article)
    const bodies = await sources.bodies.read([article.id])
    return searchRecord({ ...article, bodyHtml: bodies.get(article.id) ?? '' }, model)
  })()
  return record
}

test('should index title, lead, body and captions with meta and filters, and nothing of the page around them', async () => {
  const html = await fixtureRecord()
  assert.match(html, '<html lang="vi"><body><h1>Hội nghị lắng nghe ý kiến người dân phường Điện Biên</h1><p data-pagefind-weight="3">Sáng nay, phường tổ chức')
  assert.match(html, '<figcaption>Người dân dự hội nghị tại hội trường phường.')
  assert.match(html, '<span data-pagefind-meta="date:Thứ năm, 24/10/2019 - 09:15"></span>')
  assert.match(html, '<span data-pagefind-meta="locality:Phường Điện Biên"></span>')
  assert.match(html, /<span data-pagefind-meta="image:\/media\/[0-9a-f]{2}\/hoi-truong-320\.[0-9a-f]{10}\.webp"><\/span>/)
  for (const place of ['thanh-hoa', 'tp-thanh-hoa', 'dien-bien']) assert.match(html, `<span data-pagefind-filter="locality:${place}"></span>`)
  assert.match(html, '<span data-pagefind-filter="author:to-phuong"></span>')
  assert.match(html, '<span data-pagefind-filter="year:2019"></span>')
  assert.match(html, '<span data-pagefind-filter="category:Thời sự"></span>')
  assert.match(html, '<span data-pagefind-sort="date:2019-10-24T02:15:00.000Z"></span>')
  assert.not.match(html, 'Tin liên quan')
  assert.not.match(html, 'site-header')
})

test('should add the đ-words spelled with d after a marker, weighted like title, lead and body', async () => {
  const html = await fixtureRecord()
  const folded = html.slice(html.indexOf('<p>⁂</p>'))
  assert.match(folded, '<p data-pagefind-weight="7">Diện</p>')
  assert.not.match(folded, /đ|Đ/, 'the copy holds no đ')
})

test('dSpellings should keep only words with đ, each đ as d, repeats and tone marks kept', () => {
  assert.equal(dSpellings('Đường <b>đến</b> HĐND, đường làng và Công an'), ['Dường', 'dến', 'HDND', 'dường'])
})

test.run()
