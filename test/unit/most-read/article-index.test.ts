import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadContent, type ContentSources } from '../../../src/content/index.ts'
import { indexArticles, indexedPaths, parseIndex, serialiseIndex, stampOfIndex } from '../../../src/most-read/article-index.ts'
import { articlePaths } from '../../../src/most-read/article-paths.ts'
import { checkSite, planSite } from '../../../src/site/index.ts'
import { fixtureSite, testNow } from '../../helpers/fixtures.ts'

const test = suite('articleIndex')
const scheduled = Date.parse('2031-01-01T00:00:00Z')

let sources: ContentSources | undefined

test.before(async () => {
  sources = checkSite(await loadContent({ contentDir: fixtureSite })).sources
})

function loaded(): ContentSources {
  if (sources === undefined) throw new Error('the fixture site did not load')
  return sources
}

/** What most-read counted before the index: the site planned at `now`. */
function planned(now: number) {
  const model = planSite(loaded(), { now })
  return { paths: articlePaths(model), scopes: { categories: Object.keys(model.categories).sort(), districts: [...model.navigation.places] } }
}

test('should give the paths and lists of the site planned at the same "now", read back from its text', () => {
  const index = parseIndex(Buffer.from(serialiseIndex(indexArticles(loaded(), 'stamp'))))
  assert.ok(index)
  for (const now of [testNow, Date.parse('2032-01-01T00:00:00Z')]) assert.equal(indexedPaths(index, now), planned(now), new Date(now).toISOString())
})

test('should keep a scheduled article, counted once its time has come, and never a draft', () => {
  const index = indexArticles(loaded(), 'stamp')
  const urls = index.articles.map((article) => article.url)
  assert.ok(
    urls.some((url) => url.startsWith('/2031/01/')),
    urls.join(' ')
  )
  assert.not.ok(
    urls.some((url) => url.includes('ban-nhap')),
    urls.join(' ')
  )
  const counted = (now: number): string[] => indexedPaths(index, now).paths.articles.map((article) => article.url)
  assert.not.ok(counted(testNow).some((url) => url.startsWith('/2031/01/')))
  assert.ok(counted(scheduled + 366 * 86_400_000).some((url) => url.startsWith('/2031/01/')))
})

test('should write one line per article after two of header, the same bytes for the same content', () => {
  const text = serialiseIndex(indexArticles(loaded(), 'stamp'))
  const lines = text.split('\n')
  assert.is(lines.length, 2 + indexArticles(loaded(), 'stamp').articles.length + 1)
  assert.is(lines.at(-1), '')
  assert.is(stampOfIndex(lines[0] as string), 'stamp')
  assert.is(serialiseIndex(indexArticles(loaded(), 'stamp')), text)
  // Categories and places are written once, in the header, and referred to by number.
  assert.not.ok((lines[2] as string).includes('thoi-su'), lines[2])
})

test('should read nothing from a cut-short or edited index, or one of another version', () => {
  const text = serialiseIndex(indexArticles(loaded(), 'stamp'))
  assert.is(parseIndex(Buffer.from(text.slice(0, -5))), undefined)
  assert.is(parseIndex(Buffer.from(text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1).concat('[1,"/a/"]\n'))), undefined)
  assert.is(parseIndex(Buffer.from(text.replace('"version":1', '"version":0'))), undefined)
  assert.is(stampOfIndex('{"version":1}'), undefined)
  assert.is(stampOfIndex('not json'), undefined)
  // A place number the header's table does not hold.
  const rows = text.split('\n')
  rows[2] = (rows[2] as string).replace(/,(-?\d+),(-?\d+)(,|\])/, ',$1,99$3')
  assert.is(parseIndex(Buffer.from(rows.join('\n'))), undefined)
})

test.run()
