import { resolve } from 'node:path'
import { gitBlobIds } from '../content/git-index.ts'
import { checkBaseUrl, resolveNow } from '../shared/operator-input.ts'
import { countProblems } from '../problems/index.ts'
import { checkOutput } from '../publish/check-output.ts'
import { progressBar, progressLines, wantsProgressBar } from '../shared/progress.ts'
import { UsageError } from '../shared/usage-error.ts'
import { exitOnSignal } from './build-signals.ts'
import type { RunCode } from './command.ts'
import type { DeployedSite } from '../publish/index.ts'
import { checkContentDir } from './cli-options.ts'
import { checkFormat, problemPrinter, type ProblemPrinter } from './print-problems.ts'

/** The options of `toasoan build`, parsed (see `commands/build.ts`). */
export interface BuildArgs {
  content: string
  out?: string | undefined
  cache: string
  shard?: string | undefined
  'base-url'?: string | undefined
  drafts: boolean
  now?: string | undefined
  format: string
  wait?: string | undefined
  deployed?: string | undefined
  endpoint?: string | undefined
  region?: string | undefined
}

/** `--wait SECONDS`: a whole number of seconds, 0 when not given. */
function waitSeconds(value: string | undefined): number {
  if (value === undefined) return 0
  const seconds = Number(value)
  if (Number.isInteger(seconds) && seconds >= 0) return seconds
  throw new UsageError(`--wait: "${value}" is not a number of seconds.`, 'Give --wait a whole number of seconds, e.g. --wait 600.')
}

/**
 * `--deployed s3://…` (with `--endpoint`, `--region`): what that bucket's last deploy recorded, or
 * nothing when the build must write every file (no manifest yet, other header rules).
 */
async function readTarget(values: BuildArgs): Promise<DeployedSite | undefined> {
  if (values.deployed === undefined) {
    if (values.endpoint !== undefined || values.region !== undefined)
      throw new UsageError('--endpoint and --region name the bucket of --deployed.', 'Give --deployed s3://BUCKET[/PREFIX] too, or drop them.')
    return undefined
  }
  const { checkEndpoint, parseS3Url, readDeployedSite } = await import('../deploy/index.ts')
  if (!values.deployed.startsWith('s3://'))
    throw new UsageError(`--deployed: "${values.deployed}" is not a bucket.`, 'Give the bucket the site is deployed to, as s3://BUCKET[/PREFIX].')
  return readDeployedSite({
    to: parseS3Url(values.deployed),
    endpoint: checkEndpoint(values.endpoint),
    region: values.region,
    log: (line) => console.log(line),
  })
}

/**
 * `toasoan build`: validates the content and builds the site into `--out`, or one shard of a cold
 * build into the cache (`--shard`).
 *
 * @param values The parsed options.
 * @returns 0 built, 1 content problems or a failed step (the output left as it was).
 * @throws {UsageError} On a bad option value, before anything is touched.
 */
export async function buildCommand(values: BuildArgs): Promise<RunCode> {
  const format = checkFormat(values.format)
  await checkContentDir(values.content)
  const printProblems = problemPrinter(format)
  if (values.shard !== undefined) return buildShardCommand(values, printProblems)
  const out = values.out ?? 'dist'
  const bar = format === 'text' && wantsProgressBar(process.stdout) ? progressBar((text) => process.stdout.write(text)) : undefined
  const now = resolveNow(values.now)
  if (values['base-url'] !== undefined) checkBaseUrl(values['base-url'])
  const waitForOutput = waitSeconds(values.wait) * 1000
  // Checked again by build(); here it answers before the stages load.
  await checkOutput({ outDir: out, contentDir: values.content, cacheDir: values.cache })
  // Eleventy registers a module resolver for its watch mode, to import changed files afresh; a build
  // never watches, and on Node 20 the resolver sends every later import through a thread of hooks
  // (0.3 s of CPU and 0.4 s of a small build's time).
  process.env['ELEVENTY_SKIP_ESM_RESOLVER'] ??= '1'
  // Git lists the content's files (half a second at 100,000 articles, in its own process), and the
  // target's manifest travels over the network, while the build's modules load.
  const gitBlobs = gitBlobIds(resolve(values.content), '.')
  const target = readTarget(values)
  target.catch(() => {})
  const [{ build }, deployed] = await Promise.all([import('../pipeline/build.ts'), target])
  const stopOnSignal = exitOnSignal(out)
  const result = await build({
    // A terminal gets a bar; a pipe or a CI log gets a line every few seconds of a long step.
    ...(bar
      ? {
          progress: bar.sink,
          log: (line: string) => {
            bar.clear()
            console.log(line)
          },
        }
      : { progress: progressLines((line) => console.log(line)) }),
    contentDir: values.content,
    outDir: out,
    cacheDir: values.cache,
    drafts: values.drafts,
    now,
    waitForOutput,
    gitBlobs,
    ...(values['base-url'] === undefined ? {} : { baseUrl: values['base-url'] }),
    ...(deployed === undefined ? {} : { deployed }),
  }).finally(stopOnSignal)
  if (!result.ok) {
    printProblems(result.files, 'error')
    console.error(`Build failed: ${out} was left as it was.`)
    return 1
  }
  if (countProblems(result.files).warnings > 0) printProblems(result.files, 'error')
  console.log(result.upToDate ? `${out} is up to date: ${result.pages} pages, nothing to build.` : `Built ${result.pages} pages into ${out}.`)
  return 0
}

/**
 * `toasoan build --shard I/N`: one shard of a cold build, into the cache folder only.
 *
 * @param values The parsed options.
 * @param printProblems Prints the content's problems.
 */
async function buildShardCommand(values: BuildArgs, printProblems: ProblemPrinter): Promise<RunCode> {
  const { parseShard } = await import('../site/shards.ts')
  const shard = parseShard(values.shard ?? '')
  if (!shard) throw new UsageError(`--shard: "${values.shard}" is not a shard.`, 'Give --shard I/N with 1 ≤ I ≤ N, e.g. --shard 3/8 for the third of eight.')
  if (values.out !== undefined) {
    throw new UsageError(
      '--shard writes into the cache folder only; --out does not apply.',
      'Drop --out; after the shards, copy their cache folders into one and run toasoan build.'
    )
  }
  if (values['base-url'] !== undefined) checkBaseUrl(values['base-url'])
  const now = resolveNow(values.now)
  const { buildShard } = await import('../pipeline/build-shard.ts')
  const result = await buildShard({
    shard,
    progress: progressLines((line) => console.log(line)),
    contentDir: values.content,
    cacheDir: values.cache,
    drafts: values.drafts,
    now,
    ...(values['base-url'] === undefined ? {} : { baseUrl: values['base-url'] }),
  })
  if (!result.ok) {
    printProblems(result.files, 'error')
    console.error(`Shard ${shard.index}/${shard.count} failed: its cache entries so far are kept, and are valid.`)
    return 1
  }
  console.log(`Shard ${shard.index}/${shard.count} cached ${result.articles} articles in ${result.bundles} search bundles into ${values.cache}.`)
  return 0
}
