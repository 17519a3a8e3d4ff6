import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { contentTypeFor, fingerprintedFolders, immutableCacheControl, shortCacheControl } from '../../templates/cdn/cdn-rules.ts'
import { digest } from '../cache/index.ts'
import type { FileManifest } from '../publish/index.ts'
import { applyPlan } from './apply-plan.ts'
import { describeDrift, findDrift, hasDrift, repairedState, type Drift } from './bucket-drift.ts'
import { describePlan, planDeploy, type DeployPlan, type RemoteState } from './deploy-plan.ts'
import { parseRedirects, redirectFile } from './redirect-rules.ts'
import { outputManifest } from './output-manifest.ts'
import { CorruptManifest, readRemoteState } from './remote-state.ts'
import { createS3Client, s3Url, type S3Bucket, type S3Location } from './s3-client.ts'
import { listObjects, listRemoteState, probeBucket } from './s3-target.ts'
import { DeployError } from './storage-error.ts'
import { exists, mapLimit } from '../shared/files.ts'

/** Options of {@link deployToS3} and {@link verifyBucket}. */
export interface S3DeployOptions {
  /** The built output. @default 'dist' */
  outDir?: string
  to: S3Location
  /** An S3-compatible endpoint (MinIO, R2, a local server); paths then name the bucket. */
  endpoint?: string | undefined
  region?: string
  /** Print the plan, change nothing. @default false */
  dryRun?: boolean
  /** Compare the bucket's listing with its manifest first and fix what differs. @default false */
  repair?: boolean
  /** How long a request may stall before it is retried (ms). @default 60000 */
  idleTimeout?: number
  /** Uploads at once. @default 16 */
  concurrency?: number
  /** Stamp cache for an output that has no manifest. @default '.cache' */
  cacheDir?: string
  /** The output's manifest, when the caller read it already (25 MB at 100,000 articles). @default read here */
  manifest?: FileManifest
  log?: (line: string) => void
}

/** What a deploy did. */
export interface S3DeployResult {
  plan: DeployPlan
  /** Files in the output that the bucket serves. */
  files: number
  ms: number
}

/** Files only a CDN platform reads: never uploaded to a bucket. */
const platformFiles = new Set(['/_headers', '/_redirects', '/_worker.js', '/_routes.json'])

/** A digest of the header rules: when they change, every object is uploaded again with new headers. */
export const headerRules = digest(
  shortCacheControl,
  immutableCacheControl,
  ...fingerprintedFolders,
  ...['a.html', 'a.htm', 'a.css', 'a.js', 'a.json', 'a.xml', 'a.txt', 'a.avif', 'a.webp', 'a.jpg', 'a.png', 'a.svg', 'a.wasm', 'a.pf_meta'].map(contentTypeFor)
)

/**
 * Uploads a built site to S3-compatible storage: only what changed since the last deploy, assets
 * and data before the pages that link them, then the new manifest, then deletions. A run that
 * stops anywhere leaves every page with its assets, and the next run finishes the work: files being
 * written or deleted are recorded as pending in the bucket's manifest before anything is touched,
 * and each upload leaves that list as it succeeds (see {@link applyPlan}).
 *
 * @param options Where from and where to.
 * @throws {DeployError} Saying what failed and what to do.
 */
export async function deployToS3(options: S3DeployOptions): Promise<S3DeployResult> {
  const started = performance.now()
  const log = options.log ?? ((line: string) => console.log(line))
  const outDir = resolve(options.outDir ?? 'dist')
  const local = await readLocalManifest(outDir, options.cacheDir ?? '.cache', options.manifest)
  const redirects = await readRedirectTargets(outDir, local)
  checkPartialTarget(local, options)
  return withBucket(options, async (bucket) => {
    const remote = options.repair ? await readForRepair(bucket, log) : await readOrList(bucket, log)
    const plan = planDeploy(local, remote, headerRules)
    log(describePlan(plan, options.dryRun ?? false))
    if (local.partial !== undefined) await checkPartialOutput(outDir, plan, options.to)
    const files = Object.keys(local.files).length
    if (options.dryRun) return { plan, files, ms: performance.now() - started }
    const uploaded = await applyPlan(plan, { bucket, outDir, local, remote, rules: headerRules, redirects, concurrency: options.concurrency ?? 16 })
    const ms = performance.now() - started
    log(`Deployed to ${s3Url(options.to)}: ${uploaded} uploaded, ${plan.deletes.length} deleted, in ${(ms / 1000).toFixed(1)} s.`)
    return { plan, files, ms }
  })
}

/**
 * Compares the bucket with the manifest the last deploy stored in it: objects deleted, overwritten
 * or added by hand, which a deploy (trusting its manifest) would not see.
 *
 * @param options The bucket.
 * @returns The drift, also logged.
 * @throws {DeployError} When the bucket has no readable manifest.
 */
export async function verifyBucket(options: S3DeployOptions): Promise<Drift> {
  const log = options.log ?? ((line: string) => console.log(line))
  return withBucket(options, async (bucket) => {
    const state = await readRemoteState(bucket)
    if (state === undefined)
      throw new DeployError(
        `${s3Url(options.to)} has no manifest: no deploy recorded what it holds, so there is nothing to compare it with.`,
        'Deploy (without --verify): a deploy to a bucket without a manifest lists it and uploads every file.'
      )
    const drift = findDrift(state, await listObjects(bucket))
    log(describeDrift(drift, s3Url(options.to), false))
    return drift
  })
}

/** Runs work on a bucket checked to exist, closing the client after. */
async function withBucket<T>(options: S3DeployOptions, work: (bucket: S3Bucket) => Promise<T>): Promise<T> {
  const client = createS3Client({
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.region === undefined ? {} : { region: options.region }),
    ...(options.idleTimeout === undefined ? {} : { idleTimeout: options.idleTimeout }),
  })
  try {
    const bucket: S3Bucket = { client, at: options.to, endpoint: options.endpoint }
    await probeBucket(bucket)
    return await work(bucket)
  } finally {
    client.destroy()
  }
}

/** The bucket's manifest, or its listing when it has none. */
async function readOrList(bucket: S3Bucket, log: (line: string) => void): Promise<RemoteState> {
  const state = await readRemoteState(bucket)
  if (state !== undefined) return state
  log('  the bucket has no manifest: listing its objects')
  return listRemoteState(bucket)
}

/** `--repair`: the manifest corrected by the bucket's listing (the listing alone when the manifest is unreadable). */
async function readForRepair(bucket: S3Bucket, log: (line: string) => void): Promise<RemoteState> {
  const state = await readRemoteState(bucket).catch((error: unknown) => {
    if (!(error instanceof CorruptManifest)) throw error
    log(`  ${error.what} Listing the bucket instead.`)
    return undefined
  })
  const listing = await listObjects(bucket)
  if (state === undefined) return repairedState(undefined, listing)
  const drift = findDrift(state, listing)
  log(describeDrift(drift, s3Url(bucket.at), hasDrift(drift)))
  return repairedState(state, listing)
}

/**
 * An output built against a target (`build --deployed`) holds only what that target lacked: it
 * deploys there, and is not one to repair a bucket from.
 */
function checkPartialTarget(local: FileManifest, options: S3DeployOptions): void {
  const target = local.partial?.target
  if (target === undefined) return
  if (target !== s3Url(options.to))
    throw new DeployError(
      `dist was built against ${target} and holds only what it lacked; it cannot be deployed to ${s3Url(options.to)}.`,
      `Deploy it to ${target}, or build without --deployed (or with --deployed ${s3Url(options.to)}).`
    )
  if (options.repair)
    throw new DeployError(
      `dist was built against ${target} and holds only what it lacked; --repair may need any file of the site.`,
      'Build without --deployed, then deploy with --repair.'
    )
}

/**
 * Every file a deploy of a partial output uploads must be in it: one that is not was served by the
 * bucket when the build read it, and has changed there since (another deploy ran in between).
 */
async function checkPartialOutput(outDir: string, plan: DeployPlan, to: S3Location): Promise<void> {
  const missing = (await mapLimit([...plan.first, ...plan.then], 64, async (path) => ((await exists(join(outDir, path.slice(1)))) ? undefined : path))).filter(
    (path) => path !== undefined
  )
  if (missing.length === 0) return
  throw new DeployError(
    `${s3Url(to)} changed since dist was built against it: ${missing.length} file${missing.length === 1 ? '' : 's'} it served then must be uploaded again and dist lacks ${missing.length === 1 ? 'it' : 'them'} (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}). Nothing was uploaded.`,
    'Another deploy probably ran in between: build again with --deployed, then deploy.'
  )
}

/** The output's manifest without the files only a CDN platform reads. */
async function readLocalManifest(outDir: string, cacheDir: string, read?: FileManifest): Promise<FileManifest> {
  const manifest = await outputManifest(outDir, cacheDir, read)
  const files: FileManifest['files'] = {}
  for (const path in manifest.files) if (!platformFiles.has(path)) files[path] = manifest.files[path] as FileManifest['files'][string]
  return { ...manifest, files }
}

/** Each alias's fallback page and its target, from `_redirects`: the object gets the redirect too. */
async function readRedirectTargets(outDir: string, local: FileManifest): Promise<Map<string, string>> {
  const text = await readFile(join(outDir, '_redirects'), 'utf8').catch(() => '')
  const targets = new Map<string, string>()
  for (const rule of parseRedirects(text)) {
    const file = redirectFile(rule.from)
    if (local.files[file] !== undefined) targets.set(file, rule.to)
  }
  return targets
}
