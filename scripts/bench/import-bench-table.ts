import { megabytes, seconds, thousands } from './format-units.ts'
import type { ImportBenchReport } from './import-bench.ts'

/**
 * The import bench as a Markdown table: wall time, peak memory of the process tree, and what
 * each step wrote.
 *
 * @param report What was measured.
 */
export function formatImportBench(report: ImportBenchReport): string {
  const { machine } = report
  const lines = [
    `Import bench, ${report.date}: ${thousands(report.posts)} posts (${megabytes(report.exportBytes)} WXR, 2 approved + 1 pending comment and a featured image each), ` +
      `${machine.cores} × ${machine.model}, ${(machine.memoryBytes / 1024 ** 3).toFixed(1)} GB, Node ${machine.node}`,
    '',
    '| step | wall time | CPU time | peak memory (process tree) | result |',
    '|---|---:|---:|---:|---|',
  ]
  for (const step of report.steps) {
    const time = step.run ? seconds(step.run.ms) : '–'
    const memory = step.run ? megabytes(step.run.memory.total) : '–'
    const cpu = step.cpuMs === undefined ? '–' : seconds(step.cpuMs)
    lines.push(`| ${step.name} | ${time} | ${cpu} | ${memory} | ${(step.note ?? step.summary ?? '').replaceAll('|', '\\|')} |`)
  }
  // toasoan's import of the file the baseline read: the bench's export, or the smaller one.
  const sameFile = report.baselinePosts === report.posts ? 'toasoan import' : 'toasoan import ('
  const oursStep = report.steps.find((step) => step.name === sameFile || (sameFile.endsWith('(') && step.name.startsWith(sameFile)))
  const ours = oursStep?.run
  const theirs = report.steps.find((step) => step.name.startsWith('wordpress-export-to-markdown'))
  const oursCpu = oursStep?.cpuMs
  if (ours && theirs?.run && !theirs.note) {
    const cpu = oursCpu && theirs.cpuMs ? `; CPU time ${(theirs.cpuMs / oursCpu).toFixed(2)}×` : ''
    const file = report.baselinePosts === report.posts ? 'the same file' : `the same file of ${thousands(report.baselinePosts)} posts`
    lines.push('', `wordpress-export-to-markdown / toasoan on ${file}: wall time ${(theirs.run.ms / ours.ms).toFixed(2)}×${cpu}.`)
  }
  return lines.join('\n')
}
