import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { pruneCacheFolder, removeOldLayout, temporaryPath } from '../../../src/cache/index.ts'
import { folderKey, loadContent } from '../../../src/content/index.ts'
import { planImage, processImages } from '../../../src/images/index.ts'
import { contentWith, removeDir, tempDir } from '../../helpers/fixtures.ts'

// Caches hold what the last build used and nothing else: at 100,000 articles every left-over body
// and image would stay in CI's cache archive for good.
const test = suite('cache store')
let work = ''
let content = ''

test.before(async () => {
  work = await tempDir('cache-store')
  content = await contentWith(undefined, { keepSiteArticles: true })
})

test.after(async () => {
  await removeDir(work)
  await removeDir(content)
})

/** Every file under a folder, relative, sorted. */
async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort()
}

test('should remove the entries not used, walking only into folders that hold used ones', async () => {
  const dir = join(work, 'prune')
  for (const name of ['ab/used.json', 'ab/unused.json', 'cd/unused.json', 'bundle/a.pf', 'bundle/b.pf', 'old-bundle/a.pf']) {
    await mkdir(join(dir, name, '..'), { recursive: true })
    await writeFile(join(dir, name), name)
  }
  // Left by a build of this process that is still going: kept.
  await writeFile(temporaryPath(join(dir, 'ab', 'next.json')), 'half')
  assert.is(await pruneCacheFolder(dir, ['ab/used.json', 'bundle']), 3)
  const left = await filesIn(dir)
  assert.equal(
    left.filter((name) => !name.includes('toasoan-tmp')),
    ['ab/used.json', 'bundle/a.pf', 'bundle/b.pf']
  )
  assert.is(left.length, 4)
})

test('should keep the bodies of articles taken from the source cache, and prune those of removed articles (not on a load that changed nothing or only added articles)', async () => {
  const cacheDir = join(work, 'cache')
  const markdown = join(cacheDir, 'markdown', folderKey(content))
  assert.ok((await loadContent({ contentDir: content, cacheDir })).sources)
  const cold = await filesIn(markdown)
  assert.ok(cold.length >= 3, `${cold.length} bodies cached`)
  await writeFile(join(markdown, 'stray.json'), '{}')
  const warm = await loadContent({ contentDir: content, cacheDir })
  assert.ok((warm.reused ?? 0) > 0, 'articles from the source cache')
  // A load that changed nothing does not list the folder (100,000 files at 100,000 articles).
  assert.equal(await filesIn(markdown), [...cold, 'stray.json'].sort(), 'their bodies are still there, and so is the stray file')
  // A load that only adds an article (a publish) adds its body and lists nothing either.
  const added = join(content, 'articles/2020/03/bai-moi-them.md')
  const source = await readFile(join(content, 'articles/2020/03/hai-tac-gia-va-dinh-chinh.md'), 'utf8')
  await writeFile(added, source.replace(/^title: .*$/m, 'title: "Bài mới thêm"').replace(/\n\n/, '\n\nMột đoạn mới.\n\n'))
  assert.ok((await loadContent({ contentDir: content, cacheDir })).sources)
  const published = await filesIn(markdown)
  assert.ok(published.includes('stray.json'), 'the stray file waits for a load that may have left a body unused')
  assert.ok(published.length > cold.length + 1, 'the new article’s body is cached')
  await rm(added)
  await rm(join(content, 'articles/2020/03/hai-tac-gia-va-dinh-chinh.md'))
  assert.ok((await loadContent({ contentDir: content, cacheDir })).sources)
  const after = await filesIn(markdown)
  assert.is(after.length, cold.length - 1, 'the removed articles’ bodies and the stray file are pruned')
  assert.ok(after.every((name) => cold.includes(name)))
})

test('should remove processed images no longer published', async () => {
  const loaded = await loadContent({ contentDir: content })
  const sets = (loaded.sources?.media ?? []).map((media) => planImage(media))
  assert.ok(sets.length >= 2)
  const cacheDir = join(work, 'images')
  const first = await processImages(sets, { outputDir: join(work, 'out-1'), cacheDir, concurrency: 2 })
  assert.is(first.processed, sets.length)
  const all = await filesIn(cacheDir)
  await writeFile(join(cacheDir, 'made-by-older-code.avif'), '')
  const second = await processImages(sets.slice(0, 1), { outputDir: join(work, 'out-2'), cacheDir, concurrency: 2 })
  assert.equal(second, { processed: 0, cached: 1, deployed: 0 })
  const kept = await filesIn(cacheDir)
  const names = (sets[0]?.variants ?? []).map((variant) => variant.url.slice('/media/'.length)).sort()
  assert.equal(kept.map((name) => name.slice(name.indexOf('/') + 1)).sort(), names)
  assert.ok(kept.length < all.length)
})

test('should remove what the layout before per-content caches left, and keep every content folder’s cache', async () => {
  const root = join(work, 'old-layout')
  const current = folderKey(content)
  await mkdir(join(root, current), { recursive: true })
  await writeFile(join(root, current, 'entry.json'), '{}')
  await mkdir(join(root, 'ab'), { recursive: true })
  await writeFile(join(root, 'ab', 'abcdef.json'), '{}')
  await writeFile(join(root, 'anh.0123456789.webp'), '')
  assert.is(await removeOldLayout(root), 2)
  assert.equal(await filesIn(root), [`${current}/entry.json`])
})

test.run()
