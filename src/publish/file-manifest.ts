import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { digest, writeAtomic } from '../cache/index.ts'
import { mapLimit } from '../shared/files.ts'
import { isSorted, readStamps, stampOf, writeStamps, type Stamp } from './file-stamps.ts'

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
  /**
   * The key each page file and output folder (`/pagefind/3/`, with its slash) was made from. A
   * deploy records them in the bucket, so that the next build given the bucket's manifest writes
   * only what it lacks (see `toasoan build --deployed`).
   */
  keys?: Record<string, string>
  /**
   * Set when the output holds only the files the target named here lacked: the other files of
   * `files` are in that target, and the output deploys nowhere else.
   */
  partial?: { target: string }
}

/**
 * Every file under a folder, folders read 32 at a time (Node's recursive `readdir` reads one at a
 * time: 2.3 s for the 38,000 entries of a 10,000-article output, against 0.2 s here).
 *
 * @param dir The folder.
 */
async function listFiles(dir: string): Promise<string[]> {
  const files: string[] = []
  let folders = [dir]
  while (folders.length > 0) {
    const listed = await mapLimit(folders, 32, (folder) => readdir(folder, { withFileTypes: true }))
    const next: string[] = []
    listed.forEach((entries, index) => {
      for (const entry of entries) (entry.isDirectory() ? next : entry.isFile() ? files : []).push(join(folders[index] as string, entry.name))
    })
    folders = next
  }
  return files
}

/**
 * Lists an output folder with each file's hash. Pages are hard links to cached files and unchanged
 * folders are moved from the last output, so most files keep their modification time: only files
 * whose stamp is new are read.
 *
 * @param dir The output (or staging) folder.
 * @param stampFile The stamp cache: written atomically, holds this run's files and those of the
 *   folders it carries over.
 * @param carried Folders about to be carried into `dir` from the last output (`2019/05`): their
 *   stamps are kept, the files are the same.
 */
export async function computeFileManifest(
  dir: string,
  stampFile: string,
  carried: readonly string[] = []
): Promise<{ manifest: FileManifest; hashed: number }> {
  const [old, paths] = await Promise.all([readStamps(stampFile), listFiles(dir)])
  const stamps = new Map<string, Stamp>()
  let hashed = 0
  // Synchronous calls, in runs of 2,000 files with a turn of the event loop between (a signal is
  // handled there): for small files they cost a third of the promise-based ones (15 s against 50 s
  // to hash the 235,000 files of a 100,000-article output from scratch).
  const rows: Array<readonly [string, ManifestEntry]> = []
  for (let start = 0; start < paths.length; start += 2000) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve))
    for (const path of paths.slice(start, start + 2000)) {
      const info = statSync(path)
      const url = `/${relative(dir, path).split(sep).join('/')}`
      if (url === `/${manifestName}`) continue
      const known = stampOf(old, url)
      const unchanged = known !== undefined && known.size === info.size && known.mtimeMs === info.mtimeMs
      if (!unchanged) hashed++
      const hash = unchanged ? known.hash : createHash('md5').update(readFileSync(path)).digest('hex')
      stamps.set(url, { size: info.size, mtimeMs: info.mtimeMs, hash })
      rows.push([url, { hash, size: info.size }])
    }
  }
  const files: Record<string, ManifestEntry> = {}
  for (const row of rows.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) files[row[0]] = row[1]
  await writeStamps(stampFile, old, carried, stamps)
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
 * The manifest of an output made of freshly written files and folders carried over from the last
 * output: the fresh files as listed before the carry, the carried folders' entries from the last
 * output's manifest (they are the very same files, moved). A fresh file inside a carried folder (a
 * month's landing page) wins.
 *
 * @param fresh The staging folder's manifest before the carried folders were moved in.
 * @param previous The last output's manifest; without it there is nothing to take from.
 * @param carried The carried folders (`2019/05`, `pagefind/3`).
 * @returns `undefined` when `previous` is missing.
 */
export function mergeCarried(fresh: FileManifest, previous: FileManifest | undefined, carried: readonly string[]): FileManifest | undefined {
  if (carried.length === 0) return fresh
  if (previous === undefined) return undefined
  const isCarried = underFolders(carried)
  const kept = Object.keys(previous.files).filter(isCarried)
  const written = Object.keys(fresh.files)
  // Both lists are in path order (manifests are written sorted): merged in one pass. Sorting the
  // 242,000 paths of a 100,000-article output again made the merge take 0.5-0.8 s, against
  // 0.3-0.45 s. A manifest out of order (written by hand) is sorted.
  const paths = isSorted(kept) && isSorted(written) ? mergeSorted(kept, written) : [...new Set([...kept, ...written])].sort()
  const files: Record<string, ManifestEntry> = {}
  for (const path of paths) files[path] = (fresh.files[path] ?? previous.files[path]) as ManifestEntry
  return { version: 1, files }
}

/** Two ascending lists of strings as one, each string once. */
function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const merged: string[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const left = a[i] as string
    const right = b[j] as string
    if (left < right) {
      merged.push(left)
      i++
    } else {
      if (left === right) i++
      merged.push(right)
      j++
    }
  }
  for (; i < a.length; i++) merged.push(a[i] as string)
  for (; j < b.length; j++) merged.push(b[j] as string)
  return merged
}

/**
 * Writes the manifest of a finished staging folder: from {@link mergeCarried} when it can, else by
 * listing (and, where stamps miss, hashing) every file.
 *
 * @param dir The staging folder, complete.
 * @param stampFile The stamp cache (see {@link computeFileManifest}).
 * @param merged The manifest from {@link mergeCarried}, if any.
 * @param keys Each page's and output folder's key (see {@link FileManifest.keys}).
 * @returns How many files, how many were read, and a digest of the whole output.
 */
export async function writeOutputManifest(
  dir: string,
  stampFile: string,
  merged?: FileManifest,
  keys?: Record<string, string>
): Promise<{ files: number; hashed: number; digest: string }> {
  const computed = merged === undefined ? await computeFileManifest(dir, stampFile) : { manifest: merged, hashed: 0 }
  const manifest: FileManifest = keys === undefined ? computed.manifest : { ...computed.manifest, keys }
  const hashed = computed.hashed
  // Serialised once, for the file and its digest (25 MB at 100,000 articles).
  const text = JSON.stringify(manifest)
  await writeAtomic(join(dir, manifestName), text)
  return { files: Object.keys(manifest.files).length, hashed, digest: digest(text) }
}

/** Whether a URL path lies under one of the output folders (`2019/05`, `pagefind/3`). */
function underFolders(folders: readonly string[]): (path: string) => boolean {
  // Each of the path's few ancestors looked up in a set: a list of prefixes tried one by one cost
  // 235,000 paths × 1,300 carried folders at 100,000 articles.
  const set = new Set(folders)
  return (path) => {
    for (let end = path.indexOf('/', 1); end !== -1; end = path.indexOf('/', end + 1)) if (set.has(path.slice(1, end))) return true
    return false
  }
}
