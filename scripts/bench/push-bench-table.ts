import { describeMachine } from './machine.ts'
import { megabytes, seconds, thousands } from './format-units.ts'
import { liveMs, movedBytes, transferBytesPerSecond, type PushRow } from './push-bench.ts'

/** The issue's targets for a push at 100,000 articles. */
const targets = { movedBytes: 100 * 1024 ** 2, objects: 60, runObjects: 500, buildMs: 10_000, liveMs: 120_000 }

const mark = (held: boolean): string => (held ? 'held' : '**missed**')

/**
 * The push bench as Markdown: both paths for each change, then the targets marked.
 *
 * @param report From `benchPush`.
 * @param articles The corpus size.
 */
export function formatPushBench(report: { rows: PushRow[]; revision: string; files: number }, articles: number): string {
  const machine = describeMachine()
  const lines = [
    `Push to live at ${thousands(articles)} articles (${thousands(report.files)} files in the site), toasoan ${report.revision}, ${machine.cores} cores (${machine.model}), Node ${machine.node}; s3rver on 127.0.0.1; transfers to and from GitHub's cache and artifact storage computed at ${megabytes(transferBytesPerSecond)}/s.`,
    'Command: `npm run bench -- --push --articles ' +
      articles +
      '`. "today": the workflow before this change (whole `.cache/` restored and saved, the whole site built into an empty `dist/`, tarred for the deploy job). "push": S3 as the workflow runs it now (state and two years of bodies restored, `build --deployed`, deploy from the build job, state and changed years saved after).',
    '',
    '| change | path | restored | build | peak memory | files written to dist/ | artifact | objects uploaded | MB uploaded | deploy | saved | moved through CI storage | push to live |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...report.rows.map(
      (row) =>
        `| ${row.change} | ${row.path} | ${megabytes(row.restoredBytes)} (unpacked in ${seconds(row.restoreMs)}) | ${seconds(row.buildMs)} | ${megabytes(row.buildPeakBytes)} | ${thousands(row.writtenFiles)} (${megabytes(row.writtenBytes)}) | ${row.artifactBytes === 0 ? '–' : megabytes(row.artifactBytes)} | ${thousands(row.uploadedObjects)} | ${(row.uploadedBytes / 1024 ** 2).toFixed(1)} | ${seconds(row.deployMs)} | ${megabytes(row.savedBytes)} (packed in ${seconds(row.saveMs)}) | ${megabytes(movedBytes(row))} | ${seconds(liveMs(row))} |`
    ),
    '',
    "Where each build's time goes:",
    '',
    ...report.rows.map(
      (row) =>
        `- ${row.change}, ${row.path}: ${Object.entries(row.steps)
          .map(([step, ms]) => `${step} ${seconds(ms)}`)
          .join(', ')}${keptText(row.keysKept)}`
    ),
    '',
    '| target (push path) | ' +
      report.rows
        .filter((row) => row.path === 'push')
        .map((row) => row.change)
        .join(' | ') +
      ' |',
    '|---|' +
      report.rows
        .filter((row) => row.path === 'push')
        .map(() => '---|')
        .join(''),
    ...[
      ['≤ 100 MB through CI storage', (row: PushRow) => `${megabytes(movedBytes(row))}: ${mark(movedBytes(row) <= targets.movedBytes)}`],
      [
        '≤ 60 objects uploaded (≤ 500 when a search bundle starts)',
        (row: PushRow) => {
          const limit = row.change.includes('search bundle') || row.change.includes('search run') ? targets.runObjects : targets.objects
          return `${thousands(row.uploadedObjects)}: ${mark(row.uploadedObjects <= limit)}`
        },
      ],
      ['build ≤ 10 s', (row: PushRow) => `${seconds(row.buildMs)}: ${mark(row.buildMs <= targets.buildMs)}`],
      ['push to live ≤ 2 min', (row: PushRow) => `${seconds(liveMs(row))}: ${mark(liveMs(row) <= targets.liveMs)}`],
    ].map(
      ([label, cell]) =>
        `| ${label as string} | ${report.rows
          .filter((row) => row.path === 'push')
          .map(cell as (row: PushRow) => string)
          .join(' | ')} |`
    ),
  ]
  return lines.join('\n')
}

/** What a build kept from the last build's records, as its line in the table says it. */
function keptText(kept: PushRow['keysKept']): string {
  const parts = [
    ...(kept?.articles === undefined ? [] : [`${thousands(kept.articles)} article keys`]),
    ...(kept?.bundles === undefined ? [] : [`${thousands(kept.bundles)} search bundle keys`]),
  ]
  return parts.length === 0 ? '' : `; ${parts.join(' and ')} kept from the last build`
}
