/**
 * `npm run bench -- [--articles N] [--work DIR] [--no-baselines | --skip-hugo | --skip-eleventy]
 *   [--no-install] [--keep] [--baseline-timeout MIN]`: measures toasoan's builds (cold, no-op, add
 * one article, edit one body, template change) on a generated corpus against Hugo's and
 * Eleventy's cold builds of the same Markdown, in one run, and prints one Markdown table on
 * stdout (progress goes to stderr). A script, not a test.
 *
 * `npm run bench -- --search [--articles N[,N…]] [--work DIR] [--no-baselines] [--no-throttling]`: the search
 *   bench instead (the 32-article sample, then each size and its worst case, one article more: index
 *   costs, and 60 queries in Chromium, ten fixed and 50 drawn from the corpus, plain and Slow 4G).
 *
 * `npm run bench -- --push [--articles N] [--work DIR]`: a push to live as the workflow runs it, both ways in
 *   one run (today's: the whole cache, the whole site, a dist/ artifact; S3's now: the state and
 *   recent bodies, `build --deployed`, the deploy from the build job), for a new article and an edit
 *   of the oldest one: bytes restored, written, uploaded and saved, and each step's time.
 *
 * `npm run bench -- --deploy [--articles N] [--work DIR] [--concurrency N]`: deploys to a local
 * S3-compatible server (first, after adding one article, after a template change).
 *
 * `npm run bench -- --import [--posts N] [--baseline-posts M] [--work DIR] [--no-build] [--no-baselines] [--no-install]`: a generated
 * WordPress export of N posts (default 1,000) imported, imported again unchanged, and built, against
 * wordpress-export-to-markdown on the same file (or, with --baseline-posts, on an export of M posts
 * that toasoan also imports).
 *
 * `npm run bench -- --cms [--articles N] [--work DIR] [--runs N]`: the web editor on a generated archive
 *   (default 5,000 articles): decap-server and the built /admin/ in Chromium, list shown, newest entry
 *   first, an old article found by its title typed without diacritics, bytes before the list shows.
 *
 * `npm run bench -- --most-read [--lines N] [--articles N] [--work DIR]`: `toasoan most-read` counting a generated
 *   combined-format access log (default 10 million lines, ~2 GB, written once into the work folder) against a
 *   generated corpus (default 100,000 articles): wall time, peak memory, fragments, and the objects a deploy to
 *   s3rver uploads after the next hourly run.
 *
 * `npm run bench -- --shards N [--articles N] [--work DIR] [--no-baselines] [--with-cold] [--keep]`:
 * a sharded cold build instead (the N `--shard I/N` builds one after another, their caches packed
 * and merged, the final build), against Hugo's cold build.
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { join } from 'node:path'
import { benchBuild, benchDeploy, benchSearch, benchShards, formatBuildBench, formatDeployBench, formatSearchBench, formatShardBench } from './index.ts'

const { values } = parseArgs({
  options: {
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
    help: { type: 'boolean', short: 'h', default: false },
  },
})
if (values.help) {
  // The usage is this file's opening comment.
  const source = await readFile(new URL(import.meta.url), 'utf8')
  console.log((/\/\*\*([\s\S]*?)\*\//.exec(source)?.[1] ?? '').replace(/^ \* ?/gm, '').trim())
  process.exit(0)
}
const log = (line: string): void => console.error(line)
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
  console.log(formatImportBench(report))
} else if (values.push) {
  const { benchPush } = await import('./push-bench.ts')
  const { formatPushBench } = await import('./push-bench-table.ts')
  const articles = Number(values.articles ?? '10000')
  if (!Number.isInteger(articles) || articles < 1) throw new Error(`--articles: "${values.articles}" is not a positive whole number`)
  console.log(formatPushBench(await benchPush({ articles, workDir: values.work, log }), articles))
} else if (values['most-read']) {
  const { benchMostRead, formatMostReadBench } = await import('./most-read-bench.ts')
  const lines = Number(values.lines)
  const articles = Number(values.articles ?? '100000')
  if (!Number.isInteger(lines) || lines < 1) throw new Error(`--lines: "${values.lines}" is not a positive whole number`)
  if (!Number.isInteger(articles) || articles < 1) throw new Error(`--articles: "${values.articles}" is not a positive whole number`)
  console.log(formatMostReadBench(await benchMostRead({ lines, articles, workDir: values.work, log })))
} else if (values.cms) {
  const { benchCms, formatCmsBench } = await import('./cms-bench.ts')
  const articles = Number(values.articles ?? '5000')
  const runs = Number(values.runs)
  if (!Number.isInteger(articles) || articles < 1) throw new Error(`--articles: "${values.articles}" is not a positive whole number`)
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: "${values.runs}" is not a positive whole number`)
  const chromium = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium'].find((path) => path && existsSync(path))
  if (!chromium) throw new Error('Chromium not found: set CHROMIUM_PATH or apt-get install chromium')
  console.log(formatCmsBench(await benchCms({ articles, workDir: values.work, chromium, runs, log })))
} else if (values.search) {
  const sizes = (values.articles ?? '10000,30000').split(',').map(Number)
  const chromium = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium'].find((path) => path && existsSync(path))
  if (!chromium) console.warn('Chromium not found (set CHROMIUM_PATH or apt-get install chromium): query costs are skipped.')
  const rows = await benchSearch({
    sizes,
    workDir: values.work,
    baseline: !values['no-baselines'],
    throttled: !values['no-throttling'],
    ...(chromium ? { chromium } : {}),
    log,
  })
  console.log(formatSearchBench(rows))
} else if (values.deploy) {
  const articles = Number(values.articles ?? '10000')
  if (!Number.isInteger(articles) || articles < 1) throw new Error(`--articles: "${values.articles}" is not a positive whole number`)
  const report = await benchDeploy({ articles, workDir: values.work, concurrency: Number(values.concurrency), log })
  console.log(formatDeployBench(report, articles))
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
  console.log(table)
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
    log,
  })
  console.log(formatBuildBench(report))
}
