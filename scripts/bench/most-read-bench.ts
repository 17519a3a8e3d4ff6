import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { createS3rver } from '../s3rver.ts'
import { ensureCorpus } from './bench-corpus.ts'
import { snapshotCode } from './code-snapshot.ts'
import { megabytes, seconds, thousands } from './format-units.ts'
import { corpusArticlePaths, logMix, writeCombinedLog } from './most-read-log.ts'
import { type Measured, runMeasured } from './run-measured.ts'
import { snapshotTree, treeTotals } from './tree-snapshot.ts'

/** Options of {@link benchMostRead}. */
export interface MostReadBenchOptions {
  /** Access-log lines to count (default 10 million, about 2 GB). */
  lines: number
  /** Articles of the generated corpus the log reads. */
  articles: number
  workDir: string
  log: (line: string) => void
}

/** One `toasoan most-read` run. */
export interface MostReadRun {
  ms: number
  /** CPU time of the process tree (user and system), ms: the wall time on an idle machine's core, near enough. */
  cpuMs: number
  /** Peak RSS of the process tree, bytes. */
  peak: number
  /** The command's summary (lines read, readers counted, left out). */
  summary: string
  /** Fragment files the run rewrote. */
  changed: number
}

/** What {@link benchMostRead} measured. */
export interface MostReadBenchReport {
  date: string
  /** The commit measured. */
  revision: string
  articles: number
  lines: number
  logBytes: number
  /** Load average (1 min) when the count started: the machine is shared. */
  load: number
  /** The count of the whole log, from the article index (as after the hourly build). */
  count: MostReadRun
  /** The next hour: the week's log and one more hour of lines, the windows an hour later. */
  hourly: MostReadRun
  hourLines: number
  fragments: { files: number; bytes: number }
  /** Objects the deploys put (the bucket's manifest aside): the first, then after the hourly run. */
  uploads: { first: number; hourly: number }
}

const now = Date.parse('2026-11-26T01:00:00Z')
const hourMs = 3_600_000
const weekMs = 8 * 24 * hourMs

/**
 * `npm run bench -- --most-read`: a generated access log in the combined format (default 10 million
 * lines over eight days, about 2 GB, written once into the work folder and reused) counted by
 * `toasoan most-read` as a newsroom runs it, a child process, against a generated corpus; wall
 * time and the peak RSS of its process tree; the article index (`.cache/most-read/`) written first, by a run that loads the content,
 * as the build writes it. Then the fragments are deployed to s3rver on 127.0.0.1, the next hour counted (the
 * log plus one more hour, the windows an hour later) and deployed again: the objects that second
 * deploy puts are what an hourly update uploads.
 *
 * @param options Lines, corpus size, work folder.
 */
export async function benchMostRead(options: MostReadBenchOptions): Promise<MostReadBenchReport> {
  const corpus = await ensureCorpus(options.articles, options.workDir, options.log)
  const dir = resolve(options.workDir, 'most-read')
  await mkdir(dir, { recursive: true })
  const paths = await corpusArticlePaths(corpus)
  const log = join(dir, `access-${options.articles}-${options.lines}.log`)
  if (!existsSync(log)) {
    options.log(`writing ${thousands(options.lines)} log lines into ${log}…`)
    await writeCombinedLog(log, paths, { lines: options.lines, end: now, span: weekMs, seed: 28 })
  }
  const logBytes = (await stat(log)).size
  const hourLines = Math.max(1, Math.round((options.lines * hourMs) / weekMs))
  const nextHour = join(dir, `next-hour-${options.articles}-${hourLines}.log`)
  if (!existsSync(nextHour)) await writeCombinedLog(nextHour, paths, { lines: hourLines, end: now + hourMs, span: hourMs, seed: 29 })

  const dist = join(dir, 'dist')
  const cache = join(dir, 'cache')
  await rm(dist, { recursive: true, force: true })
  await mkdir(dist, { recursive: true })
  // A frozen copy of the code, as the other benches run: the tree may change while this runs.
  const code = await snapshotCode(join(dir, 'code'))
  const cli = code.cli
  const run = async (sources: string[], at: number): Promise<Measured & { cpuMs: number }> => {
    const cpu = await childrenCpuMs()
    const measured = await runMeasured(
      process.execPath,
      [cli, 'most-read', '--from', ...sources, '--out', dist, '--content', corpus, '--cache', cache, '--now', new Date(at).toISOString()],
      { cwd: dir, env: { ...process.env, ...code.env } }
    )
    return { ...measured, cpuMs: (await childrenCpuMs()) - cpu }
  }
  const checked = (label: string, measured: Measured & { cpuMs: number }, indexed = true): MostReadRun => {
    if (measured.code !== 0) throw new Error(`most-read failed (${label}):\n${measured.stderr}`)
    // A timed run counts from the article index, as the hourly run after the build does: one that
    // loaded the content would measure something else.
    if (indexed && measured.stderr.includes('no-article-index')) throw new Error(`most-read loaded the content (${label}):\n${measured.stderr}`)
    options.log(`  ${label}: ${seconds(measured.ms)} (CPU ${seconds(measured.cpuMs)}), peak ${megabytes(measured.memory.total)}`)
    return {
      ms: measured.ms,
      cpuMs: measured.cpuMs,
      peak: measured.memory.total,
      summary: /^Read .*$/m.exec(measured.stdout)?.[0] ?? '',
      changed: Number(/(\d+) changed/.exec(measured.stdout)?.[1] ?? Number.NaN),
    }
  }
  // The article index, as the hourly build leaves it in the cache: a first run without one loads
  // the content and writes it (with the next hour's small log; not timed).
  options.log('most-read bench: writing the article index…')
  checked('warm-up (one hour of lines)', await run([nextHour], now + hourMs), false)
  await rm(dist, { recursive: true, force: true })
  await mkdir(dist, { recursive: true })
  const load = loadavg()[0] ?? 0
  options.log(`most-read bench: counting ${thousands(options.lines)} lines (load ${load.toFixed(1)})…`)
  const count = checked('count', await run([log], now))
  const fragments = treeTotals(await snapshotTree(join(dist, 'doc-nhieu')))

  const server = createS3rver({ port: 0, address: '127.0.0.1', directory: join(dir, 's3'), silent: true, configureBuckets: [{ name: 'bench' }] })
  await rm(join(dir, 's3'), { recursive: true, force: true })
  const address = await server.run()
  let puts = 0
  server.httpServer.on('request', (request) => void (request.method === 'PUT' && !request.url?.includes('.toasoan-manifest') && puts++))
  const env = { ...process.env, ...code.env, AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1' }
  const deploy = async (label: string): Promise<number> => {
    const before = puts
    const deployed = await runMeasured(
      process.execPath,
      [cli, 'deploy', '--to', 's3://bench/site', '--endpoint', `http://127.0.0.1:${address.port}`, '--out', dist],
      { cwd: dir, env }
    )
    if (deployed.code !== 0) throw new Error(`toasoan deploy failed (${label}):\n${deployed.stderr}`)
    options.log(`  deploy (${label}): ${puts - before} objects`)
    return puts - before
  }
  try {
    const first = await deploy('first')
    options.log('most-read bench: the next hour…')
    const hourly = checked('hourly', await run([log, nextHour], now + hourMs))
    const uploads = { first, hourly: await deploy('after the hourly run') }
    const report: MostReadBenchReport = {
      date: new Date().toISOString().slice(0, 10),
      revision: code.revision,
      articles: options.articles,
      lines: options.lines,
      logBytes,
      load,
      count,
      hourly,
      hourLines,
      fragments,
      uploads,
    }
    await writeFile(join(dir, `report-${options.lines}.json`), `${JSON.stringify(report, null, 2)}\n`)
    return report
  } finally {
    await server.close()
  }
}

/**
 * CPU time of this process's children that ended and were waited for (and of theirs), ms: the
 * `cutime` and `cstime` of `/proc/self/stat`, in clock ticks of 10 ms. Linux only; 0 elsewhere.
 */
async function childrenCpuMs(): Promise<number> {
  const stat = await readFile('/proc/self/stat', 'utf8').catch(() => '')
  // The fields after the command's name (which may hold spaces) in parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[13] ?? 0) + Number(fields[14] ?? 0)) * 10
}

/** Issue 28's targets. */
export const mostReadTargets = { countMs: 120_000, peakBytes: 500 * 1024 ** 2, hourlyUploads: 30 }

/**
 * The bench's Markdown table, each target marked held or missed.
 *
 * @param report From {@link benchMostRead}.
 */
export function formatMostReadBench(report: MostReadBenchReport): string {
  const mark = (held: boolean): string => (held ? '**held**' : '**missed**')
  const { count, hourly } = report
  const rate = (run: MostReadRun, lines: number): string => `${thousands(Math.round(lines / (run.ms / 1000)))} lines/s`
  return [
    `${thousands(report.lines)} combined-format lines (${megabytes(report.logBytes)}; ${logMix}, over eight days) against ${thousands(report.articles)} articles, toasoan ${report.revision}, ${report.date}, load average ${report.load.toFixed(1)} when the count started.`,
    '',
    '| measure | result | target |',
    '|---|---|---|',
    `| count, wall time (\`toasoan most-read\`, a child process) | ${seconds(count.ms)} (${rate(count, report.lines)}) | ≤ 120 s: ${mark(count.ms <= mostReadTargets.countMs)} |`,
    `| count, CPU time of its processes (user + system) | ${seconds(count.cpuMs)} | – |`,
    `| count, peak memory (RSS of the process tree) | ${megabytes(count.peak)} | ≤ 500 MB: ${mark(count.peak <= mostReadTargets.peakBytes)} |`,
    `| fragments | ${report.fragments.files} files, ${thousands(report.fragments.bytes)} bytes | – |`,
    `| first deploy of the fragments | ${report.uploads.first} objects | – |`,
    `| the next hour (${thousands(report.lines + report.hourLines)} lines, windows an hour later) | ${seconds(hourly.ms)} (CPU ${seconds(hourly.cpuMs)}), peak ${megabytes(hourly.peak)}, ${hourly.changed} fragments rewritten | – |`,
    `| objects the deploy after it uploads | ${report.uploads.hourly} | ≤ 30: ${mark(report.uploads.hourly <= mostReadTargets.hourlyUploads)} |`,
    '',
    `The count's summary: ${count.summary}`,
  ].join('\n')
}
