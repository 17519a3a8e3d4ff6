import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { digest, writeAtomic } from '../cache/index.ts'
import { mapLimit } from '../files.ts'

/** Where a build's output holds its own file manifest (never uploaded as a page). */
export const manifestName = '.toasoan-manifest.json'

/** One published file: MD5 of its bytes (hex, S3's ETag for a single-part upload) and its size. */
export interface ManifestEntry {
  hash: string
  size: number
}

/** Every file of an output folder, by URL path (`/2019/10/slug/index.html`). */
export interface FileManifest {
  version: 1
  files: Record<string, ManifestEntry>
}

/** Stamps of hashed files: a file whose size, modification time and inode are unchanged is not read again. */
type Stamps = Record<string, [size: number, mtimeMs: number, ino: number, hash: string]>

const md5File = (path: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const hash = createHash('md5')
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')))
  })

/**
 * Lists an output folder with each file's hash. Pages are hard links to cached files and unchanged
 * folders are moved from the last output, so most files keep their inode and modification time:
 * only files whose stamp is new are read (a build that adds one article hashes a few dozen files).
 *
 * @param dir The output (or staging) folder.
 * @param stampFile The stamp cache: written atomically, holds only this run's files.
 */
export async function computeFileManifest(dir: string, stampFile: string): Promise<{ manifest: FileManifest; hashed: number }> {
  const old = await readFile(stampFile, 'utf8').then((text) => JSON.parse(text) as Stamps, () => ({}) as Stamps)
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const paths = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
  const stamps: Stamps = {}
  let hashed = 0
  const rows = await mapLimit(paths, 64, async (path) => {
    const info = await stat(path)
    const url = `/${relative(dir, path).split(sep).join('/')}`
    if (url === `/${manifestName}`) return undefined
    const known = old[`${info.ino}`]
    const hash = known && known[0] === info.size && known[1] === info.mtimeMs ? known[3] : (hashed++, await md5File(path))
    // Keyed by inode: a page moved from the staging folder into place keeps its stamp.
    stamps[`${info.ino}`] = [info.size, info.mtimeMs, info.ino, hash]
    return [url, { hash, size: info.size }] as const
  })
  const files: Record<string, ManifestEntry> = {}
  for (const row of rows.flatMap((row) => (row ? [row] : [])).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) files[row[0]] = row[1]
  await writeAtomic(stampFile, JSON.stringify(stamps))
  return { manifest: { version: 1, files }, hashed }
}

/**
 * Reads an output folder's manifest, or `undefined` when it has none (an output from an older
 * build: compute it with {@link computeFileManifest}).
 *
 * @param dir The output folder.
 */
export async function readFileManifest(dir: string): Promise<FileManifest | undefined> {
  const text = await readFile(join(dir, manifestName), 'utf8').catch(() => undefined)
  if (text === undefined) return undefined
  const manifest = JSON.parse(text) as FileManifest
  return manifest.version === 1 ? manifest : undefined
}

/**
 * Writes the manifest into the output folder.
 *
 * @param dir The output (or staging) folder.
 * @param manifest From {@link computeFileManifest}.
 */
export async function writeFileManifest(dir: string, manifest: FileManifest): Promise<void> {
  await writeAtomic(join(dir, manifestName), JSON.stringify(manifest))
}

/**
 * Computes and writes an output folder's manifest: the last step of publishing.
 *
 * @param dir The staging folder, complete.
 * @param stampFile The stamp cache (see {@link computeFileManifest}).
 * @returns How many files, how many were read, and a digest of the whole output.
 */
export async function writeOutputManifest(dir: string, stampFile: string): Promise<{ files: number; hashed: number; digest: string }> {
  const { manifest, hashed } = await computeFileManifest(dir, stampFile)
  await writeFileManifest(dir, manifest)
  return { files: Object.keys(manifest.files).length, hashed, digest: digest(JSON.stringify(manifest)) }
}
