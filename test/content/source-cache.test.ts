import { copyFile, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadContent } from '../../src/content/index.ts'
import { formatProblems } from '../../src/problems/index.ts'
import { contentWith, fixtures, removeDir, tempDir } from '../helpers/fixtures.ts'

// A cached article is used only while nothing it was made from has changed.
const test = suite('source cache')
let content = ''
let cache = ''

test.before(async () => {
  content = await contentWith(join(fixtures, 'errors', 'unknown-key'), { keepSiteArticles: true })
  cache = await tempDir('source-cache')
})

test.after(async () => {
  await removeDir(content)
  await removeDir(cache)
})

test('should give the same sources and warnings from the cache', async () => {
  const cold = await loadContent({ contentDir: content, cacheDir: cache })
  assert.is(cold.reused, 0)
  const warm = await loadContent({ contentDir: content, cacheDir: cache })
  assert.is(warm.reused, 6, 'every article that loaded')
  assert.equal(warm.sources, cold.sources)
  assert.is(formatProblems(warm.files, content), formatProblems(cold.files, content))
  assert.match(formatProblems(warm.files, content), 'Unknown front-matter key "localty"')
})

test('should load an edited article again', async () => {
  const path = join(content, 'articles/2020/03/hai-tac-gia-va-dinh-chinh.md')
  await writeFile(path, (await readFile(path, 'utf8')).replace('Hoằng Hóa mở rộng đường liên xã', 'Hoằng Hóa nâng cấp đường liên xã'))
  const result = await loadContent({ contentDir: content, cacheDir: cache })
  assert.is(result.reused, 5)
  assert.ok(result.sources?.articles.some((article) => article.title === 'Hoằng Hóa nâng cấp đường liên xã'))
})

test('should load again an article whose image changed, or now resolves to another file', async () => {
  const before = await loadContent({ contentDir: content, cacheDir: cache })
  const urlOf = (sources: typeof before.sources) => sources?.articles.find((article) => article.slug === 'hai-tac-gia-va-dinh-chinh')?.images[0]?.url
  // New bytes under the same name: new hash, new URL.
  await copyFile(join(fixtures, 'images', 'media', 'canh-dong.jpg'), join(content, 'media', 'duong-lien-xa.jpg'))
  const changed = await loadContent({ contentDir: content, cacheDir: cache })
  assert.is(changed.reused, 5)
  assert.not.equal(urlOf(changed.sources), urlOf(before.sources))
  // A file beside the article wins over media/: the article must see it.
  await copyFile(join(fixtures, 'images', 'media', 'logo-hoi-nghi.png'), join(content, 'articles/2020/03/duong-lien-xa.jpg'))
  const shadowed = await loadContent({ contentDir: content, cacheDir: cache })
  assert.is(shadowed.reused, 5)
  assert.is(
    shadowed.sources?.articles.find((article) => article.slug === 'hai-tac-gia-va-dinh-chinh')?.images[0]?.set.source,
    join(content, 'articles/2020/03/duong-lien-xa.jpg')
  )
})

test.run()
