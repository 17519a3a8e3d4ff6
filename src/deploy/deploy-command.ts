import { parseArgs } from 'node:util'
import { checkTarget, isPlatform, platforms } from './check-target.ts'
import { deployToS3 } from './s3-deploy.ts'
import { parseS3Url } from './s3-target.ts'
import { deployUsage } from './deploy-usage.ts'

/** The options of `toasoan deploy`. */
const deployOptions = {
  to: { type: 'string' },
  check: { type: 'string' },
  out: { type: 'string', default: 'dist' },
  endpoint: { type: 'string' },
  region: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  concurrency: { type: 'string', default: '16' },
  'max-files': { type: 'string' },
} as const

/**
 * Runs `toasoan deploy`.
 *
 * @param args Arguments after `deploy`.
 * @returns The exit code: 0 done, 1 failed (a limit, the storage), 2 wrong usage.
 */
export async function deployCommand(args: readonly string[]): Promise<number> {
  let values: ReturnType<typeof parseArgs<{ options: typeof deployOptions }>>['values']
  try {
    values = parseArgs({ args: [...args], options: deployOptions }).values
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${deployUsage}`)
    return 2
  }
  const target = values.check ?? values.to
  const concurrency = Number(values.concurrency)
  if (target === undefined || !Number.isInteger(concurrency) || concurrency < 1) {
    console.error(`toasoan deploy needs --to or --check, and --concurrency a whole number from 1.\n\n${deployUsage}`)
    return 2
  }
  const platform = target.startsWith('s3://') ? 's3' : target
  if (!isPlatform(platform)) {
    console.error(`toasoan deploy: unknown target "${target}"; use s3://BUCKET[/PREFIX] or one of ${platforms.join(', ')}.`)
    return 2
  }
  const maxFiles = values['max-files'] === undefined ? undefined : Number(values['max-files'])
  if (maxFiles !== undefined && !(Number.isInteger(maxFiles) && maxFiles > 0)) {
    console.error(`toasoan deploy: --max-files "${values['max-files']}" is not a positive whole number.`)
    return 2
  }
  const problems = await checkTarget(values.out, platform, {
    prepare: values.check === undefined && !values['dry-run'],
    ...(maxFiles === undefined ? {} : { limits: { maxFiles } }),
  })
  for (const line of problems.notes) console.log(line)
  if (problems.errors.length > 0) {
    console.error(problems.errors.join('\n\n'))
    console.error(`\n${values.out} cannot be deployed to ${platform} as it is; nothing was uploaded.`)
    return 1
  }
  if (values.check !== undefined || platform !== 's3') {
    console.log(`${values.out} is within ${platform}'s limits.`)
    return 0
  }
  await deployToS3({
    outDir: values.out,
    to: parseS3Url(target),
    concurrency,
    dryRun: values['dry-run'],
    ...(values.endpoint === undefined ? {} : { endpoint: values.endpoint }),
    ...(values.region === undefined ? {} : { region: values.region }),
  })
  return 0
}
