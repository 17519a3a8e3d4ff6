import { copyFile, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import sharp from 'sharp'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createContentBoundary } from '../../../src/content/content-boundary.ts'
import { loadSiteIcon } from '../../../src/content/index.ts'
import { createMediaReader } from '../../../src/content/media.ts'
import { formatProblems } from '../../../src/problems/index.ts'
import { contentWith, exists, fixtures, removeDir, root, tempDir } from '../../helpers/fixtures.ts'
import { runCliInProcess } from '../../helpers/run-cli.ts'
import { hashTree } from '../../helpers/tree.ts'

const test = suite('createContentBoundary')
const now = ['--now', '2026-11-26T08:00:00+07:00']
const article = join('articles', '2019', '10', 'anh-lien-ket.md')

/**
 * A content copy whose article lists `noi-bo.jpg` (a link that stays inside), `x.jpg` and
 * `ext/anh.jpg`, with a folder outside it holding a picture of its own.
 */
async function linkedContent(): Promise<{ content: string; outside: string }> {
  const content = await contentWith(join(fixtures, 'content-symlinks'))
  const outside = await tempDir('outside')
  await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c00' } })
    .jpeg()
    .toFile(join(outside, 'bi-mat.jpg'))
  await symlink('hoi-truong.jpg', join(content, 'media', 'noi-bo.jpg'))
  return { content, outside }
}

/** Links `media/x.jpg` to a file outside and `media/ext` to a folder outside. */
async function linkOutside(content: string, outside: string): Promise<void> {
  await copyFile(join(outside, 'bi-mat.jpg'), join(outside, 'anh.jpg'))
  await symlink(join(outside, 'bi-mat.jpg'), join(content, 'media', 'x.jpg'))
  await symlink(outside, join(content, 'media', 'ext'))
}

const problemsAt = (path: string): string[] => [
  `${path}:9:10 error Image "x.jpg" is a symbolic link (or in a linked folder) that leads outside the content folder. [image-outside-content]`,
  `${path}:11:10 error Image "ext/anh.jpg" is a symbolic link (or in a linked folder) that leads outside the content folder. [image-outside-content]`,
]

test('should tell a file reached through a link out of the content folder from one that stays inside', async () => {
  const { content, outside } = await linkedContent()
  try {
    await linkOutside(content, outside)
    await mkdir(join(content, 'media', 'that'))
    await copyFile(join(content, 'media', 'hoi-truong.jpg'), join(content, 'media', 'that', 'anh.jpg'))
    await symlink('that', join(content, 'media', 'noi'))
    const boundary = createContentBoundary(content)
    assert.is(boundary(join(content, 'media', 'hoi-truong.jpg'), false), 'inside')
    assert.is(boundary(join(content, 'media', 'noi-bo.jpg'), true), 'inside')
    assert.is(boundary(join(content, 'media', 'noi', 'anh.jpg'), false), 'inside')
    assert.is(boundary(join(content, 'media', 'x.jpg'), true), 'outside')
    assert.is(boundary(join(content, 'media', 'ext', 'anh.jpg'), false), 'outside')
    assert.is(boundary(join(content, 'media', 'khong-co', 'anh.jpg'), false), 'missing')
    // The content folder may itself be a link: what counts is where it leads.
    const alias = join(outside, 'noi-dung')
    await symlink(content, alias)
    assert.is(createContentBoundary(alias)(join(alias, 'media', 'hoi-truong.jpg'), false), 'inside')
    assert.is(createContentBoundary(alias)(join(alias, 'media', 'ext', 'anh.jpg'), false), 'outside')
  } finally {
    await removeDir(content)
    await removeDir(outside)
  }
})

test('should make the media reader refuse a file outside without reading it, and read a link that stays inside', async () => {
  const { content, outside } = await linkedContent()
  try {
    await linkOutside(content, outside)
    const read = createMediaReader(content)
    assert.is(await read(join(content, 'media', 'x.jpg')), 'outside')
    assert.is(await read(join(content, 'media', 'ext', 'anh.jpg')), 'outside')
    assert.is(await read(join(content, 'media', 'khong-co.jpg')), 'missing')
    const inside = await read(join(content, 'media', 'noi-bo.jpg'))
    assert.ok(typeof inside === 'object' && inside.width > 0)
  } finally {
    await removeDir(content)
    await removeDir(outside)
  }
})

test('should report images linked out of the content folder at their line and column in check', async () => {
  const { content, outside } = await linkedContent()
  try {
    await linkOutside(content, outside)
    const result = await runCliInProcess(['check', '--content', relative(root, content)])
    assert.is(result.code, 1)
    const path = relative(root, join(content, article))
    for (const line of problemsAt(path)) assert.match(result.stderr + result.stdout, line)
    assert.match(result.stderr + result.stdout, 'copy the file into the content folder instead of linking to it')
    assert.match(result.stderr + result.stdout, /^2 errors, 0 warnings$/m)
  } finally {
    await removeDir(content)
    await removeDir(outside)
  }
})

test('should fail a build on images linked outside, cached or not, and publish nothing from outside', async () => {
  const { content, outside } = await linkedContent()
  const dir = await tempDir('symlink-build')
  try {
    const out = join(dir, 'dist')
    const cache = join(dir, '.cache')
    const build = (): ReturnType<typeof runCliInProcess> =>
      runCliInProcess(['build', '--content', relative(root, content), '--out', relative(root, out), '--cache', relative(root, cache), ...now])
    // A first build from files of the content folder: the link inside is published, and cached.
    await copyFile(join(content, 'media', 'hoi-truong.jpg'), join(content, 'media', 'x.jpg'))
    await mkdir(join(content, 'media', 'ext'))
    await copyFile(join(content, 'media', 'duong-lien-xa.jpg'), join(content, 'media', 'ext', 'anh.jpg'))
    const good = await build()
    assert.is(good.code, 0, good.stderr)
    assert.match(await readFile(join(out, '2019', '10', 'anh-lien-ket', 'index.html'), 'utf8'), 'Liên kết trong thư mục nội dung')
    const before = await hashTree(out)
    // The same names, now links out: the cached article must not stand.
    await rm(join(content, 'media', 'x.jpg'))
    await rm(join(content, 'media', 'ext'), { recursive: true })
    await linkOutside(content, outside)
    const bad = await build()
    assert.is(bad.code, 1)
    const path = relative(root, join(content, article))
    for (const line of problemsAt(path)) assert.match(bad.stderr, line)
    assert.equal(await hashTree(out), before)
    // Without an earlier output, none is written.
    await removeDir(out)
    await removeDir(cache)
    assert.is((await build()).code, 1)
    assert.not.ok(await exists(out))
  } finally {
    await removeDir(content)
    await removeDir(outside)
    await removeDir(dir)
  }
})

test("should report site.yml's icon linked out of the content folder at its line, and follow a link inside", async () => {
  const { content, outside } = await linkedContent()
  try {
    await sharp({ create: { width: 256, height: 256, channels: 4, background: '#0c0' } })
      .png()
      .toFile(join(outside, 'icon.png'))
    await symlink(join(outside, 'icon.png'), join(content, 'media', 'icon-ngoai.png'))
    await symlink('bieu-tuong.png', join(content, 'media', 'icon-trong.png'))
    const siteYml = join(content, 'site.yml')
    await writeFile(siteYml, (await readFile(siteYml, 'utf8')).replace(/^icon: .*$/m, 'icon: media/icon-ngoai.png'))
    const line = (await readFile(siteYml, 'utf8')).split('\n').findIndex((text) => text.startsWith('icon:')) + 1
    const refused = await loadSiteIcon(content, 'media/icon-ngoai.png')
    assert.is(refused.media, undefined)
    assert.match(
      formatProblems([refused.problem!], content),
      `site.yml:${line}:7 error Image "media/icon-ngoai.png" is a symbolic link (or in a linked folder) that leads outside the content folder. [image-outside-content]`
    )
    assert.is((await loadSiteIcon(content, 'media/icon-trong.png')).media?.width, 512)
  } finally {
    await removeDir(content)
    await removeDir(outside)
  }
})

test.run()
