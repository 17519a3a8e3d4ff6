import { existsSync, readFileSync, rmSync, watch } from 'node:fs'
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { build } from '../../src/pipeline/build.ts'
import { fixtureSite, tempDir, testNow } from './fixtures.ts'

/**
 * A folder `npm test` (scripts/run-tests.js) gives its test processes to share one build of the
 * fixture: the first process that needs it builds it there, the others wait for it. Unset (one uvu
 * process run by hand, or `--times`), each process builds its own.
 */
const sharedBuildVariable = 'TOASOAN_TEST_FIXTURE_BUILD'

let built: Promise<string> | undefined

/** The folder holding the fixture site's build: `dist/` and `cache/`, built on first use. */
function builtWork(): Promise<string> {
  const shared = process.env[sharedBuildVariable]
  built ??= shared ? sharedWork(shared) : ownWork()
  return built
}

/** Builds the fixture site into `work`. */
async function buildInto(work: string): Promise<void> {
  const result = await build({ contentDir: fixtureSite, outDir: join(work, 'dist'), cacheDir: join(work, 'cache'), now: testNow, log: () => {} })
  if (!result.ok) throw new Error('the fixture site does not build')
}

/** A build of this process's own, removed when it exits. */
async function ownWork(): Promise<string> {
  const work = await tempDir('built-fixture')
  process.on('exit', () => rmSync(work, { recursive: true, force: true }))
  await buildInto(work)
  return work
}

/**
 * The build in the shared folder: made by the process that puts `claim` there first, which then
 * writes `ready`, or `failed` with the reason; the folder is removed by whoever made it. The claim
 * is a folder holding the claimant's pid, made aside and renamed into place (renaming onto a
 * folder that exists fails), so no waiting process ever sees a claim without its pid: a claimant
 * that dies at any point is seen dead.
 *
 * @param dir The shared folder.
 */
async function sharedWork(dir: string): Promise<string> {
  const work = join(dir, 'work')
  const claim = await mkdtemp(join(dir, 'claim-'))
  await writeFile(join(claim, 'pid'), String(process.pid))
  try {
    await rename(claim, join(dir, 'claim'))
  } catch (error) {
    await rm(claim, { recursive: true, force: true })
    if (!['EEXIST', 'ENOTEMPTY'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error
    return waitForBuild(dir, work)
  }
  try {
    await buildInto(work)
    await writeFile(join(dir, 'ready'), '')
  } catch (error) {
    // Written whole, then renamed into place: the waiting processes read it as soon as it appears.
    await writeFile(join(dir, 'failed.tmp'), String(error))
    await rename(join(dir, 'failed.tmp'), join(dir, 'failed'))
    throw error
  }
  return work
}

/** The id of the process building in the shared folder, once it has written it. */
function builderOf(dir: string): number | undefined {
  const file = join(dir, 'claim', 'pid')
  return existsSync(file) ? Number(readFileSync(file, 'utf8')) : undefined
}

/** Whether a process is still running. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Waits for another process's build: `ready` or `failed` appearing in the folder. It fails too if
 * that process ends without either (it crashed), checked once a second, so no test process waits
 * for ever.
 *
 * @param dir The shared folder.
 * @param work Where the build is.
 */
function waitForBuild(dir: string, work: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const outcome = (): { work: string } | Error | undefined => {
      if (existsSync(join(dir, 'ready'))) return { work }
      if (existsSync(join(dir, 'failed')))
        return new Error(`the fixture site does not build (in another test process): ${readFileSync(join(dir, 'failed'), 'utf8')}`)
      const pid = builderOf(dir)
      return pid !== undefined && !running(pid) ? new Error(`test process ${pid} stopped before the fixture site was built`) : undefined
    }
    const check = (): void => {
      const found = outcome()
      if (found === undefined) return
      watcher.close()
      clearInterval(crashed)
      if (found instanceof Error) reject(found)
      else resolve(found.work)
    }
    const watcher = watch(dir, check)
    const crashed = setInterval(check, 1000)
    check()
  })
}

/**
 * The fixture site built once per test process (uvu runs every file in one), or once for every
 * process of `npm test` (`TOASOAN_TEST_FIXTURE_BUILD`), for tests that only read the output or
 * copy it first. Removed when the process, or `npm test`, exits.
 *
 * @returns The output folder.
 */
export async function builtFixture(): Promise<string> {
  return join(await builtWork(), 'dist')
}

/**
 * The cache of {@link builtFixture}'s build, for tests that copy it beside a copy of the output to
 * rebuild warm, as a newsroom's next build is. Never write into it.
 *
 * @returns The cache folder.
 */
export async function builtFixtureCache(): Promise<string> {
  return join(await builtWork(), 'cache')
}
