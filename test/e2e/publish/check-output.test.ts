import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { build } from '../../../src/pipeline/build.ts'
import { isOutputFolder, pathRelation } from '../../../src/publish/check-output.ts'
import { UsageError } from '../../../src/shared/usage-error.ts'
import { contentWith, exists, removeDir, root, tempDir, testNow } from '../../helpers/fixtures.ts'
import { runCliInProcess } from '../../helpers/run-cli.ts'
import { hashTree } from '../../helpers/tree.ts'

// A build replaces its output folder as a whole: an --out that is, holds or sits in the content
// folder, a file, or a folder of someone else's files is refused before anything is touched. The
// commands run in this process (runCliInProcess); cli.test.ts sees usage errors from a child process.
const test = suite('checkOutput')
const now = ['--now', '2026-11-26T08:00:00+07:00']

/**
 * Builds a copy of the fixture content (never the fixture itself: a regression would delete it),
 * in a folder of its own, into `out`, and checks the refusal and that the content is byte-for-byte
 * as before.
 */
async function refuses(out: (content: string) => string | Promise<string>, message: string | RegExp): Promise<void> {
  const parent = await tempDir('out-check')
  const content = join(parent, 'content')
  await rename(await contentWith(undefined, { keepSiteArticles: true }), content)
  try {
    const before = await hashTree(content)
    const target = await out(content)
    const result = await runCliInProcess([
      'build',
      '--content',
      relative(root, content),
      '--out',
      target.startsWith('/') ? target : relative(root, target),
      ...now,
    ])
    assert.is(result.code, 2, result.stdout + result.stderr)
    assert.match(result.stderr, message)
    assert.match(result.stderr, /^toasoan: --out: .*\n {2}hint: .+\n$/)
    assert.not.match(result.stderr, /\n\s+at /, 'no stack trace')
    assert.is(result.stdout, '', 'nothing was built')
    assert.equal(await hashTree(content), before)
  } finally {
    await removeDir(parent)
  }
}

test('should tell how two folders relate', () => {
  assert.is(pathRelation('/a/b', '/a/b'), 'same')
  assert.is(pathRelation('/a/b/c', '/a/b'), 'inside')
  assert.is(pathRelation('/a', '/a/b'), 'holds')
  assert.is(pathRelation('/', '/a/b'), 'holds')
  assert.is(pathRelation('/a/bc', '/a/b'), undefined, 'a shared prefix is no relation')
  assert.is(pathRelation('/a/b', '/a/c'), undefined)
})

test('should refuse --out equal to --content', async () => {
  await refuses((content) => content, /--out: ".*" is the content folder; a build replaces its output folder and would delete the articles\./)
})

test('should refuse --out holding the content folder', async () => {
  await refuses(
    (content) => join(content, '..'),
    /--out: ".*" holds the content folder ".*"; a build replaces its output folder and would delete the articles\./
  )
})

test('should refuse a repository holding the content folder, and /', async () => {
  // A stand-in for the repository (the real one is never risked): package.json, .git and content/ inside.
  await refuses(async (content) => {
    await writeFile(join(content, '..', 'package.json'), '{}')
    await mkdir(join(content, '..', '.git'))
    return join(content, '..')
  }, /holds the content folder/)
  await refuses(() => '/', /--out: "\/" holds the content folder/)
})

test('should refuse --out inside the content folder', async () => {
  await refuses((content) => join(content, 'dist'), /--out: ".*dist" is inside the content folder ".*"; the site would be written among the writers' files\./)
  await refuses((content) => join(content, 'articles', '2019'), /is inside the content folder/)
})

test('should refuse --out naming an existing file, and leave the file as it was', async () => {
  const dir = await tempDir('out-file')
  try {
    const file = join(dir, 'notes.txt')
    await writeFile(file, 'ghi chú\n')
    await refuses(() => file, /--out: ".*notes\.txt" is a file, not a folder; a build would replace it\./)
    assert.is(await readFile(file, 'utf8'), 'ghi chú\n')
  } finally {
    await removeDir(dir)
  }
})

test('should refuse a folder of files toasoan did not write, and leave it as it was', async () => {
  const dir = await tempDir('out-foreign')
  try {
    await mkdir(join(dir, 'docs'))
    await writeFile(join(dir, 'docs', 'index.html'), '<p>docs</p>')
    await writeFile(join(dir, 'docs', 'README.md'), '# docs\n')
    const before = await hashTree(dir)
    await refuses(
      () => join(dir, 'docs'),
      /--out: ".*docs" holds files that toasoan did not write \(it has no \.toasoan-output file\); a build replaces the whole folder and would delete them\./
    )
    assert.equal(await hashTree(dir), before)
  } finally {
    await removeDir(dir)
  }
})

test('should build into a new folder, an empty one, its own output and an output from before the marker', async () => {
  const dir = await tempDir('out-ok')
  const content = await contentWith(undefined, { keepSiteArticles: true })
  try {
    const built = async (out: string): Promise<void> => {
      const result = await build({ contentDir: content, outDir: out, cacheDir: join(dir, 'cache'), now: testNow, log: () => {} })
      assert.ok(result.ok)
      assert.ok(await exists(join(out, '.toasoan-output')), 'the output carries the marker')
    }
    await built(join(dir, 'new'))
    await built(join(dir, 'new'))
    await mkdir(join(dir, 'empty'))
    await built(join(dir, 'empty'))
    await mkdir(join(dir, 'legacy', '2019'), { recursive: true })
    await writeFile(join(dir, 'legacy', 'index.html'), '<p>old build</p>')
    await writeFile(join(dir, 'legacy', '2019', 'index.html'), '<p>old build</p>')
    assert.ok(await isOutputFolder(join(dir, 'legacy')))
    await built(join(dir, 'legacy'))
  } finally {
    await removeDir(dir)
    await removeDir(content)
  }
})

test('should refuse through the API too, with a UsageError, before touching anything', async () => {
  const parent = await tempDir('out-check-api')
  const content = join(parent, 'content')
  const cache = join(parent, 'cache')
  await rename(await contentWith(undefined, { keepSiteArticles: true }), content)
  try {
    const before = await hashTree(parent)
    const refused = (outDir: string): Promise<unknown> =>
      build({ contentDir: content, outDir, cacheDir: cache, now: testNow, log: () => {} }).then(
        () => undefined,
        (thrown: unknown) => thrown
      )
    for (const outDir of [content, parent, join(content, 'media')]) {
      const error = await refused(outDir)
      assert.instance(error, UsageError)
      assert.match((error as UsageError).hint, '--out dist')
    }
    assert.match(((await refused(cache)) as Error).message, 'is the cache folder')
    assert.equal(await hashTree(parent), before)
    assert.not.ok(await exists(cache))
  } finally {
    await removeDir(parent)
  }
})

test('should refuse a dangerous --out in serve before the first build', async () => {
  const content = await contentWith(undefined, { keepSiteArticles: true })
  try {
    const before = await hashTree(content)
    const result = await runCliInProcess(['serve', '--content', relative(root, content), '--out', relative(root, content), '--port', '0'])
    assert.is(result.code, 2, result.stdout + result.stderr)
    assert.match(result.stderr, 'is the content folder')
    assert.equal(await hashTree(content), before)
  } finally {
    await removeDir(content)
  }
})

test.run()
