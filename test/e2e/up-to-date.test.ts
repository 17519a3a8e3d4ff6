import { readFileSync, writeFileSync } from 'node:fs'
import { mkdir, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { build, type BuildOptions, type BuildResult } from '../../src/pipeline/build.ts'
import { formatProblems } from '../../src/problems/index.ts'
import { writeArticle } from '../helpers/articles.ts'
import { contentWith, deadPid, exists, removeDir, tempDir, testNow } from '../helpers/fixtures.ts'
import { hashTree } from '../helpers/tree.ts'
import { commitAll, gitIn } from '../helpers/git.ts'

// A build whose output is already what it would write stops before any stage, and leaves the
// output as it is; anything that would make another output builds.
const test = suite('up-to-date output')
let work = ''
let content = ''
let out = ''

async function buildWith(options: Partial<BuildOptions> = {}): Promise<BuildResult> {
  const result = await build({ contentDir: content, outDir: out, cacheDir: join(work, 'cache'), now: testNow, log: () => {}, config: false, ...options })
  assert.ok(result.ok)
  return result
}

test.before(async () => {
  work = await tempDir('up-to-date')
  content = await contentWith(undefined, { keepSiteArticles: true })
  out = join(work, 'dist')
})

test.after(async () => {
  await removeDir(work)
  await removeDir(content)
})

test('should leave an up-to-date output as it is, and print the same warnings', async () => {
  const first = await buildWith()
  assert.not.ok(first.upToDate)
  const before = { tree: await hashTree(out), ino: (await stat(out)).ino }
  const second = await buildWith({ now: testNow + 60_000 })
  assert.ok(second.upToDate)
  assert.is(second.pages, first.pages)
  assert.is(second.articles, first.articles)
  assert.is((await stat(out)).ino, before.ino, 'not swapped')
  assert.equal(await hashTree(out), before.tree)
  assert.ok(formatProblems(first.files, content).includes('warning'), 'the fixture has warnings')
  assert.is(formatProblems(second.files, content), formatProblems(first.files, content))
})

test("should remove a dead build's leftovers beside an up-to-date output, and leave a running one's", async () => {
  await buildWith()
  // A build killed before publishing (SIGKILL, a power cut) left its staging folder; another runs.
  const dead = join(work, `.dist.staging-${await deadPid()}`)
  const running = join(work, `.dist.staging-${process.ppid}`)
  for (const dir of [dead, running]) await mkdir(join(dir, '2019'), { recursive: true })
  const again = await buildWith()
  assert.ok(again.upToDate)
  assert.not.ok(await exists(dead), 'the staging folder of a dead build is removed')
  assert.ok(await exists(running), 'the staging folder of a running build is left alone')
  await rm(running, { recursive: true })
})

test('should build again when content, options, "now" or the output changed', async () => {
  // Each change, then the build after it is up to date again.
  const changes: Array<[string, () => Promise<Partial<BuildOptions> | undefined>]> = [
    [
      'an article added',
      async () => void (await writeArticle(content, { slug: 'bai-moi', date: '2025-03-02 08:00', locality: 'dien-bien', author: 'to-phuong' })),
    ],
    [
      'an article edited',
      async () =>
        void (await writeFile(
          join(content, 'articles', '2025', '03', 'bai-moi.md'),
          '---\ntitle: "Bài mới"\ndate: 2025-03-02 08:00\nauthor: to-phuong\nlocality: dien-bien\n---\n\nSửa.\n'
        )),
    ],
    ['an empty month folder (the web editor lists it)', async () => void (await mkdir(join(content, 'articles', '2025', '04')))],
    ['a file of the output removed', async () => void (await rm(join(out, 'index.html')))],
    ['a scheduled article come due', async () => ({ now: Date.parse('2031-01-15T07:00:00+07:00') })],
    ['an earlier "now"', async () => ({ now: testNow })],
    ['another option', async () => ({ drafts: true })],
  ]
  for (const [change, apply] of changes) {
    const options = (await apply()) ?? {}
    assert.not.ok((await buildWith(options)).upToDate, change)
    assert.ok((await buildWith(options)).upToDate, `${change}, built again`)
  }
  assert.ok(await stat(join(out, 'index.html')), 'the removed file is back')
  assert.not.ok((await buildWith({ now: testNow, force: true })).upToDate, 'force')
})

test('should not record an output whose content was written while it built, even put back as it was', async () => {
  // In git, a file put back has the very id it had: only its inode's time tells it was written.
  const git = gitIn(content)
  commitAll(content, 'content')
  const path = join(content, 'articles', '2019', '10', 'hoi-nghi-lang-nghe.md')
  const original = readFileSync(path)
  await writeArticle(content, { slug: 'trong-luc-dung', date: '2025-05-02 08:00', locality: 'dien-bien', author: 'to-phuong' })
  const edited = await buildWith({
    log: (line) => {
      // Loaded with the edit, then put back: a writer's undo in the web editor.
      if (!line.includes('loading content')) return
      writeFileSync(path, Buffer.concat([original, Buffer.from('\nSửa trong lúc dựng.\n')]))
      writeFileSync(path, original)
    },
  })
  assert.not.ok(edited.upToDate)
  assert.is(git('status', '--porcelain', '--', path), '', 'git sees the file unchanged')
  assert.not.ok((await buildWith()).upToDate, 'the next build runs')
  assert.ok((await buildWith()).upToDate)
})

test.run()
