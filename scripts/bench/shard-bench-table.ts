import type { CorpusStats } from './bench-corpus.ts'
import type { BaselineResult } from './baseline-result.ts'
import { ratio } from './build-bench-table.ts'
import type { Packed } from './cache-artifact.ts'
import { folderSize, gigabytes, megabytes, seconds, thousands } from './format-units.ts'
import type { Machine } from './machine.ts'
import type { CacheCounts } from './toasoan-scenarios.ts'
import { changeCount, type TreeChanges } from './tree-diff.ts'

/** One measured toasoan build: wall time, peak memory of its process tree, what it made and reused. */
export interface MeasuredBuild extends CacheCounts {
  ms: number
  /** Peak RSS of the whole process tree, in bytes. */
  peak: number
}

/** One shard's build and the artifact a runner would upload: its cache folder, packed. */
export interface ShardRun extends MeasuredBuild {
  /** From 1. */
  shard: number
  cache: { files: number; bytes: number }
  tar: Packed
  compressed: Packed
}

/** Everything one run of the shard bench measured. */
export interface ShardBenchReport {
  /** When it ran (ISO date). */
  date: string
  /** The toasoan code measured (a git commit). */
  revision: string
  machine: Machine
  corpus: CorpusStats
  shards: number
  /** How the artifacts were compressed (what CI would use on this machine). */
  compression: 'zstd' | 'gzip'
  runs: ShardRun[]
  /** The shards' caches copied into one folder: the final job's download and extraction, stood in for. */
  merge: { ms: number; cache: { files: number; bytes: number } }
  /** The normal build on the merged cache into an empty output folder. */
  final: MeasuredBuild & { output: { files: number; bytes: number } }
  /** A one-machine cold build (`--with-cold`), and how its `dist/` differs from the final build's. */
  cold?: MeasuredBuild & { output: { files: number; bytes: number }; differences: TreeChanges }
  hugo: BaselineResult
  /** Remarks printed under the tables. */
  notes: string[]
}

/** Issue 18's memory target for one shard's build. */
export const shardPeakLimit = 2 * 1024 ** 3

/** The sums the targets are about. */
export interface ShardSummary {
  /** The slowest shard: the wall time of the parallel step. */
  longest: ShardRun | undefined
  /** The slowest shard's memory peak. */
  hungriest: ShardRun | undefined
  /** Longest shard + final build: the workflow's wall time with one runner per shard. */
  criticalMs: number
  /** All shards + final build: the runners' time added up. */
  runnerMs: number
  /** All shards' caches as plain tar, and compressed. */
  tarBytes: number
  compressedBytes: number
}

/**
 * Adds up a shard bench: the longest shard, the critical path, the runners' time and the artifacts.
 *
 * @param report The measurements.
 */
export function summarizeShards(report: Pick<ShardBenchReport, 'runs' | 'final'>): ShardSummary {
  const slowest = (key: 'ms' | 'peak'): ShardRun | undefined =>
    report.runs.reduce<ShardRun | undefined>((top, run) => (top && top[key] >= run[key] ? top : run), undefined)
  const longest = slowest('ms')
  const sum = (pick: (run: ShardRun) => number): number => report.runs.reduce((total, run) => total + pick(run), 0)
  return {
    longest,
    hungriest: slowest('peak'),
    criticalMs: (longest?.ms ?? 0) + report.final.ms,
    runnerMs: sum((run) => run.ms) + report.final.ms,
    tarBytes: sum((run) => run.tar.bytes),
    compressedBytes: sum((run) => run.compressed.bytes),
  }
}

const made = (counts: CacheCounts): string[] => [
  counts.pages ? `${thousands(counts.pages.rendered)} / ${thousands(counts.pages.cached)}` : 'n/a',
  counts.search ? `${thousands(counts.search.indexed)} / ${thousands(counts.search.cached)}` : 'n/a',
]
const packed = (size: Packed): string => `${megabytes(size.bytes)} (${seconds(size.ms)})`
const held = (ok: boolean): string => (ok ? 'held' : 'missed')

function targetRows(report: ShardBenchReport, summary: ShardSummary): string[] {
  const { hugo } = report
  const critical = `${seconds(summary.criticalMs)} (shard ${summary.longest?.shard ?? '?'}/${report.shards} ${seconds(summary.longest?.ms ?? 0)} + final ${seconds(report.final.ms)})`
  const rows = [
    hugo.status === 'ok'
      ? `| longest shard + final ≤ ${hugo.tool}'s cold build | ${critical} = ${ratio(summary.criticalMs, hugo)} of ${seconds(hugo.ms)} | ${held(summary.criticalMs <= hugo.ms)} |`
      : `| longest shard + final ≤ Hugo's cold build | ${critical}; Hugo ${hugo.status}: ${hugo.reason} | not measured |`,
    `| each shard's tree peak ≤ ${gigabytes(shardPeakLimit)} | ${gigabytes(summary.hungriest?.peak ?? 0)} (shard ${summary.hungriest?.shard ?? '?'}/${report.shards}, the highest) | ${held((summary.hungriest?.peak ?? 0) <= shardPeakLimit)} |`,
  ]
  if (report.cold) {
    const count = changeCount(report.cold.differences)
    rows.push(
      `| final dist/ byte-identical to a one-machine cold build | ${count === 0 ? 'identical' : `${thousands(count)} files differ`} | ${held(count === 0)} |`
    )
  }
  return rows
}

/**
 * Formats a shard bench as Markdown for the README: a header line, the jobs (each shard with its
 * artifact sizes, the merge, the final build, the baselines), the sums against Hugo, and issue
 * 18's targets marked held or missed.
 *
 * @param report The measurements.
 */
export function formatShardBench(report: ShardBenchReport): string {
  const { machine, corpus, hugo, shards } = report
  const summary = summarizeShards(report)
  const zipped = report.compression === 'zstd' ? 'tar.zst' : 'tar.gz'
  const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`
  const lines = [
    `Measured ${report.date} (toasoan ${report.revision}) on ${machine.cores} cores (${machine.model}), ${(machine.memoryBytes / 1024 ** 3).toFixed(0)} GB RAM, Node ${machine.node}, ${hugo.status === 'ok' ? hugo.tool : 'Hugo n/a'}; corpus: ${thousands(corpus.articles)} articles, ${megabytes(corpus.markdownBytes)} of Markdown; ${shards} shards, one after another on this machine.`,
    '',
    `| job | wall | tree peak | cache folder | as tar (packing) | as ${zipped} (packing) | dist/ | pages rendered / from the cache | search bundles indexed / from the cache |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ]
  for (const run of report.runs) {
    lines.push(
      row([
        `shard ${run.shard}/${shards}`,
        seconds(run.ms),
        gigabytes(run.peak),
        folderSize(run.cache),
        packed(run.tar),
        packed(run.compressed),
        '—',
        ...made(run),
      ])
    )
  }
  lines.push(
    row([`all ${shards} shards' artifacts`, '—', '—', '—', megabytes(summary.tarBytes), megabytes(summary.compressedBytes), '—', '—', '—']),
    row([`merge: the ${shards} caches copied into one`, seconds(report.merge.ms), '—', folderSize(report.merge.cache), '—', '—', '—', '—', '—']),
    row([
      'final build (merged cache, empty dist/)',
      seconds(report.final.ms),
      gigabytes(report.final.peak),
      '—',
      '—',
      '—',
      folderSize(report.final.output),
      ...made(report.final),
    ])
  )
  if (report.cold) {
    const { cold } = report
    lines.push(row(['one-machine cold build (empty cache)', seconds(cold.ms), gigabytes(cold.peak), '—', '—', '—', folderSize(cold.output), ...made(cold)]))
  }
  lines.push(
    hugo.status === 'ok'
      ? row([`${hugo.tool}: cold build`, seconds(hugo.ms), gigabytes(hugo.peak), '—', '—', '—', folderSize(hugo.output), '—', '—'])
      : row([`${hugo.tool}: cold build`, `${hugo.status}: ${hugo.reason}`, 'n/a', '—', '—', '—', 'n/a', '—', '—'])
  )
  const longest = summary.longest ? `longest shard (${summary.longest.shard}/${shards})` : 'longest shard'
  lines.push(
    '',
    `| sum | wall | ×Hugo (its cold build) |`,
    '|---|---:|---:|',
    row([longest, seconds(summary.longest?.ms ?? 0), ratio(summary.longest?.ms ?? 0, hugo)]),
    row(['final build', seconds(report.final.ms), ratio(report.final.ms, hugo)]),
    row(['**longest shard + final** (one runner per shard)', seconds(summary.criticalMs), ratio(summary.criticalMs, hugo)]),
    row(["all shards + final (the runners' time added up)", seconds(summary.runnerMs), ratio(summary.runnerMs, hugo)]),
    '',
    "| issue 18's target | measured | |",
    '|---|---|---|',
    ...targetRows(report, summary)
  )
  if (report.notes.length > 0) lines.push('', ...report.notes.map((note) => `- ${note}`))
  return lines.join('\n')
}
