import { execFile } from 'node:child_process'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { createS3rver } from '../s3rver.ts'
import { ensureCorpus } from './bench-corpus.ts'
import { snapshotCode } from './code-snapshot.ts'
import { addArticle } from './corpus-edits.ts'
import { runMeasured, taskMs } from './run-measured.ts'
import { changeTemplate } from './toasoan-scenarios.ts'

/** One deploy measured after one build. */
export interface DeployBenchRow {
  label: string
  /** Files in the output (manifest). */
  files: number
  buildMs: number
  /** The publish step (which hashes new files for the manifest). */
  publishMs: number
  deployMs: number
  /** Objects written (the bucket's own manifest aside), deleted, and megabytes sent. */
  uploaded: number
  deleted: number
  megabytes: number
}

/** Options of {@link benchDeploy}. */
export interface DeployBenchOptions {
  articles: number
  workDir: string
  /** Uploads at once. @default 16 */
  concurrency?: number
  log: (line: string) => void
}

/**
 * Deploys a generated archive to a local S3-compatible server (s3rver on 127.0.0.1) four times:
 * the first deploy of a cold build, after adding one article, after adding a second, and after a template change (in a
 * frozen copy of the code). Builds and deploys run as a newsroom runs them: `toasoan build`, then
 * `toasoan deploy --to s3://…`.
 *
 * @param options The corpus size and the work folder.
 */
export async function benchDeploy(options: DeployBenchOptions): Promise<{ rows: DeployBenchRow[]; revision: string }> {
  const corpus = await ensureCorpus(options.articles, options.workDir, options.log)
  const dir = resolve(options.workDir, `deploy-${options.articles}`)
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  const code = await snapshotCode(join(dir, 'code'))
  await promisify(execFile)('cp', ['-a', corpus, join(dir, 'content')])
  const server = createS3rver({ port: 0, address: '127.0.0.1', directory: join(dir, 's3'), silent: true, configureBuckets: [{ name: 'bench' }] })
  const address = await server.run()
  let puts = 0
  server.httpServer.on('request', (request) => void (request.method === 'PUT' && !request.url?.includes('.toasoan-manifest') && puts++))
  const env = { ...process.env, ...code.env, AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1' }
  const rows: DeployBenchRow[] = []
  try {
    // At a round archive size the first added article starts a new run of search bundles (every
    // 5,000th does), so the second one is the everyday case.
    for (const label of ['first deploy (cold build)', 'after adding one article', 'after adding a second article', 'after a template change']) {
      if (label.includes('one article')) options.log(`  added ${await addArticle(join(dir, 'content'))}`)
      if (label.includes('second article')) options.log(`  added ${await addArticle(join(dir, 'content'), 2)}`)
      if (label.includes('template')) options.log(`  changed ${await changeTemplate(code.root)}`)
      options.log(`deploy bench: ${label}: building…`)
      const built = await runMeasured(process.execPath, [code.cli, 'build', '--content', 'content', '--out', 'dist', '--now', '2026-01-01T00:00:00+07:00'], {
        cwd: dir,
        env,
      })
      if (built.code !== 0) throw new Error(`toasoan build failed (${label}):\n${built.stderr}`)
      options.log(`  built in ${(built.ms / 1000).toFixed(1)} s; deploying…`)
      const before = puts
      const deployed = await runMeasured(
        process.execPath,
        [
          code.cli,
          'deploy',
          '--to',
          's3://bench/site',
          '--endpoint',
          `http://127.0.0.1:${address.port}`,
          '--out',
          'dist',
          '--concurrency',
          String(options.concurrency ?? 16),
        ],
        { cwd: dir, env }
      )
      if (deployed.code !== 0) throw new Error(`toasoan deploy failed (${label}):\n${deployed.stderr}`)
      const plan = /(\d+) files to upload \(([\d.]+) MB.*?(\d+) to delete/.exec(deployed.stdout)
      const files = Number(/file manifest: (\d+) files/.exec(built.stdout)?.[1] ?? 0)
      rows.push({
        label,
        files,
        buildMs: built.ms,
        publishMs: taskMs(built.stdout, 'publishing') ?? 0,
        deployMs: deployed.ms,
        uploaded: puts - before,
        deleted: Number(plan?.[3] ?? 0),
        megabytes: Number(plan?.[2] ?? 0),
      })
      options.log(`  deployed in ${(deployed.ms / 1000).toFixed(1)} s: ${puts - before} objects uploaded, ${plan?.[3] ?? '?'} deleted`)
    }
  } finally {
    await server.close()
  }
  await writeFile(join(dir, 'rows.json'), JSON.stringify({ rows, revision: code.revision }, null, 2))
  return { rows, revision: code.revision }
}

/**
 * The deploy bench as a Markdown table.
 *
 * @param report From {@link benchDeploy}.
 * @param articles The corpus size.
 */
export function formatDeployBench(report: { rows: DeployBenchRow[]; revision: string }, articles: number): string {
  const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`
  const first = report.rows[0]
  const lines = [
    `Deploy to s3rver on 127.0.0.1 (toasoan ${report.revision}), ${articles.toLocaleString('en-US')} articles.`,
    '',
    '| deploy | files in dist/ | objects uploaded | deleted | MB uploaded | deploy time | × first deploy (the full-upload baseline) | build time (publish step) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...report.rows.map((row) => {
      const ratio = first ? (row.deployMs / first.deployMs).toFixed(3) : '–'
      return `| ${row.label} | ${row.files.toLocaleString('en-US')} | ${row.uploaded.toLocaleString('en-US')} | ${row.deleted.toLocaleString('en-US')} | ${row.megabytes} | ${s(row.deployMs)} | ${ratio} | ${s(row.buildMs)} (${s(row.publishMs)}) |`
    }),
  ]
  return lines.join('\n')
}
