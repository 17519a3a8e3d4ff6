import { randomBytes } from 'node:crypto'
import { mkdir, readFile, stat, truncate, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { builtFixture } from '../helpers/built-fixture.ts'
import { exists, fixtureSite, removeDir, root, tempDir } from '../helpers/fixtures.ts'
import { type CliResult, runCliInProcess, runProcess } from '../helpers/run-cli.ts'
import { hashTree } from '../helpers/tree.ts'

// scripts/shard-cache.sh: how the site workflow's shards hand their caches to the build job.
const test = suite('shard-cache')
const script = join(root, 'scripts', 'shard-cache.sh')

/** Runs the script with bash in `cwd`, as the workflow does from the checkout's root. */
function runScript(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return runProcess('bash', [script, ...args], { GITHUB_ACTIONS: '', ...env }, cwd)
}

/** Writes files (path under the folder → content) into a folder. */
async function writeTree(dir: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), content)
  }
}

/** Packs `files` as shard `index`'s cache, where the build job downloads it (`shards/toasoan-shard-I/`). */
async function packShard(work: string, index: number, files: Record<string, string | Buffer>): Promise<string> {
  const runner = join(work, `runner-${index}`)
  await writeTree(join(runner, '.cache'), files)
  const archive = join(work, 'shards', `toasoan-shard-${index}`, 'shard.tar.zst')
  await mkdir(dirname(archive), { recursive: true })
  const result = await runScript(['pack', archive], runner)
  assert.is(result.code, 0, result.stderr)
  return archive
}

test('should merge every shard cache into .cache, skipping a missing or corrupt one with a warning', async () => {
  const work = await tempDir('shard-cache')
  try {
    await packShard(work, 1, { 'markdown/site/a.html': '<p>a</p>', 'pages/site/2019/05/x.html': 'x', 'tmp/tsx-0/compiled.js': 'scratch' })
    await packShard(work, 2, { 'markdown/site/b.html': '<p>b</p>', 'pages/site/2019/05/x.html': 'x', 'search/site/3.bundle': 'bundle' })
    // Shard 3 uploaded nothing; shard 4's archive was cut short (random bytes, so it stays large).
    const broken = await packShard(work, 4, { 'pages/site/2020/01/y.html': randomBytes(200_000), 'pages/site/2020/01/z.html': randomBytes(200_000) })
    await truncate(broken, Math.floor((await stat(broken)).size * 0.6))
    const final = join(work, 'final')
    await writeTree(join(final, '.cache'), { 'images/site/old.webp': 'restored', 'pages/site/2019/05/x.html': 'x' })

    const result = await runScript(['merge', join(work, 'shards'), '4'], final, { GITHUB_ACTIONS: 'true' })
    assert.is(result.code, 0, result.stdout + result.stderr)
    const cache = join(final, '.cache')
    assert.is(await readFile(join(cache, 'markdown/site/a.html'), 'utf8'), '<p>a</p>')
    assert.is(await readFile(join(cache, 'markdown/site/b.html'), 'utf8'), '<p>b</p>')
    assert.is(await readFile(join(cache, 'pages/site/2019/05/x.html'), 'utf8'), 'x')
    assert.is(await readFile(join(cache, 'search/site/3.bundle'), 'utf8'), 'bundle')
    assert.is(await readFile(join(cache, 'images/site/old.webp'), 'utf8'), 'restored', 'the restored cache is kept')
    assert.not.ok(await exists(join(cache, 'tmp')), "a shard's temporary files are not packed")
    assert.not.ok(await exists(join(cache, 'pages/site/2020')), 'nothing of a corrupt archive, not even its first files')
    assert.match(result.stdout, '::warning::shard 3/4 left no cache: the build makes its share itself.')
    assert.match(result.stdout, "::warning::shard 4/4's cache is unreadable: the build makes its share itself.")
    assert.match(result.stdout, 'merged the caches of 2 of 4 shards into .cache')
  } finally {
    await removeDir(work)
  }
})

test('should go on with an empty .cache when no shard left a cache, and warn without annotations outside Actions', async () => {
  const work = await tempDir('shard-cache')
  try {
    const result = await runScript(['merge', join(work, 'shards'), '2'], work)
    assert.is(result.code, 0, result.stderr)
    assert.match(result.stderr, 'warning: shard 1/2 left no cache')
    assert.match(result.stderr, 'warning: shard 2/2 left no cache')
    assert.match(result.stdout, 'merged the caches of 0 of 2 shards')
    assert.ok(await exists(join(work, '.cache')))
  } finally {
    await removeDir(work)
  }
})

test("should carry the shards' caches from their runners to the build, which then builds the bytes of one cold build", async () => {
  const work = await tempDir('shard-cache')
  const now = ['--now', '2026-11-26T08:00:00+07:00']
  try {
    // Each runner has its own checkout, hence its own .cache/ in the working folder, and the same
    // content path. The commands run in this process, so that folder is given as --cache (the
    // default, .cache of the working folder, is tested in cli.test.ts).
    for (const index of [1, 2]) {
      const runner = join(work, `runner-${index}`)
      await mkdir(runner, { recursive: true })
      const shard = await runCliInProcess(['build', '--shard', `${index}/2`, '--content', fixtureSite, '--cache', join(runner, '.cache'), ...now])
      assert.is(shard.code, 0, shard.stdout + shard.stderr)
      const archive = join(work, 'shards', `toasoan-shard-${index}`, 'shard.tar.zst')
      await mkdir(dirname(archive), { recursive: true })
      assert.is((await runScript(['pack', archive], runner)).code, 0)
    }
    const final = join(work, 'final')
    await mkdir(final)
    const merge = await runScript(['merge', join(work, 'shards'), '2'], final)
    assert.match(merge.stdout, 'merged the caches of 2 of 2 shards into .cache', merge.stderr)
    const build = await runCliInProcess(['build', '--content', fixtureSite, '--out', join(final, 'dist'), '--cache', join(final, '.cache'), ...now])
    assert.is(build.code, 0, build.stdout + build.stderr)
    assert.match(build.stdout, /search bundles: 0 indexed, \d+ from the cache/)
    assert.match(build.stdout, /images: 0 processed, \d+ from the cache/)
    assert.equal(await hashTree(join(final, 'dist')), await hashTree(await builtFixture()))
  } finally {
    await removeDir(work)
  }
})

test('should exit 2 on a usage error', async () => {
  for (const args of [[], ['merge', 'shards'], ['merge', 'shards', '0'], ['merge', 'shards', 'eight'], ['pack'], ['unpack', 'x']]) {
    const result = await runScript(args, root)
    assert.is(result.code, 2, args.join(' '))
    assert.match(result.stderr, 'usage: bash scripts/shard-cache.sh pack ARCHIVE | merge DIR COUNT')
  }
})

test.run()
