import { spawn } from 'node:child_process'
import { appendFile, readdir, readFile, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { writeArticle } from '../../helpers/articles.ts'
import { cliScript, contentWith, removeDir, root, tempDir } from '../../helpers/fixtures.ts'
import { runCli, runCliInProcess } from '../../helpers/run-cli.ts'
import { hashTree } from '../../helpers/tree.ts'

// The live output is only ever swapped, never taken apart: whoever reads `dist/` while a build runs
// (a dev server, a deploy) and whatever kills the build, `dist/` is the previous output or the
// complete new one.
const test = suite('publish/live-output')
const now = ['--now', '2026-11-26T08:00:00+07:00']
let work = ''
let content = ''
let out = ''
let args: string[] = []
let before: Record<string, string> = {}

/** Real work for a build that carries folders: one article changed, one added. */
async function changeContent(round: number): Promise<void> {
  await appendFile(join(content, 'articles/2019/10/hoi-nghi-lang-nghe.md'), `\nĐoạn bổ sung ${round}.\n`)
  await writeArticle(content, { slug: `tin-moi-${round}`, date: '2026-11-20 07:00', locality: 'dien-bien', author: 'to-phuong' })
}

/** `toasoan build` in a process group of its own, killed with SIGKILL (launcher and worker) after `ms`. */
function buildKilledAfter(ms: number): Promise<void> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cliScript, ...args], { cwd: root, stdio: 'ignore', detached: true })
    const timer = setTimeout(() => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL')
    }, ms)
    child.on('exit', () => {
      clearTimeout(timer)
      done()
    })
  })
}

test.before(async () => {
  work = await tempDir('live-output')
  content = await contentWith(undefined, { keepSiteArticles: true })
  out = join(work, 'dist')
  args = ['build', '--content', relative(root, content), '--out', relative(root, out), ...now]
  const first = await runCliInProcess(args)
  assert.is(first.code, 0, first.stderr)
  before = await hashTree(out)
})

test.after(async () => {
  await removeDir(work)
  await removeDir(content)
})

test('should never show a reader of dist/ an output with folders missing while a build carries them', async () => {
  // Every file of the previous output that the next one has too (search fragments change names).
  const manifest = JSON.parse(await readFile(join(out, '.toasoan-manifest.json'), 'utf8')) as { files: Record<string, unknown> }
  const kept = Object.keys(manifest.files).filter((path) => !path.startsWith('/pagefind/'))
  assert.ok(kept.length > 50, 'the output has pages in folders the build carries')
  await changeContent(0)
  const build = runCli(args)
  let done = false
  void build.then(() => (done = true))
  let polls = 0
  const missing = new Set<string>()
  while (!done) {
    // A poll that spans the swap (the output folder's inode changed) is not a reading of one output.
    const start = await stat(out).catch(() => undefined)
    const found = await Promise.all(
      kept.map((path) =>
        stat(join(out, path)).then(
          () => undefined,
          () => path
        )
      )
    )
    const end = await stat(out).catch(() => undefined)
    if (start === undefined || end === undefined || start.ino !== end.ino) continue
    polls++
    for (const path of found) if (path !== undefined) missing.add(path)
  }
  const built = await build
  assert.is(built.code, 0, built.stderr)
  assert.match(built.stdout, /carried over in [1-9]\d* unchanged folders/, 'the build carried folders')
  assert.ok(polls > 5, `dist/ was read during the build (${polls} times)`)
  assert.equal([...missing].slice(0, 5), [], 'no file of the output went missing while the build ran')
  before = await hashTree(out)
})

test('should leave dist/ the previous or the complete new output whenever the build is killed with SIGKILL', async () => {
  await changeContent(1)
  // The finished output of this content, built apart from the live one, to compare with (in this
  // process: only the killed builds need one of their own).
  const reference = join(work, 'reference')
  const fresh = await runCliInProcess([
    'build',
    '--content',
    relative(root, content),
    '--out',
    relative(root, reference),
    '--cache',
    relative(root, join(work, 'reference-cache')),
    ...now,
  ])
  assert.is(fresh.code, 0, fresh.stderr)
  const after = await hashTree(reference)
  const outcomes: string[] = []
  // Spread over the build: start-up, loading, rendering, publishing (the carry and the swap).
  for (const ms of [300, 1200, 2200, 3000, 3800, 4600]) {
    await buildKilledAfter(ms)
    // Killed between the two renames of the swap (a window of microseconds), the previous output
    // is whole beside it, as .dist.old-<pid>, and the next build or deploy puts it back.
    const aside = (await readdir(work)).find((entry) => entry.startsWith('.dist.old-'))
    const output = await hashTree(out).catch(async () => (aside === undefined ? {} : hashTree(join(work, aside))))
    const same = JSON.stringify(output) === JSON.stringify(before) ? 'previous' : JSON.stringify(output) === JSON.stringify(after) ? 'new' : 'other'
    outcomes.push(`${ms} ms: ${same}`)
    // Nothing but the whole of one output or the other; once new, it stays new.
    assert.ok(same !== 'other', `killed after ${ms} ms, dist/ is neither output (${outcomes.join(', ')})`)
    if (same === 'new') before = after
  }
  const next = await runCliInProcess(args)
  assert.is(next.code, 0, next.stderr)
  assert.equal(await hashTree(out), after, `a build after the kills converges (${outcomes.join(', ')})`)
})

test.run()
