import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { ManifestEntry } from '../publish/index.ts'
import { DeployError } from './storage-error.ts'

/**
 * Reads a file to upload and checks that its bytes are those the output's manifest lists (MD5, as
 * the manifest), so a deploy uploads and records one build: a build (or `toasoan serve`) writing
 * the output meanwhile stops it instead of mixing two builds in the bucket.
 *
 * @param outDir The output folder.
 * @param path The file's URL path.
 * @param entry Its manifest entry.
 * @throws {DeployError} When the file changed or vanished since the manifest was read.
 */
export async function readSnapshot(outDir: string, path: string, entry: ManifestEntry): Promise<Buffer> {
  let bytes: Buffer
  try {
    bytes = await readFile(join(outDir, path))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') throw outputChanged(outDir, path, 'is gone')
    throw error
  }
  if (bytes.length !== entry.size || createHash('md5').update(bytes).digest('hex') !== entry.hash)
    throw outputChanged(outDir, path, 'is not the file the manifest lists')
  return bytes
}

/** The output changed under the deploy. */
function outputChanged(outDir: string, path: string, how: string): DeployError {
  return new DeployError(
    `${basename(outDir)} changed while deploying: ${path} ${how} (a build, or toasoan serve, wrote the output meanwhile).`,
    'Its new bytes were not uploaded nor recorded. Build again, then deploy.'
  )
}

/** Options of {@link uploadAll}. */
export interface UploadAllOptions {
  /** Uploads at once. */
  concurrency: number
  /** Failures a storage may retry (503s, resets) after which the run stops. @default 50 */
  maxTransient?: number
}

/**
 * Uploads files side by side. A failure the storage may get past on a re-run (a busy node, a
 * reset, after the SDK's own retries) does not stop the others, so a run on flaky storage still
 * makes progress; any other failure (access denied, the output changed) stops new uploads at once.
 * Returns when every upload started has ended.
 *
 * @param paths The files.
 * @param upload Uploads one (and records it).
 * @param options How many at once, how many failures.
 * @returns The failures, the one that stopped the run first.
 */
export async function uploadAll(paths: readonly string[], upload: (path: string) => Promise<void>, options: UploadAllOptions): Promise<DeployError[]> {
  const maxTransient = options.maxTransient ?? 50
  const transient: DeployError[] = []
  let fatal: DeployError | undefined
  let next = 0
  const worker = async (): Promise<void> => {
    while (fatal === undefined && transient.length < maxTransient && next < paths.length) {
      const path = paths[next++] as string
      try {
        await upload(path)
      } catch (error) {
        if (error instanceof DeployError && error.transient) transient.push(error)
        else fatal ??= error instanceof DeployError ? error : new DeployError(`uploading ${path} failed: ${(error as Error).message}`, 'Run the deploy again.')
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(options.concurrency, paths.length) }, worker))
  return fatal === undefined ? transient : [fatal, ...transient]
}
