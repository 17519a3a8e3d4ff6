import { execFile, spawn } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import { promisify } from 'node:util'
import { which } from './locate-hugo.ts'

/** How CI would pack a cache folder: plain tar, or tar through zstd (what `actions/cache` uses when the runner has it) or gzip. */
export type Packing = 'tar' | 'zstd' | 'gzip'

/** The size of a packed folder and how long packing it took. */
export interface Packed {
  bytes: number
  ms: number
}

/** The compression CI would use here: zstd when the machine has it, else gzip. */
export async function compressionHere(): Promise<'zstd' | 'gzip'> {
  return (await which('zstd')) ? 'zstd' : 'gzip'
}

/**
 * `tar`'s arguments to write a folder's contents to standard output.
 *
 * @param dir The folder.
 * @param packing Plain or compressed.
 */
export function tarArgs(dir: string, packing: Packing): string[] {
  const compress = { tar: [], zstd: ['--zstd'], gzip: ['--gzip'] }[packing]
  // As `scripts/shard-cache.sh pack` does: tmp/ holds a run's temporary files, not cache entries.
  return ['-c', ...compress, '-f', '-', '-C', dir, '--exclude=./tmp', '.']
}

/**
 * Packs a folder as a runner would upload it, counting the bytes as they stream (nothing is
 * written to disk), and timing it.
 *
 * @param dir The folder, e.g. one shard's cache.
 * @param packing Plain tar, or tar through zstd or gzip.
 */
export function packedSize(dir: string, packing: Packing): Promise<Packed> {
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn('tar', tarArgs(dir, packing), { stdio: ['ignore', 'pipe', 'pipe'] })
    let bytes = 0
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve({ bytes, ms: performance.now() - start })
      else reject(new Error(`tar ${tarArgs(dir, packing).join(' ')} failed with exit code ${code}: ${stderr}`))
    })
  })
}

/**
 * Merges cache folders into one by plain file copying, in order (`cp -a shard/. into/`): a file
 * two shards wrote under the same name is valid whichever copy wins, so the later one does.
 *
 * @param shards The shards' cache folders; a missing one is skipped (the final build is only slower).
 * @param into The merged folder; made if missing.
 * @returns How long the copying took, in ms.
 */
export async function mergeCaches(shards: readonly string[], into: string): Promise<number> {
  const start = performance.now()
  await mkdir(into, { recursive: true })
  for (const dir of shards) {
    await promisify(execFile)('cp', ['-a', `${dir}/.`, `${into}/`]).catch((error: unknown) => {
      if (!/No such file/.test(String(error))) throw error
    })
  }
  return performance.now() - start
}
