import { spawn } from 'node:child_process'
import { appendFile, readdir, readFile, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { writeArticle } from '../../helpers/articles.ts'
import { isRunning, lockFileOf, readFileManifest, type FileManifest } from '../../../src/publish/index.ts'
import { cliScript, contentWith, removeDir, root, tempDir } from '../../helpers/fixtures.ts'
import { runCliInProcess, type CliResult } from '../../helpers/run-cli.ts'
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

/** A `toasoan build` child: what it printed so far, and its end. */
interface RunningBuild {
  /** Resolves once the build prints a line holding `text` (never, if it ends first). */
  printed: (text: string) => Promise<void>
  /** Kills it with SIGKILL, launcher and worker (its process group). */
  kill: () => void
  done: Promise<CliResult>
}

/** Starts `toasoan build` in a process group of its own, its output watched line by line. */
function startBuild(): RunningBuild {
  const child = spawn(process.execPath, [cliScript, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let stdout = ''
  let stderr = ''
  const waiting: Array<{ text: string; done: () => void }> = []
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    for (const wait of waiting.filter(({ text }) => stdout.includes(text))) {
      waiting.splice(waiting.indexOf(wait), 1)
      wait.done()
    }
  })
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return {
    printed: (text) => (stdout.includes(text) ? Promise.resolve() : new Promise((done) => waiting.push({ text, done }))),
    kill: () => {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL')
    },
    done: new Promise((resolve, reject) => {
      child.on('error', reject)
      child.on('close', (code) => resolve({ code, stdout, stderr }))
    }),
  }
}

/**
 * A point of the build to kill it at: the lock taken (start-up), or a line it prints as a step
 * ends. Events, not delays: each point is reached on any machine, however loaded.
 */
type KillPoint = { lock: true } | { line: string }

/** Whether a running process holds the output's lock (a build killed before left its own, naming a dead process). */
async function lockedByLiveProcess(): Promise<boolean> {
  const holder = await readFile(lockFileOf(out), 'utf8').then(
    (text) => (JSON.parse(text) as { pid: number }).pid,
    () => undefined
  )
  return holder !== undefined && isRunning(holder)
}

/** Runs `toasoan build` and kills it with SIGKILL at `point` (unless it ends before). */
async function buildKilledAt(point: KillPoint): Promise<void> {
  const build = startBuild()
  const ended = build.done.then(() => undefined)
  const reached =
    'line' in point
      ? build.printed(point.line)
      : (async () => {
          let over = false
          void ended.then(() => (over = true))
          while (!over && !(await lockedByLiveProcess())) await new Promise((done) => setTimeout(done, 20))
        })()
  await Promise.race([reached, ended])
  build.kill()
  await build.done
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
  const manifest = (await readFileManifest(out)) as FileManifest
  const kept = Object.keys(manifest.files).filter((path) => !path.startsWith('/pagefind/'))
  assert.ok(kept.length > 50, 'the output has pages in folders the build carries')
  await changeContent(0)
  const running = startBuild()
  let done = false
  void running.done.then(() => (done = true))
  // Folders are carried while the build publishes: read from its last step on (the steps before
  // write only into the staging folder; the kills below cover them).
  await Promise.race([running.printed('✓ processing images'), running.done])
  // Each reading stats one file between two stats of the output folder, round the kept files: a
  // reading spanning the swap (the folder's inode changed) is not a reading of one output. Single
  // files, not the whole list at once: on a loaded machine a poll of every file could outlast the
  // publishing step, and none would count.
  let readings = 0
  let next = 0
  const missing = new Set<string>()
  while (!done) {
    const path = kept[next++ % kept.length] as string
    const start = await stat(out).catch(() => undefined)
    const found = await stat(join(out, path)).then(
      () => true,
      () => false
    )
    const end = await stat(out).catch(() => undefined)
    if (start === undefined || end === undefined || start.ino !== end.ino) continue
    readings++
    if (!found) missing.add(path)
  }
  const built = await running.done
  // The next test kills builds of the content this one left: its output is the one to compare with.
  before = await hashTree(out)
  assert.is(built.code, 0, built.stderr)
  assert.match(built.stdout, /carried over in [1-9]\d* unchanged folders/, 'the build carried folders')
  // Quiet, a build's publishing allows about 1,300 readings here (every file several times); with
  // three busy loops beside it, 79. One is what is asked.
  assert.ok(readings > 0, `dist/ was read during the build (${readings} readings)`)
  assert.equal([...missing].slice(0, 5), [], 'no file of the output went missing while the build ran')
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
  // Spread over the build: start-up (the lock taken), a stage that writes only into staging (as
  // every stage before publishing does), and publishing: the carry done, and the manifest written
  // just before the swap. Each killed build runs up to its point, so a point costs a build's start.
  const points: KillPoint[] = [{ lock: true }, { line: '✓ rendering pages' }, { line: '  carried folders:' }, { line: '  file manifest:' }]
  for (const point of points) {
    const at = 'line' in point ? point.line.trim() : 'the lock taken'
    await buildKilledAt(point)
    // Killed between the two renames of the swap (a window of microseconds), the previous output
    // is whole beside it, as .dist.old-<pid>, and the next build or deploy puts it back.
    const aside = (await readdir(work)).find((entry) => entry.startsWith('.dist.old-'))
    const output = await hashTree(out).catch(async () => (aside === undefined ? {} : hashTree(join(work, aside))))
    const same = JSON.stringify(output) === JSON.stringify(before) ? 'previous' : JSON.stringify(output) === JSON.stringify(after) ? 'new' : 'other'
    outcomes.push(`${at}: ${same}`)
    // Nothing but the whole of one output or the other; once new, it stays new.
    assert.ok(same !== 'other', `killed at ${at}, dist/ is neither output (${outcomes.join(', ')})`)
    if (same === 'new') before = after
  }
  const next = await runCliInProcess(args)
  assert.is(next.code, 0, next.stderr)
  assert.equal(await hashTree(out), after, `a build after the kills converges (${outcomes.join(', ')})`)
})

test.run()
