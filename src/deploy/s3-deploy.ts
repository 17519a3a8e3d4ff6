import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { contentTypeFor, cacheControlFor, fingerprintedFolders, immutableCacheControl, shortCacheControl } from '../../templates/cdn/cdn-rules.ts'
import { digest } from '../cache/index.ts'
import { mapLimit } from '../files.ts'
import { computeFileManifest, readFileManifest, type FileManifest } from '../publish/index.ts'
import { describePlan, planDeploy, type DeployPlan } from './deploy-plan.ts'
import { parseRedirects, redirectFile } from './redirect-rules.ts'
import { createS3Client, deleteFiles, listRemoteState, putFile, readRemoteState, writeRemoteState, type S3Location } from './s3-target.ts'

/** Options of {@link deployToS3}. */
export interface S3DeployOptions {
  /** The built output. @default 'dist' */
  outDir?: string
  to: S3Location
  /** An S3-compatible endpoint (MinIO, R2, a local server); paths then name the bucket. */
  endpoint?: string
  region?: string
  /** Print the plan, change nothing. @default false */
  dryRun?: boolean
  /** Uploads at once. @default 16 */
  concurrency?: number
  /** Stamp cache for an output that has no manifest. @default '.cache' */
  cacheDir?: string
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
 * written or deleted are recorded as pending in the bucket's manifest before anything is touched.
 *
 * @param options Where from and where to.
 */
export async function deployToS3(options: S3DeployOptions): Promise<S3DeployResult> {
  const started = performance.now()
  const log = options.log ?? ((line: string) => console.log(line))
  const outDir = resolve(options.outDir ?? 'dist')
  const local = await readLocalManifest(outDir, options.cacheDir ?? '.cache')
  const redirects = await readRedirectTargets(outDir, local)
  const client = createS3Client({
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.region === undefined ? {} : { region: options.region }),
  })
  try {
    let remote = await readRemoteState(client, options.to)
    if (remote === undefined) {
      log('  the bucket has no manifest: listing its objects')
      remote = await listRemoteState(client, options.to)
    }
    const plan = planDeploy(local, remote, headerRules)
    log(describePlan(plan, options.dryRun ?? false))
    const files = Object.keys(local.files).length
    if (options.dryRun) return { plan, files, ms: performance.now() - started }
    const uploads = [...plan.first, ...plan.then]
    // Before any object changes, record which ones will: if this run stops, the next one treats them as unknown.
    if (uploads.length > 0) await writeRemoteState(client, options.to, { ...remote, pending: [...new Set([...remote.pending, ...uploads])] })
    const upload = async (path: string): Promise<void> => {
      const target = redirects.get(path)
      await putFile(client, options.to, {
        path,
        body: await readFile(join(outDir, path)),
        contentType: contentTypeFor(path),
        cacheControl: cacheControlFor(path),
        ...(target === undefined ? {} : { redirect: target }),
      })
    }
    const concurrency = options.concurrency ?? 16
    await mapLimit(plan.first, concurrency, upload)
    await mapLimit(plan.then, concurrency, upload)
    await writeRemoteState(client, options.to, { files: local.files, pending: plan.deletes, rules: headerRules })
    if (plan.deletes.length > 0) {
      await deleteFiles(client, options.to, plan.deletes)
      await writeRemoteState(client, options.to, { files: local.files, pending: [], rules: headerRules })
    }
    const ms = performance.now() - started
    log(
      `Deployed to s3://${options.to.bucket}/${options.to.prefix}: ${uploads.length} uploaded, ${plan.deletes.length} deleted, in ${(ms / 1000).toFixed(1)} s.`
    )
    return { plan, files, ms }
  } finally {
    client.destroy()
  }
}

/** The output's manifest without the files only a CDN platform reads. */
async function readLocalManifest(outDir: string, cacheDir: string): Promise<FileManifest> {
  const manifest =
    (await readFileManifest(outDir)) ??
    (await computeFileManifest(outDir, join(resolve(cacheDir), 'deploy', `${digest(outDir).slice(0, 16)}.stamps.json`))).manifest
  const files: FileManifest['files'] = {}
  for (const [path, entry] of Object.entries(manifest.files)) if (!platformFiles.has(path)) files[path] = entry
  return { version: 1, files }
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
