import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadRegistries } from '../../../src/content/index.ts'
import { adminPage, adminSearchSettings } from '../../../src/publish/cms-admin.ts'
import { cmsConfig } from '../../../src/site/cms-config.ts'
import { stringsFor } from '../../../src/site/strings.ts'
import { editorRoute } from '../../../templates/client/cms/editor-route.ts'
import { fixtureSite } from '../../helpers/fixtures.ts'

const test = suite('editorRoute')
const collections = [
  { name: 'articles', folder: '2026/11' },
  { name: 'articles-2026-10', folder: '2026/10' },
  { name: 'articles-2026', folder: '2026' },
  { name: 'articles-2005', folder: '2005' },
]

test("should open an article of a month with a collection in that month's collection", () => {
  assert.is(editorRoute('/2026/11/le-hoi-dau-thang/', collections), '#/collections/articles/entries/le-hoi-dau-thang')
  assert.is(editorRoute('/2026/10/mua-lua/', collections), '#/collections/articles-2026-10/entries/mua-lua')
})

test('should open any older article in its year, the month in the entry', () => {
  assert.is(editorRoute('/2005/03/duong-lien-xa/', collections), '#/collections/articles-2005/entries/03/duong-lien-xa')
  assert.is(editorRoute('http://127.0.0.1:8080/2026/02/tet/', collections), '#/collections/articles-2026/entries/02/tet')
})

test('should open nothing for a page that is no article or a year without a collection', () => {
  assert.is(editorRoute('/dia-phuong/tp-thanh-hoa/', collections), undefined)
  assert.is(editorRoute('/2004/01/x/', collections), undefined)
})

test('should give the admin page the collections by folder, the search page and the words', async () => {
  const { registries } = await loadRegistries(fixtureSite)
  if (!registries) throw new Error('the fixture registries do not load')
  const config = cmsConfig(registries, { archive: { now: Date.parse('2026-11-20T00:00:00Z'), months: ['2005/03', '2026/10', '2026/11'] } })
  const settings = adminSearchSettings(config, stringsFor('vi').cms)
  assert.equal(settings.collections, [
    { name: 'articles', folder: '2026/11' },
    { name: 'articles-2026-10', folder: '2026/10' },
    { name: 'articles-2026', folder: '2026' },
    { name: 'articles-2005', folder: '2005' },
    { name: 'articles-2005-03', folder: '2005/03' },
  ])
  // A found article of the archive opens in its month's hidden collection, whose list is one month.
  assert.is(editorRoute('/2005/03/duong-lien-xa/', settings.collections), '#/collections/articles-2005-03/entries/duong-lien-xa')
  assert.is(settings.titleIndex, '/pagefind/titles/')
  assert.is(settings.strings.search, 'Tìm bài để sửa')
  const html = adminPage('Soạn bài', '/d.js', '/a.js', settings)
  const attribute = /<body data-cms-search="([^"]*)">/.exec(html)?.[1] ?? ''
  assert.equal(JSON.parse(attribute.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))), settings)
})

test.run()
