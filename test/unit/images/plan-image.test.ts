import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadContent } from '../../../src/content/index.ts'
import { imageEncoder, imageOptions, planImage } from '../../../src/images/index.ts'
import { fixtureSite } from '../../helpers/fixtures.ts'

// A published image name is the CDN's cache key (immutable for a year): whatever changes the
// bytes must change the name.
const test = suite('planImage')
const media = { sourcePath: '/x/anh.jpg', name: 'anh', hash: '0123456789abcdef', width: 1600, height: 1200, alpha: false }
const urls = (encoder: string, options = imageOptions): string[] => planImage(media, options, encoder).variants.map((variant) => variant.url)

test('should name every file anew when the encoder or an option changes, and keep names otherwise', () => {
  assert.equal(urls('a'), urls('a'))
  for (const [index, url] of urls('b').entries()) assert.is.not(url, urls('a')[index])
  for (const [index, url] of urls('a', { ...imageOptions, quality: { ...imageOptions.quality } }).entries()) assert.is(url, urls('a')[index])
})

test('should give the images an article shows the names of the encoder that runs', async () => {
  const { sources } = await loadContent({ contentDir: fixtureSite })
  // A lead image: the rest of an article's images are shown through its body's HTML.
  const used = sources?.media.find((media) => sources.articles.some(({ lead }) => lead?.set.source === media.sourcePath))
  assert.ok(used)
  const expected = planImage(used, imageOptions, await imageEncoder()).variants.map((variant) => variant.url)
  const shown = (sources?.articles ?? []).flatMap(({ lead }) => (lead?.set.source === used.sourcePath ? [lead.set.variants.map((variant) => variant.url)] : []))
  assert.ok(shown.length > 0)
  for (const urls of shown) assert.equal(urls, expected)
})

test.run()
