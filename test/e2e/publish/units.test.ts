import { cp, mkdir, readdir, readFile, rm, rmdir, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import sharp from 'sharp'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { build, type BuildResult } from '../../../src/pipeline/build.ts'
import { carryUnits, readUnitManifest, carriableUnits, recordUnitPages, takePatchable, writeUnitManifest } from '../../../src/publish/units.ts'
import { writeArticle } from '../../helpers/articles.ts'
import { contentWith, removeDir, tempDir, testNow } from '../../helpers/fixtures.ts'
import { hashTree } from '../../helpers/tree.ts'

// Rebuilding into the same dist/ moves unchanged month folders and search bundles over instead of
// relinking every file; a moved folder must be exactly what a build without any cache writes.
const test = suite('output units')
let work = ''
let content = ''
/**
 * The build without any cache of the fixture's own articles (none added): the first test's first
 * build is one, and the tests that leave the content as they found it compare with it rather than
 * build it cold again.
 */
let coldOfFixture: Record<string, string> | undefined

// `force`: these builds go through every stage even when the output is up to date (see
// test/e2e/up-to-date.test.ts): what they test is how the stages carry what did not change.
async function buildTo(out: string, cache = join(work, 'cache')): Promise<BuildResult> {
  const result = await build({ contentDir: content, outDir: out, cacheDir: cache, now: testNow, log: () => {}, searchBundleSize: 2, force: true })
  assert.ok(result.ok)
  return result
}

async function fresh(name: string): Promise<Record<string, string>> {
  const out = join(work, name)
  await buildTo(out, join(work, `cache-${name}`))
  return hashTree(out)
}

/**
 * Removes an article a test added, and its month and year folders once empty (a folder left empty
 * still changes the web editor's config): the content is the fixture's own again.
 */
async function removeArticle(path: string): Promise<void> {
  await rm(path)
  for (const folder of [dirname(path), dirname(dirname(path))]) await rmdir(folder).catch(() => {})
}

test.before(async () => {
  work = await tempDir('units')
  content = await contentWith(undefined, { keepSiteArticles: true })
})

test.after(async () => {
  await removeDir(work)
  await removeDir(content)
})

test('should carry every month and bundle over on a no-op rebuild, byte for byte', async () => {
  const out = join(work, 'dist')
  const first = await buildTo(out)
  assert.is(first.render?.carried, 0)
  // The first build's cache was empty: it is the build without any cache the no-op must equal.
  const unchanged = await hashTree(out)
  coldOfFixture = unchanged
  const months = first.render?.units.length ?? 0
  assert.ok(months > 0)
  const again = await buildTo(out)
  assert.is(again.render?.carriedUnits.length, months, 'every month folder moved over')
  assert.ok((again.render?.carried ?? 0) >= (again.articles ?? 1), 'no article page written one by one')
  assert.is(again.search?.carried, again.search?.units.length, 'every bundle moved over')
  assert.is(again.search?.indexed, 0)
  assert.ok((first.images?.units.length ?? 0) > 0)
  assert.is(again.images?.carriedUnits.length, first.images?.units.length, 'every image folder moved over')
  assert.equal(await hashTree(out), unchanged)
})

test('should move unchanged folders from the output before the live one, never changing a file the live output holds', async () => {
  const out = join(work, 'dist-spare')
  const spare = join(work, '.dist-spare.spare')
  const lines: string[] = []
  const logged = (): Promise<BuildResult> =>
    build({
      contentDir: content,
      outDir: out,
      cacheDir: join(work, 'cache-spare'),
      now: testNow,
      log: (line) => lines.push(line),
      searchBundleSize: 2,
      force: true,
    })
  assert.ok((await logged()).ok)
  assert.ok((await logged()).ok)
  assert.ok(await stat(spare).then((info) => info.isDirectory()), 'the replaced output is kept as the spare')
  const live = await hashTree(out)
  lines.length = 0
  const third = await logged()
  assert.ok(third.ok)
  assert.ok((third.render?.carriedUnits.length ?? 0) > 0)
  assert.match(lines.join('\n'), /carried folders: (\d+) of \1 moved from the spare output, 0 files linked/, 'every unchanged unit moved, none linked')
  assert.equal(await hashTree(out), live, 'the same output')
  const path = await writeArticle(content, { slug: 'du-phong', date: '2025-04-02 08:00', locality: 'hoang-hoa', author: 'lan-anh' })
  try {
    const before = await hashTree(out)
    lines.length = 0
    assert.ok((await logged()).ok)
    assert.equal(await hashTree(spare), before, 'the output it replaced is the spare, every file as it was')
    assert.equal(await hashTree(out), await fresh('fresh-spare'), 'and the new output equals a build without cache')
  } finally {
    await removeArticle(path)
  }
})

test('should rebuild only the month of a new article, and equal a build without cache', async () => {
  const out = join(work, 'dist')
  const before = await buildTo(out)
  const path = await writeArticle(content, { slug: 'thang-moi', date: '2025-03-02 08:00', locality: 'hoang-hoa', author: 'lan-anh' })
  try {
    const after = await buildTo(out)
    assert.ok(!after.render?.carriedUnits.includes('2025/03'), 'the new month is written')
    assert.is(after.render?.carriedUnits.length, before.render?.units.length, 'every older month is carried')
    assert.is(after.search?.indexed, 1, 'only the newest bundle is indexed')
    assert.equal(await hashTree(out), await fresh('fresh-added'))
  } finally {
    await removeArticle(path)
  }
})

test('should patch a changed month from the spare output: keep its unchanged pages, write the new, delete the gone, and equal a build without cache', async () => {
  const out = join(work, 'dist-patch')
  const lines: string[] = []
  const logged = async (): Promise<BuildResult> => {
    lines.length = 0
    const result = await build({
      contentDir: content,
      outDir: out,
      cacheDir: join(work, 'cache-patch'),
      now: testNow,
      log: (line) => lines.push(line),
      searchBundleSize: 2,
      force: true,
    })
    assert.ok(result.ok)
    return result
  }
  const article = (day: number) => writeArticle(content, { slug: `va-${day}`, date: `2025-06-0${day} 08:00`, locality: 'hoang-hoa', author: 'lan-anh' })
  const paths = [await article(1), await article(2), await article(3), await article(4)]
  try {
    await logged()
    paths.push(await article(5))
    // The month changes, but there is no spare yet: the first build had no output to replace.
    await logged()
    paths.push(await article(6))
    const third = await logged()
    assert.match(lines.join('\n'), /pages: .* and 1 changed ones patched/, `the month taken from the spare:\n${lines.join('\n')}`)
    assert.equal(third.render?.patchedUnits, ['2025/06'])
    assert.equal(await hashTree(out), await fresh('fresh-patched'), 'the patched month as a build without cache writes it')
    // An article removed: its page is in the spare's copy of the month (the output of the second
    // build), and must not survive the patch.
    await removeArticle(paths.splice(4, 1)[0] as string)
    assert.equal((await logged()).render?.patchedUnits, ['2025/06'], lines.join('\n'))
    assert.not.ok(await stat(join(out, '2025', '06', 'va-5')).catch(() => undefined), 'the removed article has no folder left')
    assert.equal(await hashTree(out), await fresh('fresh-patched-removed'))
  } finally {
    for (const path of paths) await removeArticle(path)
  }
})

test('should carry image folders over, adding a new photograph’s files to theirs, and write whole a folder that lost a file', async () => {
  const out = join(work, 'dist')
  const before = await buildTo(out)
  const image = join(content, 'media', 'anh-moi.jpg')
  await writeFile(
    image,
    await sharp({ create: { width: 480, height: 270, channels: 3, background: { r: 200, g: 40, b: 90 } } })
      .jpeg()
      .toBuffer()
  )
  const path = await writeArticle(content, {
    slug: 'anh-moi',
    date: '2025-03-02 08:00',
    locality: 'hoang-hoa',
    author: 'lan-anh',
    images: [{ src: 'anh-moi.jpg', alt: 'Ảnh mới' }],
  })
  let folders = new Set<string>()
  try {
    const after = await buildTo(out)
    assert.is(after.images?.processed, 1, 'the new photograph is encoded')
    folders = new Set(
      (await readdir(join(out, 'media'), { recursive: true })).filter((name) => name.includes('anh-moi-')).map((name) => `media/${dirname(name)}`)
    )
    assert.ok(folders.size > 0, 'its files are published')
    // A folder that held no file before is new, and written.
    const existing = new Set(before.images?.units.map((unit) => unit.path))
    const added = [...folders].filter((folder) => existing.has(folder))
    assert.ok(added.length > 0, 'some of its files go into folders that were there')
    assert.equal([...(after.images?.patchedUnits ?? [])].sort(), added.sort(), 'the folders it adds to are carried over, its files added')
    const carried = new Set(after.images?.carriedUnits)
    for (const unit of before.images?.units ?? []) if (!folders.has(unit.path)) assert.ok(carried.has(unit.path), `${unit.path} is carried`)
    assert.equal(await hashTree(out), await fresh('fresh-image'))
  } finally {
    await removeArticle(path)
    await rm(image)
  }
  // Its files gone, those folders are written whole: a carried folder would keep them.
  const removed = await buildTo(out)
  for (const folder of folders) assert.not.ok(removed.images?.patchedUnits.includes(folder) || removed.images?.carriedUnits.includes(folder), folder)
  assert.equal(await hashTree(out), coldOfFixture)
})

test('should not keep the redirect page of a removed alias inside a moved month folder', async () => {
  const out = join(work, 'dist')
  const article = { slug: 'co-ten-cu', date: '2025-04-02 08:00', locality: 'hoang-hoa', author: 'lan-anh' }
  const path = await writeArticle(content, { ...article, aliases: ['/2019/10/ten-cu/'] })
  await buildTo(out)
  assert.ok(await readFile(join(out, '2019/10/ten-cu/index.html'), 'utf8'), 'the redirect page is published')
  await writeArticle(content, article)
  const again = await buildTo(out)
  assert.not.ok(again.render?.carriedUnits.includes('2019/10'), 'the month that held the alias is rebuilt')
  assert.equal(await hashTree(out), await fresh('fresh-alias'))
  await removeArticle(path)
})

test('should rebuild a month folder changed by hand instead of carrying it', async () => {
  const out = join(work, 'dist')
  const first = await buildTo(out)
  const unit = first.render?.units[0]?.path ?? ''
  // Replace the folder with a copy that lost a file: same name, different folder.
  const copy = join(work, 'copy')
  await cp(join(out, unit), copy, { recursive: true })
  await rm(join(out, unit), { recursive: true })
  await rm(join(copy, 'index.html'))
  await cp(copy, join(out, unit), { recursive: true })
  const again = await buildTo(out)
  assert.not.ok(again.render?.carriedUnits.includes(unit))
  // The content is the fixture's own again (the tests before removed what they added).
  assert.equal(await hashTree(out), coldOfFixture ?? (await fresh('fresh-hand')))
})

test('should link carried units into staging and leave the live output whole', async () => {
  const out = join(work, 'manual-out')
  const staging = join(work, 'manual-staging')
  await mkdir(join(out, '2024/01/a'), { recursive: true })
  await writeFile(join(out, '2024/01/a/index.html'), 'old article')
  await writeFile(join(out, '2024/01/index.html'), 'old landing')
  await mkdir(join(staging, '2024/01'), { recursive: true })
  await writeFile(join(staging, '2024/01/index.html'), 'new landing')
  const manifestFile = join(work, 'manual-units.json')
  await writeUnitManifest(manifestFile, out, [{ path: '2024/01', key: 'k1' }])
  const manifest = await readUnitManifest(manifestFile, out)
  assert.equal([...(await carriableUnits(manifest, [{ path: '2024/01', key: 'k1' }]))], ['2024/01'])
  assert.equal([...(await carriableUnits(manifest, [{ path: '2024/01', key: 'k2' }]))], [], 'another key is not reused')
  assert.equal(
    [...(await carriableUnits(await readUnitManifest(manifestFile, join(work, 'elsewhere')), [{ path: '2024/01', key: 'k1' }]))],
    [],
    'nor another output folder'
  )
  assert.equal(await carryUnits(out, staging, ['2024/01']), { linked: 2, moved: 0 }, 'both files of the unit are carried')
  assert.is(await readFile(join(staging, '2024/01/a/index.html'), 'utf8'), 'old article', 'the folder is carried')
  assert.is(await readFile(join(staging, '2024/01/index.html'), 'utf8'), 'new landing', 'the rendered landing page wins')
  assert.is(await readFile(join(out, '2024/01/a/index.html'), 'utf8'), 'old article', 'the live output still holds the article')
  assert.is(await readFile(join(out, '2024/01/index.html'), 'utf8'), 'old landing', 'and its own landing page')
  assert.is((await stat(join(out, '2024/01/a/index.html'))).ino, (await stat(join(staging, '2024/01/a/index.html'))).ino, 'linked, not copied')
})

test('should patch a changed page folder only from the spare’s very folder and a record of its key', async () => {
  const spareDir = join(work, 'take-spare')
  const staging = join(work, 'take-staging')
  const recorded = join(work, 'take-recorded')
  const page = (name: string) => `/2024/03/${name}/index.html`
  const before = ['a', 'b', 'c', 'd', 'changed', 'gone']
  for (const name of before) {
    await mkdir(join(spareDir, '2024/03', name), { recursive: true })
    await writeFile(join(spareDir, '2024/03', name, 'index.html'), `spare ${name}`)
  }
  await writeFile(join(spareDir, '2024/03/index.html'), 'spare landing')
  await mkdir(staging)
  const held = {
    path: '2024/03',
    key: 'k-spare',
    pages: before.map((name) => [page(name), `key-${name}`] as const),
    files: new Set([...before.map(page), '/2024/03/index.html']),
  }
  const manifestFile = join(work, 'take-units.json')
  await writeUnitManifest(manifestFile, spareDir, [{ path: '2024/03', key: 'k-spare' }])
  const spare = await readUnitManifest(manifestFile, spareDir)
  const now = ['a', 'b', 'c', 'd', 'changed', 'new']
  const wanted = {
    path: '2024/03',
    key: 'k-now',
    pages: now.map((name) => [page(name), name.length === 1 ? `key-${name}` : `now-${name}`] as const),
    files: new Set([...now.map(page), '/2024/03/index.html']),
  }
  assert.equal([...(await takePatchable(staging, spare, recorded, [wanted])).keys()], [], 'no record of the spare’s key: written whole')
  // A record naming a file outside the folder is not trusted: nothing is moved, nothing deleted.
  await mkdir(recorded, { recursive: true })
  const kept = Object.fromEntries(['a', 'b', 'c', 'd'].map((name) => [page(name), `key-${name}`]))
  await writeFile(join(recorded, 'k-spare.json'), JSON.stringify({ pages: kept, always: ['/2024/03/../../take-outside.txt'] }))
  await writeFile(join(work, 'take-outside.txt'), 'not the output’s')
  assert.equal([...(await takePatchable(staging, spare, recorded, [wanted])).keys()], [], 'a record with a path outside its folder')
  assert.is(await readFile(join(work, 'take-outside.txt'), 'utf8'), 'not the output’s')
  await rm(join(recorded, 'k-spare.json'))
  await recordUnitPages(recorded, [held], [])
  const taken = await takePatchable(staging, spare, recorded, [wanted])
  assert.equal([...(taken.get('2024/03')?.keep ?? [])].sort(), ['a', 'b', 'c', 'd'].map(page))
  assert.equal(
    (await readdir(join(staging, '2024/03'), { recursive: true })).sort(),
    ['a', 'a/index.html', 'b', 'b/index.html', 'c', 'c/index.html', 'd', 'd/index.html'],
    'the changed page, the landing page and the page gone deleted (with the folders they leave empty): the render stage writes what it wants'
  )
  assert.not.ok(await stat(join(spareDir, '2024/03')).catch(() => undefined), 'moved, not copied')
  await recordUnitPages(recorded, [wanted], ['k-spare'])
  assert.equal((await readdir(recorded)).sort(), ['k-now.json', 'k-spare.json'])
  await recordUnitPages(recorded, [], ['k-now'])
  assert.equal(await readdir(recorded), ['k-now.json'], 'a key neither output holds is forgotten')
})

test.run()
