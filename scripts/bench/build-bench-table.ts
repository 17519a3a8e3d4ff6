import type { CorpusStats } from './bench-corpus.ts'
import type { BaselineResult } from './baseline-result.ts'
import { folderSize, gigabytes, megabytes, seconds, thousands } from './format-units.ts'
import type { Machine } from './machine.ts'
import { buildStages, type ScenarioResult } from './toasoan-scenarios.ts'
import { changeCount } from './tree-diff.ts'

/** Everything one run of the build bench measured. */
export interface BuildBenchReport {
  /** When it ran (ISO date). */
  date: string
  /** The toasoan code measured (a git commit). */
  revision: string
  machine: Machine
  corpus: CorpusStats
  toasoan: ScenarioResult[]
  hugo: BaselineResult
  eleventy: BaselineResult
  /** Remarks printed under the tables. */
  notes: string[]
}

/**
 * A wall-time ratio against a baseline (`2.31×`), or `n/a` when the baseline has no time.
 *
 * @param ms toasoan's time.
 * @param baseline The baseline.
 */
export function ratio(ms: number, baseline: BaselineResult): string {
  return baseline.status === 'ok' && baseline.ms > 0 ? `${(ms / baseline.ms).toFixed(2)}×` : 'n/a'
}

function baselineRow(result: BaselineResult, label: string): string {
  if (result.status !== 'ok') return `| ${result.tool}: ${label} | ${result.status}: ${result.reason} | n/a | n/a | n/a | — | — |`
  return `| ${result.tool}: ${label} | ${seconds(result.ms)} | ${gigabytes(result.peak)} | ${thousands(result.output.files)} written | ${folderSize(result.output)} | — | — |`
}

/**
 * Formats a report as Markdown: a header line (date, machine, corpus), the main table (toasoan's
 * six builds against the baselines' cold builds), a table of toasoan's build stages, and notes.
 *
 * @param report The measurements.
 */
export function formatBuildBench(report: BuildBenchReport): string {
  const { machine, corpus } = report
  const hugoVersion = report.hugo.status === 'ok' ? report.hugo.tool : 'Hugo n/a'
  const lines = [
    `Measured ${report.date} (toasoan ${report.revision}) on ${machine.cores} cores (${machine.model}), ${(machine.memoryBytes / 1024 ** 3).toFixed(0)} GB RAM, Node ${machine.node}, ${hugoVersion}, ${report.eleventy.tool}; corpus: ${thousands(corpus.articles)} articles, ${megabytes(corpus.markdownBytes)} of Markdown, ${thousands(corpus.images)} images.`,
    '',
    '| build | wall | tree peak | files changed in dist/ | dist/ after | ×Hugo (its cold build) | ×Eleventy (its cold build) |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ]
  for (const row of report.toasoan) {
    lines.push(
      `| toasoan: ${row.label} | ${seconds(row.ms)} | ${gigabytes(row.peak)} | ${thousands(changeCount(row.changes))} | ${folderSize(row.output)} | ${ratio(row.ms, report.hugo)} | ${ratio(row.ms, report.eleventy)} |`
    )
  }
  lines.push(baselineRow(report.hugo, 'cold build'), baselineRow(report.eleventy, 'cold build, markdown-it'))
  lines.push('', `| toasoan build | ${buildStages.join(' | ')} | pages rendered / reused |`, `|---|${buildStages.map(() => '---:').join('|')}|---:|`)
  for (const row of report.toasoan) {
    const stages = buildStages.map((stage) => {
      const ms = row.stages[stage]
      return ms === undefined ? 'n/a' : seconds(ms)
    })
    const pages = row.pages ? `${thousands(row.pages.rendered)} / ${thousands(row.pages.reused)}` : 'n/a'
    lines.push(`| ${row.label} | ${stages.join(' | ')} | ${pages} |`)
  }
  if (report.notes.length > 0) lines.push('', ...report.notes.map((note) => `- ${note}`))
  return lines.join('\n')
}
