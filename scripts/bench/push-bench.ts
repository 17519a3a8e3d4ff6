import { execFile } from 'node:child_process'
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { createS3rver } from '../s3rver.ts'
import { glob } from 'tinyglobby'
import { parse } from 'yaml'
import { ensureCorpus } from './bench-corpus.ts'
import { snapshotCode } from './code-snapshot.ts'
import { addArticle, editArticle } from './corpus-edits.ts'
import { runMeasured, type Measured } from './run-measured.ts'
import { snapshotTree, treeTotals } from './tree-snapshot.ts'

const run = promisify(execFile)

/** The bandwidth transfers to and from GitHub's cache and artifact storage are computed at. */
export const transferBytesPerSecond = 50 * 1024 ** 2

/** The build's "now": the corpus ends in 2025, so the runner's years are 2026 and 2025. */
const now = '2026-01-01T00:00:00+07:00'
const years = { year: '2026', last: '2025' }

/** One way from a push to the live site, measured. */
export interface PushRow {
  change: string
  /** `today`: the whole cache restored and saved, the whole site built, tarred and handed to a deploy job. */
  path: 'today' | 'push'
  restoredBytes: number
  /** Unpacking the restored cache (the download itself is computed, see {@link transferBytesPerSecond}). */
  restoreMs: number
  buildMs: number
  /** The build's steps as it printed them (`loading content`: ms). */
  steps: Record<string, number>
  /** Keys the build took from the last build's records, when it said: article pages' (see `articleKeys`) and search bundles' (see `keptBundleKeys`). */
  keysKept?: KeysKept
  buildPeakBytes: number
  /** Files the build wrote into dist/ (hard links count: each is a file created), and their bytes. */
  writtenFiles: number
  writtenBytes: number
  /** The dist/ artifact, uploaded by the build job and downloaded by the deploy job. */
  artifactBytes: number
  uploadedObjects: number
  uploadedBytes: number
  deployMs: number
  savedBytes: number
  /** Packing the cache to save (the upload itself is computed). */
  saveMs: number
}

/** Options of {@link benchPush}. */
export interface PushBenchOptions {
  articles: number
  workDir: string
  log: (line: string) => void
}

/** What the workflow restores and saves for S3 (`site.yml`, build job), with the runner's years. */
async function workflowCachePaths(): Promise<{ state: string[]; bodies: (year: string) => string[] }> {
  const workflow = parse(await readFile(resolve('.github/workflows/site.yml'), 'utf8')) as {
    jobs: { build: { steps: Array<{ id?: string; with?: { path?: string } }> } }
  }
  const pathOf = (id: string): string[] => (workflow.jobs.build.steps.find((step) => step.id === id)?.with?.path ?? '').split('\n').filter(Boolean)
  const bodies = pathOf('restore-bodies-year')
  return { state: pathOf('restore-state'), bodies: (year) => bodies.map((path) => path.replace(/\$\{\{ steps\.years\.outputs\.year \}\}/, year)) }
}

/** Runs git in a folder, as a bench user. */
async function git(dir: string, ...args: string[]): Promise<void> {
  await run('git', ['-C', dir, '-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', ...args], { maxBuffer: 1 << 26 })
}

/** Packs files of a runner as actions/cache does (tar, zstd); returns the archive's bytes and the time. */
async function pack(runner: string, patterns: readonly string[], archive: string): Promise<{ bytes: number; ms: number }> {
  const started = performance.now()
  const files = await glob([...patterns], { cwd: runner, dot: true })
  if (files.length === 0) return { bytes: 0, ms: 0 }
  const list = `${archive}.list`
  await writeFile(list, files.join('\n'))
  await run('bash', ['-c', 'tar -cf - -C "$1" -T "$2" | zstd -q -T0 -3 -o "$3" -f', 'pack', runner, list, archive], { maxBuffer: 1 << 26 })
  return { bytes: (await stat(archive)).size, ms: performance.now() - started }
}

/** Unpacks archives into a fresh runner folder; returns the time. */
async function unpack(runner: string, archives: readonly string[]): Promise<number> {
  const started = performance.now()
  await rm(runner, { recursive: true, force: true })
  await mkdir(runner, { recursive: true })
  for (const archive of archives) {
    if ((await stat(archive).catch(() => undefined)) === undefined) continue
    await run('bash', ['-c', 'zstd -q -d -c "$1" | tar -xf - -C "$2"', 'unpack', archive, runner], { maxBuffer: 1 << 26 })
  }
  return performance.now() - started
}

/**
 * Measures a push at archive size as the workflow runs it, both ways, in one run: today's (the
 * whole `.cache/` restored and saved, the whole site built into an empty `dist/`, tarred as an
 * artifact for the deploy job) and the push path (for S3: the state and this year's and last
 * year's bodies restored, `build --deployed`, the deploy from the build job, the state and changed
 * years saved), for a new article and for an edit of the oldest one, against s3rver on 127.0.0.1.
 *
 * @param options The corpus size and the work folder.
 */
export async function benchPush(options: PushBenchOptions): Promise<{ rows: PushRow[]; revision: string; files: number }> {
  const { log } = options
  const corpus = await ensureCorpus(options.articles, options.workDir, log)
  const dir = resolve(options.workDir, `push-${options.articles}`)
  const prepared = join(dir, 'prepared')
  await mkdir(dir, { recursive: true })
  const code = await snapshotCode(join(dir, 'code'))
  const content = join(dir, 'content')
  const paths = await workflowCachePaths()
  const env = { ...process.env, ...code.env, AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1' }
  const toasoan = async (runner: string, args: readonly string[]) => {
    const measured = await runMeasured(process.execPath, [code.cli, ...args], { cwd: runner, env })
    if (measured.code !== 0) throw new Error(`toasoan ${args.join(' ')} failed:\n${measured.stderr}${measured.stdout.slice(-2000)}`)
    return measured
  }
  // The archive built cold and deployed is kept (prepared/): a later run of the same code key (the
  // cache's: code that shapes cached entries, Node, registries) starts from a copy of it.
  const codeKey = (await toasoan(dir, ['cache', 'key', '--content', corpus])).stdout.trim()
  const info = await readFile(join(prepared, 'prepared.json'), 'utf8').then(
    (text) => JSON.parse(text) as { codeKey: string; files: number },
    () => undefined
  )
  if (info?.codeKey !== codeKey) await rm(prepared, { recursive: true, force: true })
  for (const name of ['content', 's3', 'runner-base', 'runner-today', 'runner-push']) await rm(join(dir, name), { recursive: true, force: true })
  // The archive is a git repository, as a newsroom's is, cloned afresh as a runner checks it out.
  const origin = join(prepared, 'content.git')
  if (info?.codeKey !== codeKey) {
    await mkdir(prepared, { recursive: true })
    await run('cp', ['-a', corpus, content])
    await git(content, 'init', '-q')
    await git(content, 'add', '-A')
    await git(content, 'commit', '-q', '-m', 'The archive')
    await run('git', ['clone', '-q', '--bare', content, origin])
    await rm(content, { recursive: true, force: true })
  }
  await run('git', ['clone', '-q', origin, content])
  if (info?.codeKey === codeKey) {
    log(`push bench: starting from the archive prepared by this code (${prepared})`)
    await run('cp', ['-a', join(prepared, 's3'), join(dir, 's3')])
  }
  const server = createS3rver({ port: 0, address: '127.0.0.1', directory: join(dir, 's3'), silent: true, configureBuckets: [{ name: 'bench' }] })
  const address = await server.run()
  let puts = 0
  server.httpServer.on('request', (request) => void (request.method === 'PUT' && !request.url?.includes('.toasoan-manifest') && puts++))
  const endpoint = `http://127.0.0.1:${address.port}`
  const build = (runner: string, deployed: boolean) =>
    toasoan(runner, [
      'build',
      '--content',
      content,
      '--out',
      'dist',
      '--cache',
      '.cache',
      '--now',
      now,
      ...(deployed ? ['--deployed', 's3://bench/site', '--endpoint', endpoint] : []),
    ])
  const deploy = (runner: string, dryRun: boolean) =>
    toasoan(runner, ['deploy', '--to', 's3://bench/site', '--endpoint', endpoint, '--out', 'dist', ...(dryRun ? ['--dry-run'] : [])])
  const archives = { today: join(dir, 'today.tar.zst'), state: join(dir, 'state.tar.zst'), bodies: (year: string) => join(dir, `bodies-${year}.tar.zst`) }
  const names = ['today.tar.zst', 'state.tar.zst', ...Object.values(years).map((year) => `bodies-${year}.tar.zst`)]
  const rows: PushRow[] = []
  try {
    let files = info?.codeKey === codeKey ? info.files : 0
    if (info?.codeKey !== codeKey) {
      // The state before the pushes: the archive built and deployed, its caches saved both ways.
      const base = join(dir, 'runner-base')
      await mkdir(base, { recursive: true })
      log(`push bench: building ${options.articles} articles cold and deploying them…`)
      await build(base, true)
      await deploy(base, false)
      files = treeTotals(await snapshotTree(join(base, 'dist'))).files
      await pack(base, ['.cache/**'], archives.today)
      await pack(base, paths.state, archives.state)
      for (const year of Object.values(years)) await pack(base, paths.bodies(year), archives.bodies(year))
      await rm(base, { recursive: true, force: true })
      await run('cp', ['-a', join(dir, 's3'), join(prepared, 's3')])
      for (const name of names) await run('cp', ['-a', join(dir, name), join(prepared, name)]).catch(() => {})
      await writeFile(join(prepared, 'prepared.json'), JSON.stringify({ codeKey, files }))
    } else for (const name of names) await run('cp', ['-a', join(prepared, name), join(dir, name)]).catch(() => {})
    // At a round archive size the first new article starts a search bundle (1 publish in 1,000);
    // the second is the everyday publish.
    const changes = {
      'add one article (starts a search bundle)': () => addArticle(content),
      'add a second article (everyday)': () => addArticle(content, 2),
      'edit the oldest article': () => editArticle(content),
    }
    for (const [change, make] of Object.entries(changes)) {
      log(`push bench: ${change}: ${await make()}`)
      await git(content, 'add', '-A')
      await git(content, 'commit', '-q', '-m', change)
      rows.push(await todayPath(change, join(dir, 'runner-today'), archives.today, { build, deploy, log }))
      rows.push(await pushPath(change, join(dir, 'runner-push'), archives, { build, deploy, log, paths, puts: () => puts }))
    }
    await writeFile(join(dir, 'rows.json'), JSON.stringify({ rows, revision: code.revision, files }, null, 2))
    return { rows, revision: code.revision, files }
  } finally {
    await server.close()
  }
}

/** What the two paths share. */
interface PathContext {
  build: (runner: string, deployed: boolean) => ReturnType<typeof runMeasured>
  deploy: (runner: string, dryRun: boolean) => ReturnType<typeof runMeasured>
  log: (line: string) => void
}

/** Each step of a build with its time, from the lines it prints (`✓ loading content (4.2 s)`). */
function buildSteps(stdout: string): Record<string, number> {
  const steps: Record<string, number> = {}
  for (const [, name = '', value = '0', unit] of stdout.matchAll(/✓ (.+) \(([\d.]+) (ms|s)\)/g)) steps[name] = Number(value) * (unit === 's' ? 1000 : 1)
  return steps
}

/** Keys a build took from the last build's records. */
export interface KeysKept {
  articles?: number
  bundles?: number
}

/**
 * How many article page keys and search bundle keys a build took from the last build's records,
 * from its pages and search lines (`…; 100,041 article keys kept from the last build`, `search
 * bundles: …; 100 keys kept from the last build`); each undefined when it kept none.
 *
 * @param stdout The build's output.
 */
export function keysKept(stdout: string): KeysKept {
  const count = (match: RegExpExecArray | null): number | undefined => (match?.[1] === undefined ? undefined : Number(match[1].replace(/,/g, '')))
  const articles = count(/; ([\d,]+) article keys kept from the last build/.exec(stdout))
  const bundles = count(/search bundles: [^\n]*; ([\d,]+) keys kept from the last build/.exec(stdout))
  return { ...(articles === undefined ? {} : { articles }), ...(bundles === undefined ? {} : { bundles }) }
}

function keptOf(stdout: string): { keysKept?: KeysKept } {
  const kept = keysKept(stdout)
  return kept.articles === undefined && kept.bundles === undefined ? {} : { keysKept: kept }
}

/** What a row says of its build. */
function builtRow(change: string, path: PushRow['path'], built: Measured, written: { files: number; bytes: number }) {
  return {
    change,
    path,
    buildMs: built.ms,
    steps: buildSteps(built.stdout),
    ...keptOf(built.stdout),
    buildPeakBytes: built.memory.total,
    writtenFiles: written.files,
    writtenBytes: written.bytes,
  }
}

/** Bytes a deploy's plan uploads, from its first line. */
function planned(stdout: string): { objects: number; bytes: number } {
  const plan = /(\d+) files to upload \(([\d.]+) MB/.exec(stdout)
  return { objects: Number(plan?.[1] ?? 0), bytes: Number(plan?.[2] ?? 0) * 1024 ** 2 }
}

/** Today's workflow: the whole cache, the whole site, a tar of dist/ for the deploy job. */
async function todayPath(change: string, runner: string, cache: string, context: PathContext): Promise<PushRow> {
  const restoredBytes = (await stat(cache)).size
  const restoreMs = await unpack(runner, [cache])
  const built = await context.build(runner, false)
  const written = treeTotals(await snapshotTree(join(runner, 'dist')))
  await run('tar', ['-cf', join(runner, 'dist.tar'), '-C', runner, 'dist'])
  const artifactBytes = (await stat(join(runner, 'dist.tar'))).size
  await rm(join(runner, 'dist.tar'))
  // Planned, not uploaded: the push path uploads the same files right after.
  const deployed = await context.deploy(runner, true)
  const saved = await pack(runner, ['.cache/**'], cache)
  context.log(`  today: build ${(built.ms / 1000).toFixed(1)} s, ${written.files} files written`)
  return {
    ...builtRow(change, 'today', built, written),
    restoredBytes,
    restoreMs,
    artifactBytes,
    uploadedObjects: planned(deployed.stdout).objects,
    uploadedBytes: planned(deployed.stdout).bytes,
    deployMs: deployed.ms,
    savedBytes: saved.bytes,
    saveMs: saved.ms,
  }
}

/** The push path for S3: the state and recent bodies, `build --deployed`, the deploy from the build job. */
async function pushPath(
  change: string,
  runner: string,
  archives: { state: string; bodies: (year: string) => string },
  context: PathContext & { paths: Awaited<ReturnType<typeof workflowCachePaths>>; puts: () => number }
): Promise<PushRow> {
  const restored = [archives.state, ...Object.values(years).map(archives.bodies)]
  let restoredBytes = 0
  for (const archive of restored) restoredBytes += (await stat(archive).catch(() => undefined))?.size ?? 0
  const restoreMs = await unpack(runner, restored)
  const bodiesBefore = new Map<string, string>()
  for (const year of Object.values(years)) bodiesBefore.set(year, await listing(runner, context.paths.bodies(year)))
  const built = await context.build(runner, true)
  const written = treeTotals(await snapshotTree(join(runner, 'dist')))
  const before = context.puts()
  const deployed = await context.deploy(runner, false)
  // Saved: the state always (its key is the build's digest), a year's bodies when that year changed.
  const state = await pack(runner, context.paths.state, archives.state)
  let savedBytes = state.bytes
  let saveMs = state.ms
  for (const year of Object.values(years)) {
    if ((await listing(runner, context.paths.bodies(year))) === bodiesBefore.get(year)) continue
    const saved = await pack(runner, context.paths.bodies(year), archives.bodies(year))
    savedBytes += saved.bytes
    saveMs += saved.ms
  }
  context.log(`  push: build ${(built.ms / 1000).toFixed(1)} s, ${written.files} files written, ${context.puts() - before} uploaded`)
  return {
    ...builtRow(change, 'push', built, written),
    restoredBytes,
    restoreMs,
    artifactBytes: 0,
    uploadedObjects: context.puts() - before,
    uploadedBytes: planned(deployed.stdout).bytes,
    deployMs: deployed.ms,
    savedBytes,
    saveMs,
  }
}

/** The files a cache path matches with their sizes and times: equal listings, nothing to save. */
async function listing(runner: string, patterns: readonly string[]): Promise<string> {
  const files = (await glob([...patterns], { cwd: runner, dot: true })).sort()
  const stamps = await Promise.all(files.map(async (file) => `${file} ${(await stat(join(runner, file))).size} ${(await stat(join(runner, file))).mtimeMs}`))
  return stamps.join('\n')
}

/** Bytes a push moves through CI storage: cache restored and saved, the artifact up and down. */
export function movedBytes(row: PushRow): number {
  return row.restoredBytes + row.savedBytes + 2 * row.artifactBytes
}

/**
 * The time from push to live, transfers computed at {@link transferBytesPerSecond} and the rest
 * measured: today's build job saves its cache and uploads the artifact before the deploy job
 * downloads it; the push path deploys from the build job and saves its caches once the site is live.
 */
export function liveMs(row: PushRow): number {
  const transfer = (bytes: number): number => (bytes / transferBytesPerSecond) * 1000
  const common = transfer(row.restoredBytes) + row.restoreMs + row.buildMs + row.deployMs
  return row.path === 'today' ? common + transfer(row.savedBytes) + row.saveMs + transfer(2 * row.artifactBytes) : common
}
