import { copyFile, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadContent } from '../../../src/content/index.ts'
import { formatProblems } from '../../../src/problems/index.ts'
import { contentWith, fixtures, removeDir, tempDir } from '../../helpers/fixtures.ts'

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
  assert.ok(warm.sources && cold.sources)
  const { bodies: warmBodies, ...warmSources } = warm.sources
  const { bodies: coldBodies, ...coldSources } = cold.sources
  assert.equal(warmSources, coldSources)
  const ids = cold.sources.articles.map((article) => article.id)
  assert.equal(await warmBodies.read(ids), await coldBodies.read(ids))
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

test("should keep bodies apart from the entries, and read an edited article's new body beside the others' cached ones", async () => {
  const path = join(content, 'articles/2020/03/hai-tac-gia-va-dinh-chinh.md')
  const before = await loadContent({ contentDir: content, cacheDir: cache })
  assert.ok(before.sources)
  const ids = before.sources.articles.map((article) => article.id)
  const old = await before.sources.bodies.read(ids)
  await writeFile(path, (await readFile(path, 'utf8')).replace(/\n\n([^\n]+)\n/, '\n\nMột đoạn mở đầu mới.\n\n$1\n'))
  const after = await loadContent({ contentDir: content, cacheDir: cache })
  assert.is(after.reused, 5)
  const edited = after.sources?.articles.find((article) => article.sourcePath.endsWith('hai-tac-gia-va-dinh-chinh.md'))
  assert.ok(after.sources && edited)
  const bodies = await after.sources.bodies.read(ids)
  for (const id of ids) {
    if (id === edited.id) assert.match(bodies.get(id) ?? '', '<p>Một đoạn mở đầu mới.</p>')
    else assert.is(bodies.get(id), old.get(id), id)
  }
  // The entries hold no body; the folder's bodies file holds them all, each under its article's digest.
  const folder = await sourcesFolder()
  assert.not.match(JSON.stringify(deserialize(await readFile(join(folder, '2020-03.v8')))), 'Một đoạn mở đầu mới')
  const stored = deserialize(await readFile(join(folder, 'bodies', '2020-03.v8'))) as Array<{ path: string; digest: string; html: string }>
  assert.equal(
    stored.map((body) => body.digest),
    after.sources.articles.filter((article) => article.sourcePath.startsWith('articles/2020/03/')).map((article) => article.digest)
  )
  assert.match(stored.find((body) => body.digest === edited.digest)?.html ?? '', 'Một đoạn mở đầu mới')
})

test("should use a folder's entries without its bodies file, rendering a body again from its file when a page needs it, never another version's", async () => {
  const folder = await sourcesFolder()
  const whole = await loadContent({ contentDir: content, cacheDir: cache })
  const id = whole.sources?.articles.find((article) => article.sourcePath.startsWith('articles/2020/03/'))?.id ?? ''
  const body = (await whole.sources?.bodies.read([id]))?.get(id) ?? ''
  assert.match(body, '<p>')
  const bodiesFile = join(folder, 'bodies', '2020-03.v8')
  const stored = deserialize(await readFile(bodiesFile)) as Array<{ path: string; digest: string; html: string }>
  // CI restores the bodies of recent years only.
  await rm(bodiesFile)
  const again = await loadContent({ contentDir: content, cacheDir: cache })
  assert.ok(again.sources)
  assert.is(again.reused, again.sources.articles.length, 'every entry reused: nothing loaded from scratch')
  assert.is((await again.sources.bodies.read([id])).get(id), body, 'the body rendered again from its file')
  // The bodies file of another version of the folder (as a torn cache could hold): never shown.
  assert.ok(stored.length > 0)
  await writeFile(bodiesFile, serialize(stored.map((entry) => ({ ...entry, digest: 'other', html: '<p>another version</p>' }))))
  const torn = await loadContent({ contentDir: content, cacheDir: cache })
  assert.is((await torn.sources?.bodies.read([id]))?.get(id), body, "rendered again, not the other version's")
  await rm(bodiesFile, { force: true })
})

test("should keep a folder's entries when one of its articles is edited while its bodies file is missing, so the next load renders nothing", async () => {
  const folder = await sourcesFolder()
  await loadContent({ contentDir: content, cacheDir: cache })
  const bodiesFile = join(folder, 'bodies', '2019-10.v8')
  // CI restores the bodies of recent years only; an article of an older month is edited.
  await rm(bodiesFile, { force: true })
  const path = join(content, 'articles/2019/10/hoi-nghi-lang-nghe.md')
  await writeFile(path, (await readFile(path, 'utf8')).replace(/\n\n([^\n]+)\n/, '\n\nMột đoạn sửa ở tháng cũ.\n\n$1\n'))
  const edited = await loadContent({ contentDir: content, cacheDir: cache })
  assert.ok(edited.sources)
  assert.is(edited.reused, edited.sources.articles.length - 1, 'only the edited article loaded from scratch')
  const next = await loadContent({ contentDir: content, cacheDir: cache })
  assert.ok(next.sources)
  assert.is(next.reused, next.sources.articles.length, "the folder's other entries kept: nothing loaded from scratch")
  const ids = next.sources.articles.filter((article) => article.sourcePath.startsWith('articles/2019/10/')).map((article) => article.id)
  assert.ok(ids.length > 1)
  const bodies = await next.sources.bodies.read(ids)
  assert.ok(
    ids.every((id) => (bodies.get(id) ?? '').includes('<p>')),
    'every body there: the new one from the file, the others rendered again'
  )
  assert.ok([...bodies.values()].some((html) => html.includes('Một đoạn sửa ở tháng cũ.')))
})

test('should not read an image again while its size, time and inode are those recorded, as for articles', async () => {
  const dir = await contentWith(undefined, { keepSiteArticles: true })
  const cacheDir = await tempDir('media-stamps')
  try {
    const image = join(dir, 'media', 'duong-lien-xa.jpg')
    const hashOf = (sources: Awaited<ReturnType<typeof loadContent>>['sources']) => sources?.media.find((file) => file.sourcePath === image)?.hash
    // A whole-second time, which utimes puts back exactly.
    const mtime = new Date('2024-05-01T00:00:00Z')
    const atime = mtime
    await utimes(image, atime, mtime)
    const first = hashOf((await loadContent({ contentDir: dir, cacheDir })).sources)
    assert.ok(first)
    // Other bytes of the same length written in place, the time put back: the stamp still matches.
    const bytes = await readFile(image)
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] ?? 0) ^ 1
    await writeFile(image, bytes)
    await utimes(image, atime, mtime)
    assert.is(hashOf((await loadContent({ contentDir: dir, cacheDir })).sources), first, 'trusted, not read')
    // A new modification time: read and hashed again.
    await utimes(image, atime, new Date(mtime.getTime() + 5000))
    const again = hashOf((await loadContent({ contentDir: dir, cacheDir })).sources)
    assert.ok(again && again !== first)
  } finally {
    await removeDir(dir)
    await removeDir(cacheDir)
  }
})

/** The source cache's folder for the suite's content (one per code and registries). */
async function sourcesFolder(): Promise<string> {
  const root = join(cache, 'sources')
  const [content] = await readdir(root)
  const [key] = await readdir(join(root, content ?? ''))
  return join(root, content ?? '', key ?? '')
}

test('should load again an article whose image changed, or now resolves to another file', async () => {
  const before = await loadContent({ contentDir: content, cacheDir: cache })
  const urlOf = (sources: typeof before.sources) => sources?.articles.find((article) => article.slug === 'hai-tac-gia-va-dinh-chinh')?.lead?.url
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
    shadowed.sources?.articles.find((article) => article.slug === 'hai-tac-gia-va-dinh-chinh')?.lead?.set.source,
    join(content, 'articles/2020/03/duong-lien-xa.jpg')
  )
})

test.run()
