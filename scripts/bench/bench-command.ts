import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { benchBuild, benchDeploy, benchSearch, benchShards, formatBuildBench, formatDeployBench, formatSearchBench, formatShardBench } from './index.ts'

/** Where `npm run bench` writes: its table (standard output) and its progress lines (standard error). */
export interface BenchOutput {
  print: (text: string) => void
  log: (line: string) => void
}

const standardOutput: BenchOutput = { print: (text) => console.log(text), log: (line) => console.error(line) }

/** The options of `npm run bench` (main.ts's opening comment says what each does). */
const options = {
  articles: { type: 'string' },
  work: { type: 'string', default: '.cache/bench' },
  search: { type: 'boolean', default: false },
  cms: { type: 'boolean', default: false },
  runs: { type: 'string', default: '2' },
  deploy: { type: 'boolean', default: false },
  shards: { type: 'string' },
  import: { type: 'boolean', default: false },
  'most-read': { type: 'boolean', default: false },
  lines: { type: 'string', default: '10000000' },
  posts: { type: 'string' },
  'no-build': { type: 'boolean', default: false },
  'with-cold': { type: 'boolean', default: false },
  concurrency: { type: 'string', default: '16' },
  'no-baselines': { type: 'boolean', default: false },
  'skip-hugo': { type: 'boolean', default: false },
  'skip-eleventy': { type: 'boolean', default: false },
  'no-install': { type: 'boolean', default: false },
  keep: { type: 'boolean', default: false },
  'baseline-timeout': { type: 'string', default: '30' },
  'baseline-posts': { type: 'string' },
  'no-throttling': { type: 'boolean', default: false },
  push: { type: 'boolean', default: false },
  'own-photographs': { type: 'boolean', default: false },
} as const

/**
 * `npm run bench`: the bench its arguments choose, its table printed. A function of its own, so
 * that the bench's test runs it in the test process (the builds it measures are processes all the
 * same) without starting Node and tsx again and loading the benches once more.
 *
 * @param args The arguments after `npm run bench --` (the help aside: main.ts answers it).
 * @param output Where the table and the progress lines go. @default standard output and standard error
 */
export async function benchCommand(args: readonly string[], output: BenchOutput = standardOutput): Promise<void> {
  const { values } = parseArgs({ args: [...args], options })
  const { print, log } = output
  await mkdir(values.work, { recursive: true })

  if (values.import) {
    const { benchImport } = await import('./import-bench.ts')
    const { formatImportBench } = await import('./import-bench-table.ts')
    const posts = Number(values.posts ?? '1000')
    if (!Number.isInteger(posts) || posts < 1) throw new Error(`--posts: "${values.posts}" is not a positive whole number`)
    const report = await benchImport({
      posts,
      workDir: values.work,
      baseline: !values['no-baselines'],
      install: !values['no-install'],
      build: !values['no-build'],
      baselineTimeoutMs: Number(values['baseline-timeout']) * 60_000,
      ...(values['baseline-posts'] === undefined ? {} : { baselinePosts: Number(values['baseline-posts']) }),
      log,
    })
    print(formatImportBench(report))
  } else if (values.push) {
    const { benchPush } = await import('./push-bench.ts')
    const { formatPushBench } = await import('./push-bench-table.ts')
    const articles = Number(values.articles ?? '10000')
    if (!Number.isInteger(articles) || articles < 1) throw new Error(`--articles: "${values.articles}" is not a positive whole number`)
    print(formatPushBench(await benchPush({ articles, workDir: values.work, log }), articles))
  } else if (values['most-read']) {
    const { benchMostRead, formatMostReadBench } = await import('./most-read-bench.ts')
    const lines = Number(values.lines)
    const articles = Number(values.articles ?? '100000')
    if (!Number.isInteger(lines) || lines < 1) throw new Error(`--lines: "${values.lines}" is not a positive whole number`)
    if (!Number.isInteger(articles) || articles < 1) throw new Error(`--articles: "${values.articles}" is not a positive whole number`)
    print(formatMostReadBench(await benchMostRead({ lines, articles, workDir: values.work, log })))
  } else if (values.cms) {
    const { benchCms, formatCmsBench } = await import('./cms-bench.ts')
    const articles = Number(values.articles ?? '5000')
    const runs = Number(values.runs)
    if (!Number.isInteger(articles) || articles < 1) throw new Error(`--articles: "${values.articles}" is not a positive whole number`)
    if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: "${values.runs}" is not a positive whole number`)
    const chromium = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium'].find((path) => path && existsSync(path))
    if (!chromium) throw new Error('Chromium not found: set CHROMIUM_PATH or apt-get install chromium')
    print(formatCmsBench(await benchCms({ articles, workDir: values.work, chromium, runs, log })))
  } else if (values.search) {
    const sizes = (values.articles ?? '10000,30000').split(',').map(Number)
    const chromium = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium'].find((path) => path && existsSync(path))
    if (!chromium) log('Chromium not found (set CHROMIUM_PATH or apt-get install chromium): query costs are skipped.')
    const rows = await benchSearch({
      sizes,
      workDir: values.work,
      baseline: !values['no-baselines'],
      throttled: !values['no-throttling'],
      ...(chromium ? { chromium } : {}),
      log,
    })
    print(formatSearchBench(rows))
  } else if (values.deploy) {
    const articles = Number(values.articles ?? '10000')
    if (!Number.isInteger(articles) || articles < 1) throw new Error(`--articles: "${values.articles}" is not a positive whole number`)
    const report = await benchDeploy({ articles, workDir: values.work, concurrency: Number(values.concurrency), log })
    print(formatDeployBench(report, articles))
  } else if (values.shards !== undefined) {
    const shards = Number(values.shards)
    const articles = Number(values.articles ?? '10000')
    const timeout = Number(values['baseline-timeout'])
    if (!Number.isInteger(shards) || shards < 1) throw new Error(`--shards: "${values.shards}" is not a positive whole number`)
    if (!Number.isInteger(articles) || articles < 1) throw new Error(`--articles: "${values.articles}" is not a positive whole number`)
    if (!(timeout > 0)) throw new Error(`--baseline-timeout: "${values['baseline-timeout']}" is not a number of minutes`)
    const report = await benchShards({
      shards,
      articles,
      workDir: values.work,
      hugo: !values['no-baselines'] && !values['skip-hugo'],
      install: !values['no-install'],
      withCold: values['with-cold'],
      keep: values.keep,
      baselineTimeoutMs: timeout * 60_000,
      log,
    })
    const table = formatShardBench(report)
    // A 100,000-article run takes an hour: its table is kept beside the corpus as well.
    const saved = join(values.work, `shards-${articles}-${shards}-${report.date}.md`)
    await writeFile(saved, `${table}\n`)
    log(`table written to ${saved}`)
    print(table)
  } else {
    const articles = Number(values.articles ?? '10000')
    const timeout = Number(values['baseline-timeout'])
    if (!Number.isInteger(articles) || articles < 1) throw new Error(`--articles: "${values.articles}" is not a positive whole number`)
    if (!(timeout > 0)) throw new Error(`--baseline-timeout: "${values['baseline-timeout']}" is not a number of minutes`)
    const report = await benchBuild({
      articles,
      workDir: values.work,
      hugo: !values['no-baselines'] && !values['skip-hugo'],
      eleventy: !values['no-baselines'] && !values['skip-eleventy'],
      install: !values['no-install'],
      keep: values.keep,
      baselineTimeoutMs: timeout * 60_000,
      ownPhotographs: values['own-photographs'],
      log,
    })
    print(formatBuildBench(report))
  }
}
