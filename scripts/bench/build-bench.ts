import { rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { corpusStats, ensureCorpus } from './bench-corpus.ts'
import type { BaselineResult } from './baseline-result.ts'
import type { BuildBenchReport } from './build-bench-table.ts'
import { benchEleventy, eleventyVersion } from './eleventy-baseline.ts'
import { hugoBaseline } from './hugo-baseline.ts'
import { snapshotCode } from './code-snapshot.ts'
import { describeMachine } from './machine.ts'
import { benchToasoan, changeLines } from './toasoan-scenarios.ts'
import { changeCount } from './tree-diff.ts'

/** Options of {@link benchBuild}. */
export interface BuildBenchOptions {
  /** Articles in the generated corpus. @default 10000 */
  articles?: number
  /** Folder for corpora and scratch builds. @default '.cache/bench' */
  workDir?: string
  /** Measure Hugo. @default true */
  hugo?: boolean
  /** Measure Eleventy. @default true */
  eleventy?: boolean
  /** Install Hugo with apt-get when it is missing (root only). @default true */
  install?: boolean
  /** Keep the scratch builds afterwards. @default false */
  keep?: boolean
  /** Stop a baseline that runs longer than this. @default 30 minutes */
  baselineTimeoutMs?: number
  /** The builds' "now". @default '2026-01-01T00:00:00+07:00' */
  now?: string
  /** Every article with photographs of its own, and each added one with a new one (see `npm run corpus -- --own-photographs`). @default false */
  ownPhotographs?: boolean
  /** Progress lines. @default console.error */
  log?: (line: string) => void
}

const defaults = {
  articles: 10_000,
  workDir: '.cache/bench',
  hugo: true,
  eleventy: true,
  install: true,
  keep: false,
  baselineTimeoutMs: 30 * 60_000,
  now: '2026-01-01T00:00:00+07:00',
  ownPhotographs: false,
  log: (line: string) => console.error(line),
} satisfies Required<BuildBenchOptions>

/**
 * Measures toasoan's builds (cold, no-op, add one article, edit one body, template change) on a
 * generated corpus, and the cold builds of Hugo and Eleventy over the same Markdown, in one run.
 *
 * @param options Corpus size, folders and which baselines to run.
 * @returns The report for `formatBuildBench`; a baseline that fails is reported, not thrown.
 */
export async function benchBuild(options: BuildBenchOptions = {}): Promise<BuildBenchReport> {
  const settings = { ...defaults, ...options }
  const { log } = settings
  const workDir = resolve(settings.workDir)
  const corpus = await ensureCorpus(settings.articles, workDir, log, settings.ownPhotographs)
  const runDir = join(workDir, `run-${settings.articles}${settings.ownPhotographs ? '-own' : ''}`)
  await rm(runDir, { recursive: true, force: true })
  const notes: string[] = []
  const date = new Date().toISOString().slice(0, 10)

  const code = await snapshotCode(join(runDir, 'code'))
  log(`measuring the code at ${code.revision}, copied to ${code.root}`)
  const toasoan = await benchToasoan({ corpus, dir: join(runDir, 'toasoan'), now: settings.now, code, log, ownPhotographs: settings.ownPhotographs })
  const noOp = toasoan.find((row) => row.id === 'no-op')
  if (noOp && changeCount(noOp.changes) > 0) {
    notes.push(`The no-op rebuild changed ${changeCount(noOp.changes)} files: ${changeLines(noOp.changes).slice(0, 10).join(', ')}.`)
  }

  let hugo: BaselineResult = { tool: 'Hugo', status: 'skipped', reason: 'not requested' }
  if (settings.hugo) hugo = await hugoBaseline({ corpus, dir: join(runDir, 'hugo'), install: settings.install, timeoutMs: settings.baselineTimeoutMs, log })
  let eleventy: BaselineResult = { tool: `Eleventy ${await eleventyVersion()}`, status: 'skipped', reason: 'not requested' }
  if (settings.eleventy) eleventy = await benchEleventy({ corpus, dir: join(runDir, 'eleventy'), timeoutMs: settings.baselineTimeoutMs, log })
  for (const baseline of [hugo, eleventy]) if (baseline.status === 'failed') log(`${baseline.tool} failed: ${baseline.reason}`)

  if (!settings.keep) await rm(runDir, { recursive: true, force: true })
  return { date, revision: code.revision, machine: describeMachine(), corpus: await corpusStats(corpus), toasoan, hugo, eleventy, notes }
}
