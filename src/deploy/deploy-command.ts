import { exists } from '../shared/files.ts'
import { cleanLeftovers, lockOutput } from '../publish/index.ts'
import { UsageError } from '../shared/usage-error.ts'
import { hasDrift } from './bucket-drift.ts'
import { checkTarget, isPlatform, platforms } from './check-target.ts'
import { outputManifest } from './output-manifest.ts'
import { deployToS3, verifyBucket } from './s3-deploy.ts'
import { parseS3Url } from './s3-target.ts'

/** The options of `toasoan deploy`, parsed by the command line (`src/cli/commands/deploy.ts`). */
export interface DeployArgs {
  to?: string | undefined
  check?: string | undefined
  out: string
  endpoint?: string | undefined
  region?: string | undefined
  'dry-run': boolean
  verify: boolean
  repair: boolean
  concurrency: string
  'max-files'?: string | undefined
}

const seeHelp = 'Run toasoan deploy --help for its options.'

/**
 * Runs `toasoan deploy`. Deploying (or preparing the output for a platform) holds the output's
 * lock: a build cannot replace the output under it, and it stops at once, naming the build, when
 * one runs.
 *
 * @param values Its options.
 * @returns The exit code: 0 done, 1 failed (a limit, the storage, drift found); wrong usage is
 *   thrown as a {@link UsageError} (the command line exits 2).
 */
export async function deployCommand(values: DeployArgs): Promise<0 | 1> {
  const target = values.check ?? values.to
  if (target === undefined) throw new UsageError('deploy needs --to or --check.', `Give --to s3://BUCKET[/PREFIX] or --to ${platforms.join('|')}. ${seeHelp}`)
  const concurrency = Number(values.concurrency)
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new UsageError(`--concurrency: "${values.concurrency}" is not a whole number from 1.`, 'Give --concurrency N, e.g. 16 (the default).')
  const platform = target.startsWith('s3://') ? 's3' : target
  if (!isPlatform(platform)) throw new UsageError(`unknown target "${target}".`, `Use s3://BUCKET[/PREFIX] or one of ${platforms.join(', ')}.`)
  const maxFiles = values['max-files'] === undefined ? undefined : Number(values['max-files'])
  if (maxFiles !== undefined && !(Number.isInteger(maxFiles) && maxFiles > 0))
    throw new UsageError(`--max-files: "${values['max-files']}" is not a positive whole number.`, "Give the plan's file limit, e.g. --max-files 100000.")
  if ((values.verify || values.repair) && (platform !== 's3' || values.check !== undefined))
    throw new UsageError('--verify and --repair compare a bucket with its manifest.', 'Use them with --to s3://BUCKET[/PREFIX].')
  const s3 = platform === 's3' && values.check === undefined ? { to: parseS3Url(target), endpoint: checkEndpoint(values.endpoint) } : undefined
  // Only a check, a dry run or a verification leaves the output alone and may run beside a build.
  const reads = values.check !== undefined || values['dry-run'] || (values.verify && !values.repair)
  // A build killed between the two renames of its swap left the previous output aside: put it back.
  await cleanLeftovers(values.out)
  if (!(values.verify && !values.repair) && !(await exists(values.out)))
    throw new UsageError(
      `--out: "${values.out}" does not exist: there is no built site to deploy.`,
      'Build first (toasoan build), or give --out the built site.'
    )
  const release = reads ? async () => {} : await lockOutput(values.out, `deploy to ${target}`)
  try {
    if (s3 !== undefined && values.verify && !values.repair) {
      const drift = await verifyBucket({ ...s3, ...(values.region === undefined ? {} : { region: values.region }) })
      return hasDrift(drift) ? 1 : 0
    }
    // Read once for the check and the upload: 25 MB of JSON at 100,000 articles.
    const manifest = s3 === undefined ? undefined : await outputManifest(values.out, '.cache')
    const problems = await checkTarget(values.out, platform, {
      prepare: values.check === undefined && !values['dry-run'],
      ...(manifest === undefined ? {} : { manifest }),
      ...(maxFiles === undefined ? {} : { limits: { maxFiles } }),
    })
    for (const line of problems.notes) console.log(line)
    if (problems.errors.length > 0) {
      console.error(problems.errors.join('\n\n'))
      console.error(`\n${values.out} cannot be deployed to ${platform} as it is; nothing was uploaded.`)
      return 1
    }
    if (s3 === undefined) {
      console.log(`${values.out} is within ${platform}'s limits.`)
      return 0
    }
    await deployToS3({
      ...s3,
      outDir: values.out,
      concurrency,
      dryRun: values['dry-run'],
      repair: values.repair,
      ...(values.region === undefined ? {} : { region: values.region }),
      ...(manifest === undefined ? {} : { manifest }),
    })
    return 0
  } finally {
    await release()
  }
}

/**
 * `--endpoint`: an http(s) URL, or nothing (AWS).
 *
 * @param value The option's value.
 */
export function checkEndpoint(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const url = URL.canParse(value) ? new URL(value) : undefined
  if (url?.protocol === 'http:' || url?.protocol === 'https:') return value
  throw new UsageError(
    `--endpoint: "${value}" is not a URL.`,
    "Give the storage's S3 API address with its scheme, e.g. --endpoint https://ACCOUNT_ID.r2.cloudflarestorage.com or --endpoint http://127.0.0.1:9000."
  )
}
