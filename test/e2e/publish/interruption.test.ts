import { spawn } from 'node:child_process'
import { appendFile, cp, readdir, rename } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { writeArticle } from '../../helpers/articles.ts'
import { builtFixture } from '../../helpers/built-fixture.ts'
import { cliScript, contentWith, deadPid, eventually, exists, fixtures, removeDir, root, tempDir } from '../../helpers/fixtures.ts'
import { runCli, runCliInProcess } from '../../helpers/run-cli.ts'
import { hashTree } from '../../helpers/tree.ts'

// CI cancels runs all the time: a build stopped by SIGTERM (or Ctrl-C) must leave the previous
// output exactly as it was, and the next build must clean up what the stopped one left.
const test = suite('interruption')
const now = ['--now', '2026-11-26T08:00:00+07:00']

/** What a stopped build printed and how it ended. */
interface Stopped {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/**
 * Runs `toasoan build` as CI would and sends SIGTERM when a line appears on its output, or after a delay.
 *
 * @param args Arguments after `toasoan`.
 * @param when A progress line (e.g. `✓ rendering pages`) or milliseconds after the start.
 */
function buildStoppedAt(args: readonly string[], when: string | number): Promise<Stopped> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliScript, ...args], { cwd: root })
    let stdout = ''
    let stderr = ''
    let sent = false
    const stop = (): void => {
      if (!sent) child.kill('SIGTERM')
      sent = true
    }
    if (typeof when === 'number') setTimeout(stop, when)
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (typeof when === 'string' && stdout.includes(when)) stop()
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
}

/** A build's leftover beside the output: anything `.dist.…` but the spare, the output before the live one a build keeps on purpose. */
const leftover = (entry: string): boolean => entry.startsWith('.dist.') && entry !== '.dist.spare'

test('should leave the previous output byte-identical whenever SIGTERM stops a build, and clean up after it', async () => {
  const work = await tempDir('interrupt')
  const content = await contentWith(undefined, { keepSiteArticles: true })
  try {
    const out = join(work, 'dist')
    const args = ['build', '--content', relative(root, content), '--out', relative(root, out), ...now]
    // Builds that are not stopped run in this process; the stopped ones, and the next (which must
    // tell this process's staging folder from a dead one's), are child processes.
    const first = await runCliInProcess(args)
    assert.is(first.code, 0, first.stderr)
    const before = await hashTree(out)
    // Real work for the next build: a changed article and a new one (pages, listings, feeds, search).
    await appendFile(join(content, 'articles/2019/10/hoi-nghi-lang-nghe.md'), '\nĐoạn bổ sung sau hội nghị.\n')
    await writeArticle(content, { slug: 'tin-moi-bo-sung', date: '2026-11-20 07:00', locality: 'dien-bien', author: 'to-phuong' })
    // During start-up (no handler yet: Node's default), then at each stage; the last lands in
    // publishing or after it, where the new output may already be complete.
    // Three points stand for the rest: each stage between them writes only into staging, as they do.
    const points: Array<string | number> = [400, '✓ loading content', '✓ indexing search']
    let published: Record<string, string> | undefined
    for (const point of points) {
      const stopped = await buildStoppedAt(args, point)
      const label = `stopped at ${JSON.stringify(point)}: ${stopped.stdout}${stopped.stderr}`
      assert.not.match(stopped.stderr, /\n\s+at /, `no stack trace, ${label}`)
      const output = await hashTree(out)
      if (stopped.code === 0 || JSON.stringify(output) !== JSON.stringify(published ?? before)) {
        // The build got through publishing before the signal was handled (the last point may land in
        // publishing; on a loaded machine the timer of the first has fired after the build ended):
        // the output must then be the complete new one, which the next build is checked to write.
        assert.ok(published === undefined || JSON.stringify(output) === JSON.stringify(published), `one new output, ${label}`)
        published = output
        assert.ok(stopped.code === 0 || stopped.code === 143 || stopped.signal === 'SIGTERM', label)
        continue
      }
      assert.ok(stopped.code === 143 || stopped.signal === 'SIGTERM', label)
      if (stopped.code === 143) assert.match(stopped.stderr, 'toasoan: SIGTERM: stopping the build', label)
      assert.equal(output, published ?? before, label)
    }
    // Leftovers of a build that died (SIGKILL, a power cut) and of one still running.
    const dead = join(work, `.dist.staging-${await deadPid()}`)
    const live = join(work, `.dist.staging-${process.pid}`)
    for (const dir of [dead, live]) await cp(join(out, '2019'), join(dir, '2019'), { recursive: true })
    const next = await runCli(args)
    assert.is(next.code, 0, next.stderr)
    if (published) assert.equal(await hashTree(out), published, 'a build that got through publishing left exactly what the next build writes')
    assert.not.equal(await hashTree(out), before)
    assert.not.ok(await exists(dead), 'the staging folder of a dead build is removed')
    assert.ok(await exists(live), 'the staging folder of a running build is left alone')
    await removeDir(live)
    const clean = await eventually(async () => (await readdir(work)).filter(leftover).length === 0, 10_000)
    assert.ok(clean, `left over: ${(await readdir(work)).join(', ')}`)
  } finally {
    await removeDir(work)
    await removeDir(content)
  }
})

test('should put the output aside back before a deploy reads it', async () => {
  const work = await tempDir('interrupt-deploy')
  try {
    // A whole output, as a build leaves it: the process's one build of the fixture, copied.
    const out = join(work, 'dist')
    await cp(await builtFixture(), out, { recursive: true })
    const before = await hashTree(out)
    await rename(out, join(work, `.dist.old-${await deadPid()}`))
    const checked = await runCliInProcess(['deploy', '--check', 's3', '--out', relative(root, out)])
    assert.is(checked.code, 0, checked.stderr)
    assert.equal(await hashTree(out), before, 'the output a killed build left aside is back, whole')
  } finally {
    await removeDir(work)
  }
})

test('should put back an output that a build killed between its two renames left aside', async () => {
  const work = await tempDir('interrupt-swap')
  const content = await contentWith(undefined, { keepSiteArticles: true })
  try {
    const out = join(work, 'dist')
    const args = ['build', '--content', relative(root, content), '--out', relative(root, out), ...now]
    // A whole output (the process's one build of the fixture, copied): the build below fails before
    // writing anything, so only what it finds aside matters.
    await cp(await builtFixture(), out, { recursive: true })
    const before = await hashTree(out)
    // What SIGKILL between `rename(dist, .dist.old-<pid>)` and `rename(staging, dist)` leaves.
    await rename(out, join(work, `.dist.old-${await deadPid()}`))
    await cp(join(fixtures, 'errors', 'missing-title', 'articles'), join(content, 'articles'), { recursive: true })
    const failed = await runCliInProcess(args)
    assert.is(failed.code, 1, 'the next build fails on the broken article')
    assert.equal(await hashTree(out), before, 'and the output it found aside is back in place')
    assert.equal((await readdir(work)).filter(leftover), [])
  } finally {
    await removeDir(work)
    await removeDir(content)
  }
})

test.run()
