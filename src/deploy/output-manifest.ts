import { join, resolve } from 'node:path'
import { digest } from '../cache/index.ts'
import { computeFileManifest, readFileManifest, type FileManifest } from '../publish/index.ts'

/**
 * A built output's manifest: the one given (read already by the caller), else the one the build
 * wrote, else computed by listing and hashing the folder (an output from an older build), its
 * stamps kept in the cache.
 *
 * @param dir The output folder.
 * @param cacheDir The cache folder, for the stamps.
 * @param read The manifest, when the caller read it already.
 */
export async function outputManifest(dir: string, cacheDir: string, read?: FileManifest): Promise<FileManifest> {
  return (
    read ??
    (await readFileManifest(dir)) ??
    (await computeFileManifest(dir, join(resolve(cacheDir), 'deploy', `${digest(dir).slice(0, 16)}.stamps.v8`))).manifest
  )
}
