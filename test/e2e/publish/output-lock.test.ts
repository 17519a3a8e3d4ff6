import { spawn, type ChildProcess } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { isRunning, lockFileOf } from '../../../src/publish/index.ts'
import { cliScript, contentWith, eventually, exists, removeDir, root, tempDir } from '../../helpers/fixtures.ts'
import { runCli, runCliInProcess } from '../../helpers/run-cli.ts'

// One process per output: a second build, or a build during a deploy, stops (or waits) naming the
// other process, and a lock left by a killed process is taken over.
const test = suite('publish/output-lock')
const now = ['--now', '2026-11-26T08:00:00+07:00']
let work = ''
let content = ''
let out = ''
let args: string[] = []

/** A process that stands for another toasoan holding the lock (it only has to be alive). */
function sleeper(): ChildProcess {
  return spawn('sleep', ['60'], { stdio: 'ignore' })
}

/** Writes a lock file as a toasoan process would. */
async function holdLock(pid: number, command: string): Promise<void> {
  await writeFile(lockFileOf(out), `${JSON.stringify({ pid, command, since: '2026-12-05T08:00:00.000Z' })}\n`)
}

/** Waits until `check` holds, looking every 50 ms. */
async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((done) => setTimeout(done, 50))
}

test.before(async () => {
  work = await tempDir('output-lock')
  content = await contentWith(undefined, { keepSiteArticles: true })
  out = join(work, 'dist')
  args = ['build', '--content', relative(root, content), '--out', relative(root, out), ...now]
  const first = await runCliInProcess(args)
  assert.is(first.code, 0, first.stderr)
})

test.after(async () => {
  await removeDir(work)
  await removeDir(content)
})

test('should stop a build while a running process holds the output, naming it, and take over a dead one', async () => {
  const other = sleeper()
  try {
    await holdLock(other.pid ?? 0, 'deploy to s3://site/')
    const refused = await runCliInProcess(args)
    assert.is(refused.code, 1)
    assert.ok(
      refused.stderr.startsWith(
        `toasoan: ${out} is in use by another toasoan process: deploy to s3://site/ (pid ${other.pid}, since 2026-12-05T08:00:00.000Z).`
      ),
      refused.stderr
    )
    assert.match(refused.stderr, 'hint: Wait for it to finish')
    assert.ok(await exists(lockFileOf(out)), "the other process's lock is left alone")
  } finally {
    other.kill()
  }
  await eventually(() => !isRunning(other.pid ?? 0), 10_000)
  const next = await runCliInProcess(args)
  assert.is(next.code, 0, `a dead process's lock is taken over: ${next.stderr}`)
  assert.not.ok(await exists(lockFileOf(out)), 'and released after the build')
})

test('should wait with --wait for the process holding the output', async () => {
  const other = sleeper()
  await holdLock(other.pid ?? 0, 'build')
  setTimeout(() => other.kill(), 1500)
  const waited = await runCliInProcess([...args, '--wait', '30'])
  assert.is(waited.code, 0, waited.stderr)
  assert.match(waited.stdout, `waiting for build (pid ${other.pid}) to finish with ${out}`)
  const bad = await runCliInProcess([...args, '--wait', 'soon'])
  assert.is(bad.code, 2)
  assert.match(bad.stderr, 'toasoan: --wait: "soon" is not a number of seconds.')
})

test('should let one of two builds into the same output run and stop the other with a message', async () => {
  // Two processes: a child, and this one once the child holds the output (or has finished). A
  // build in this process is another process to the child's lock, and spares starting a second Node.
  let childDone = false
  const child = runCli(args).finally(() => (childDone = true))
  await until(async () => childDone || (await exists(lockFileOf(out))))
  const results = [await runCliInProcess(args), await child]
  assert.ok(
    results.some((result) => result.code === 0),
    results.map((result) => result.stderr).join('\n')
  )
  for (const result of results) {
    assert.ok(result.code === 0 || (result.code === 1 && result.stderr.includes('is in use by another toasoan process: build (pid')), result.stderr)
    assert.not.match(result.stderr, 'ENOENT')
  }
  assert.is(await readFile(join(out, 'index.html'), 'utf8').then((html) => html.includes('</html>')), true, 'the output is whole')
})

test('should stop the build when its launcher is killed with SIGKILL', async () => {
  await writeFile(
    join(content, 'articles/2019/10/hoi-nghi-lang-nghe.md'),
    `${await readFile(join(content, 'articles/2019/10/hoi-nghi-lang-nghe.md'), 'utf8')}\nThêm.\n`
  )
  const launcher = spawn(process.execPath, [cliScript, ...args], { cwd: root, stdio: 'ignore' })
  let exited = false
  launcher.once('exit', () => (exited = true))
  // The lock names the process doing the work: the launcher's child. Waited for without a time
  // limit (a loaded machine starts Node slowly), but not past the launcher's end.
  await until(async () => exited || (await exists(lockFileOf(out))))
  assert.not.ok(exited, 'the build takes the lock while its launcher runs')
  const worker = (JSON.parse(await readFile(lockFileOf(out), 'utf8')) as { pid: number }).pid
  assert.is.not(worker, launcher.pid)
  launcher.kill('SIGKILL')
  assert.ok(await eventually(() => !isRunning(worker), 10_000), 'the worker stops when its launcher dies')
  // The next build takes over the lock the worker may have left: in this process, as no signal is involved.
  const next = await runCliInProcess(args)
  assert.is(next.code, 0, next.stderr)
})

test.run()
