import { copyFile, cp, mkdir, readFile, realpath, rm, stat, symlink } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createContentStat } from '../../../src/content/content-boundary.ts'
import { contentWith, exists, fixtures, removeDir, root, tempDir } from '../../helpers/fixtures.ts'
import { runCliInProcess } from '../../helpers/run-cli.ts'
import { hashTree } from '../../helpers/tree.ts'

const test = suite('createContentStat')
const now = ['--now', '2026-11-26T08:00:00+07:00']
const cases = join(fixtures, 'content-symlinks', 'linked-files')

/**
 * A content copy with an article and a comment of its own, an article linked to a file elsewhere
 * in it (`kho/bai-goc.md`) and a year folder linked to one elsewhere in it (`articles/2018`), and a
 * folder outside holding an article, a year folder, a comment and a page, each with a mistake its
 * loader would report if it were ever read. Links are made here: a checkout may not keep them.
 */
async function linkedContent(): Promise<{ content: string; outside: string }> {
  const content = await contentWith(cases)
  await cp(join(cases, 'inside'), join(content, 'kho'), { recursive: true })
  const outside = await tempDir('outside')
  await cp(join(cases, 'outside'), outside, { recursive: true })
  await symlink(join('..', '..', '..', 'kho', 'bai-goc.md'), join(content, 'articles', '2019', '10', 'bai-lien-ket.md'))
  await symlink(join('..', 'kho', '2018'), join(content, 'articles', '2018'))
  return { content, outside: await realpath(outside) }
}

/** Links an article, a year folder, a comment and a newsroom page of the content copy to the folder outside. */
async function linkOutside(content: string, outside: string): Promise<void> {
  await symlink(join(outside, 'bai-ngoai.md'), join(content, 'articles', '2019', '10', 'bai-ngoai.md'))
  await symlink(join(outside, '2030'), join(content, 'articles', '2030'))
  await symlink(join(outside, 'binh-luan.yml'), join(content, 'comments', '2019', '10', 'bai-trong', 'b2.yml'))
  await mkdir(join(content, 'pages'), { recursive: true })
  await symlink(join(outside, 'trang.md'), join(content, 'pages', 'ngoai.md'))
}

/** Each linked file as `check` prints it: at the link's path, line 1, column 1, naming where it leads. */
const problemsAt = (content: string, outside: string): string[] =>
  [
    ['articles/2019/10/bai-ngoai.md', 'bai-ngoai.md'],
    ['articles/2030/01/bai-nam-2030.md', join('2030', '01', 'bai-nam-2030.md')],
    ['comments/2019/10/bai-trong/b2.yml', 'binh-luan.yml'],
    ['pages/ngoai.md', 'trang.md'],
  ].map(
    ([file, target]) =>
      `${relative(root, join(content, file as string))}:1:1 error "${file}" is a symbolic link (or in a linked folder) that leads outside the content folder, to ${join(outside, target as string)}; it is not read. [file-outside-content]`
  )

test('should stat a file linked inside the content folder as its target, and refuse one that leads outside by itself or by its folder', async () => {
  const { content, outside } = await linkedContent()
  try {
    await linkOutside(content, outside)
    const statFile = createContentStat(content)
    const article = (...path: string[]): string => join(content, 'articles', ...path)
    const own = statFile(article('2019', '10', 'bai-trong.md'))
    assert.ok('stats' in own && own.stats.isFile())
    const linked = statFile(article('2019', '10', 'bai-lien-ket.md'))
    // The target's stats, not the link's: its size and times are what the caches compare.
    assert.ok('stats' in linked && linked.stats.size === (await stat(join(content, 'kho', 'bai-goc.md'))).size)
    assert.ok('stats' in statFile(article('2018', '05', 'bai-2018.md')))
    assert.equal(statFile(article('2019', '10', 'bai-ngoai.md')), { outside: join(outside, 'bai-ngoai.md') })
    assert.equal(statFile(article('2030', '01', 'bai-nam-2030.md')), { outside: join(outside, '2030', '01', 'bai-nam-2030.md') })
    assert.equal(statFile(join(content, 'pages', 'ngoai.md')), { outside: join(outside, 'trang.md') })
  } finally {
    await removeDir(content)
    await removeDir(outside)
  }
})

test('should report each article, comment and page linked out of the content folder at its first line in check, and read none of them', async () => {
  const { content, outside } = await linkedContent()
  try {
    await linkOutside(content, outside)
    const result = await runCliInProcess(['check', '--content', relative(root, content)])
    const printed = result.stderr + result.stdout
    assert.is(result.code, 1)
    for (const line of problemsAt(content, outside)) assert.match(printed, line)
    assert.match(printed, 'copy the file into the content folder instead of linking it')
    // Each file outside holds a mistake (an unknown locality or author, a date that does not exist,
    // no title) that would be one more error had it been read.
    assert.match(printed, /^4 errors, 0 warnings$/m)
  } finally {
    await removeDir(content)
    await removeDir(outside)
  }
})

test('should build articles linked inside the content folder, and fail on files linked outside, cached or not, writing nothing', async () => {
  const { content, outside } = await linkedContent()
  const dir = await tempDir('linked-files-build')
  try {
    const out = join(dir, 'dist')
    const cache = join(dir, '.cache')
    const build = (): ReturnType<typeof runCliInProcess> =>
      runCliInProcess(['build', '--content', relative(root, content), '--out', relative(root, out), '--cache', relative(root, cache), ...now])
    // A first build with a file of the content folder where the link out will be: it is cached.
    const ownCopy = join(content, 'articles', '2019', '10', 'bai-ngoai.md')
    await copyFile(join(content, 'articles', '2019', '10', 'bai-trong.md'), ownCopy)
    const good = await build()
    assert.is(good.code, 0, good.stderr)
    assert.match(await readFile(join(out, '2019', '10', 'bai-lien-ket', 'index.html'), 'utf8'), 'Bài liên kết trong thư mục nội dung')
    assert.match(await readFile(join(out, '2018', '05', 'bai-2018', 'index.html'), 'utf8'), 'Bài trong thư mục liên kết bên trong')
    assert.ok(await exists(join(out, '2019', '10', 'bai-ngoai', 'index.html')))
    const before = await hashTree(out)
    const outsideBefore = await hashTree(outside)
    // The same name, now a link out, beside a year folder, a comment and a page linked out.
    await rm(ownCopy)
    await linkOutside(content, outside)
    const bad = await build()
    assert.is(bad.code, 1)
    for (const line of problemsAt(content, outside)) assert.match(bad.stderr, line)
    assert.equal(await hashTree(out), before)
    assert.equal(await hashTree(outside), outsideBefore)
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

test.run()
