import { execFile } from 'node:child_process'
import { mkdir, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { corpusStats, ensureCorpus } from './bench-corpus.ts'
import { type BaselineResult, failureReason } from './baseline-result.ts'
import { compressionHere, mergeCaches, packedSize } from './cache-artifact.ts'
import { type CodeSnapshot, snapshotCode } from './code-snapshot.ts'
import { hugoBaseline } from './hugo-baseline.ts'
import { describeMachine } from './machine.ts'
import { runMeasured } from './run-measured.ts'
import type { MeasuredBuild, ShardBenchReport, ShardRun } from './shard-bench-table.ts'
import { cacheCounts, changeLines } from './toasoan-scenarios.ts'
import { changeCount, diffTrees } from './tree-diff.ts'
import { snapshotTree, treeTotals } from './tree-snapshot.ts'

/** Options of {@link benchShards}. */
export interface ShardBenchOptions {
  /** How many shards (`toasoan build --shard I/N`). */
  shards: number
  /** Articles in the generated corpus. @default 10000 */
  articles?: number
  /** Folder for corpora and scratch builds. @default '.cache/bench' */
  workDir?: string
  /** Measure Hugo's cold build. @default true */
  hugo?: boolean
  /** Install Hugo with apt-get when it is missing (root only). @default true */
  install?: boolean
  /** Also measure a one-machine cold build and compare its `dist/` with the final build's. @default false */
  withCold?: boolean
  /** Keep the scratch builds afterwards. @default false */
  keep?: boolean
  /** Stop Hugo if it runs longer than this. @default 30 minutes */
  baselineTimeoutMs?: number
  /** The builds' "now". @default '2026-01-01T00:00:00+07:00' */
  now?: string
  /** Progress lines. @default console.error */
  log?: (line: string) => void
}

const defaults = {
  articles: 10_000,
  workDir: '.cache/bench',
  hugo: true,
  install: true,
  withCold: false,
  keep: false,
  baselineTimeoutMs: 30 * 60_000,
  now: '2026-01-01T00:00:00+07:00',
  log: (line: string) => console.error(line),
} satisfies Required<Omit<ShardBenchOptions, 'shards'>>

/** Runs one `toasoan` command of the frozen code in `dir`, measured; a failure stops the bench. */
async function toasoan(code: CodeSnapshot, dir: string, args: readonly string[], label: string): Promise<MeasuredBuild> {
  const run = await runMeasured(process.execPath, [code.cli, ...args], { cwd: dir, env: { ...process.env, ...code.env } })
  if (run.code !== 0) {
    throw new Error(`toasoan ${args.join(' ')} (${label}) failed (${failureReason(run, undefined)}):\n${run.stderr}\n${run.stdout.slice(-2000)}`)
  }
  return { ms: run.ms, peak: run.memory.total, ...cacheCounts(run.stdout) }
}

/**
 * Measures a sharded cold build as CI would run it, on one machine: the N shard builds one after
 * another (each into its own cache folder), each cache packed as a runner would upload it, the
 * caches merged by plain copying, and the final normal build on the merged cache into an empty
 * output folder; then Hugo's cold build of the same Markdown and, when asked, a one-machine cold
 * build whose `dist/` must be byte-identical to the final build's.
 *
 * @param options The number of shards, the corpus size, folders and baselines.
 * @returns The report for `formatShardBench`; a baseline that fails is reported, not thrown.
 */
export async function benchShards(options: ShardBenchOptions): Promise<ShardBenchReport> {
  const settings = { ...defaults, ...options }
  const { log, shards } = settings
  const workDir = resolve(settings.workDir)
  const corpus = await ensureCorpus(settings.articles, workDir, log)
  const runDir = join(workDir, `shards-${settings.articles}`)
  await rm(runDir, { recursive: true, force: true })
  const code = await snapshotCode(join(runDir, 'code'))
  log(`measuring the code at ${code.revision}, copied to ${code.root}`)
  const dir = join(runDir, 'toasoan')
  await mkdir(dir, { recursive: true })
  await promisify(execFile)('cp', ['-a', corpus, join(dir, 'content')])
  const common = ['--content', 'content', '--now', settings.now]
  const compression = await compressionHere()
  const notes: string[] = []

  const runs: ShardRun[] = []
  for (let shard = 1; shard <= shards; shard++) {
    log(`toasoan: shard ${shard}/${shards}…`)
    const cacheDir = join(dir, `cache-${shard}`)
    const build = await toasoan(code, dir, ['build', '--shard', `${shard}/${shards}`, '--cache', `cache-${shard}`, ...common], `shard ${shard}/${shards}`)
    const cache = treeTotals(await snapshotTree(cacheDir))
    const run = { shard, ...build, cache, tar: await packedSize(cacheDir, 'tar'), compressed: await packedSize(cacheDir, compression) }
    runs.push(run)
    log(
      `  ${(run.ms / 1000).toFixed(1)} s, peak ${(run.peak / 1024 ** 3).toFixed(2)} GB, cache ${cache.files} files, ${compression} ${(run.compressed.bytes / 1024 ** 2).toFixed(1)} MB`
    )
  }

  log(`merging the ${shards} caches…`)
  const mergeMs = await mergeCaches(
    runs.map((run) => join(dir, `cache-${run.shard}`)),
    join(dir, 'cache')
  )
  const merge = { ms: mergeMs, cache: treeTotals(await snapshotTree(join(dir, 'cache'))) }
  log('toasoan: final build on the merged cache…')
  const final = {
    ...(await toasoan(code, dir, ['build', '--out', 'dist', '--cache', 'cache', ...common], 'final build')),
    output: treeTotals(await snapshotTree(join(dir, 'dist'))),
  }
  log(`  ${(final.ms / 1000).toFixed(1)} s`)
  if ((final.pages?.rendered ?? 0) > 0 || (final.search?.indexed ?? 0) > 0) {
    notes.push(
      `The final build rendered ${final.pages?.rendered ?? '?'} pages and indexed ${final.search?.indexed ?? '?'} search bundles itself (the rest came from the shards' caches).`
    )
  }
  notes.push(`The merge (${(merge.ms / 1000).toFixed(1)} s) stands in for the final job's download and extraction of the artifacts; it is not in the sums.`)

  let cold: ShardBenchReport['cold']
  if (settings.withCold) {
    log('toasoan: one-machine cold build…')
    const build = await toasoan(code, dir, ['build', '--out', 'dist-cold', '--cache', 'cache-cold', ...common], 'one-machine cold build')
    const [before, after] = [await snapshotTree(join(dir, 'dist-cold')), await snapshotTree(join(dir, 'dist'))]
    const differences = await diffTrees(before, after, { before: join(dir, 'dist-cold'), after: join(dir, 'dist') })
    cold = { ...build, output: treeTotals(before), differences }
    if (changeCount(differences) > 0)
      notes.push(
        `The final build's dist/ differs from the cold build's (- only in the cold build, + only in the final build, ~ other bytes): ${changeLines(differences).slice(0, 10).join(', ')}.`
      )
  }

  let hugo: BaselineResult = { tool: 'Hugo', status: 'skipped', reason: 'not requested' }
  if (settings.hugo) hugo = await hugoBaseline({ corpus, dir: join(runDir, 'hugo'), install: settings.install, timeoutMs: settings.baselineTimeoutMs, log })
  if (hugo.status === 'failed') log(`Hugo failed: ${hugo.reason}`)

  if (!settings.keep) await rm(runDir, { recursive: true, force: true })
  const date = new Date().toISOString().slice(0, 10)
  return {
    date,
    revision: code.revision,
    machine: describeMachine(),
    corpus: await corpusStats(corpus),
    shards,
    compression,
    runs,
    merge,
    final,
    ...(cold ? { cold } : {}),
    hugo,
    notes,
  }
}
