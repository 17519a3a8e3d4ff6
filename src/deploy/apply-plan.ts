import { contentTypeFor, cacheControlFor } from '../../templates/cdn/cdn-rules.ts'
import type { FileManifest } from '../publish/index.ts'
import type { DeployPlan, RemoteState } from './deploy-plan.ts'
import { createProgress } from './deploy-progress.ts'
import { stateSerialiser, writeRemoteState } from './remote-state.ts'
import type { S3Bucket } from './s3-client.ts'
import { deleteFiles, putFile } from './s3-target.ts'
import { DeployError, withHint } from './storage-error.ts'
import { readSnapshot, uploadAll } from './upload-files.ts'

/** What {@link applyPlan} needs besides the plan. */
export interface ApplyContext {
  bucket: S3Bucket
  /** The output folder, read as the manifest says it is. */
  outDir: string
  /** The output's manifest. */
  local: FileManifest
  /** What the bucket holds, as the plan was made from. */
  remote: RemoteState
  /** The header rules' digest the uploads are made with. */
  rules: string
  /** Each alias's fallback page and its redirect target. */
  redirects: ReadonlyMap<string, string>
  concurrency: number
}

/**
 * Carries out a deploy's plan: records the files about to change as pending, uploads assets and
 * data, then pages (only once every asset is there), recording each upload in the bucket's
 * manifest in batches, then stores the new manifest and deletes what the build no longer has.
 *
 * @param plan The plan.
 * @param context The bucket, the output and the state the plan was made from.
 * @returns How many files were uploaded.
 * @throws {DeployError} Naming the first failure, and that a re-run continues where this one stopped.
 */
export async function applyPlan(plan: DeployPlan, context: ApplyContext): Promise<number> {
  const { bucket, local, rules } = context
  const uploads = [...plan.first, ...plan.then]
  // Before any object changes, record which ones will: if this run stops, the next one treats
  // them as unknown. The new rules are safe to record now: when they differ, every file of the
  // build is pending and every other one is deleted.
  const start: RemoteState = {
    files: context.remote.files,
    pending: [...new Set([...context.remote.pending, ...uploads])],
    rules,
    ...keysKept(context.remote.keys, [...uploads, ...plan.deletes]),
  }
  if (uploads.length > 0) await writeRemoteState(bucket, start)
  const progress = createProgress({ state: start, local: local.files, write: (state) => writeRemoteState(bucket, state) })
  const upload = async (path: string): Promise<void> => {
    const target = context.redirects.get(path)
    await putFile(bucket, {
      path,
      body: await readSnapshot(context.outDir, path, local.files[path] ?? { hash: '', size: -1 }),
      contentType: contentTypeFor(path),
      cacheControl: cacheControlFor(path),
      ...(target === undefined ? {} : { redirect: target }),
    })
    await progress.uploaded(path)
  }
  for (const phase of [plan.first, plan.then]) {
    const failures = await uploadAll(phase, upload, { concurrency: context.concurrency })
    if (failures.length === 0) continue
    // What did upload is kept: the next run starts from there. A failure to store it only costs
    // those uploads again.
    await progress.save().catch(() => {})
    throw uploadsFailed(failures, progress.count(), uploads.length)
  }
  // Every upload succeeded: the state below records them all, so the last batch is not stored on
  // its own (a run stopped before it lands uploads them again). Stores in flight land first.
  await progress.settled()
  // Every file is now the build's, so its keys hold (a deleted file has none).
  const keys = local.keys === undefined ? {} : { keys: local.keys }
  const serialise = stateSerialiser()
  await writeRemoteState(bucket, { files: local.files, pending: plan.deletes, rules, ...keys }, serialise)
  if (plan.deletes.length > 0) {
    await deleteFiles(bucket, plan.deletes)
    await writeRemoteState(bucket, { files: local.files, pending: [], rules, ...keys }, serialise)
  }
  return uploads.length
}

/**
 * The keys of the last deploy that still describe the bucket while this one changes some files:
 * those of the paths it will write or delete go, with every folder's that holds one of them, so a
 * run that stops half-way never leaves a key beside bytes another build made.
 *
 * @param keys The keys the bucket's manifest holds.
 * @param changing The paths this run writes or deletes.
 */
export function keysKept(keys: Record<string, string> | undefined, changing: readonly string[]): { keys?: Record<string, string> } {
  if (keys === undefined) return {}
  const gone = new Set<string>()
  for (const path of changing) {
    gone.add(path)
    for (let end = path.indexOf('/', 1); end !== -1; end = path.indexOf('/', end + 1)) gone.add(path.slice(0, end + 1))
  }
  const kept: Record<string, string> = {}
  for (const [path, key] of Object.entries(keys)) if (!gone.has(path)) kept[path] = key
  return { keys: kept }
}

/** The error of a run whose uploads failed: the first failure, how many, and that a re-run continues. */
function uploadsFailed(failures: readonly DeployError[], uploaded: number, total: number): DeployError {
  const first = failures[0] as DeployError
  const error = failures.length === 1 ? first : new DeployError(`${failures.length} uploads failed; the first: ${first.what}`, first.hint, first.transient)
  return withHint(
    error,
    `${uploaded} of ${total} files were uploaded before the deploy stopped and are recorded in the bucket's manifest: running the deploy again continues where this one stopped.`
  )
}
