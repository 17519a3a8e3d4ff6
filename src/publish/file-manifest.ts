import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { digest, writeAtomic } from '../cache/index.ts'
import { mapLimit } from '../shared/files.ts'
import { compare } from '../shared/compare.ts'
import { isSorted, readStamps, rowsUnder, stampOf, writeStamps, type Stamp } from './file-stamps.ts'

/** Where a build's output holds its own file manifest (never uploaded as a page), as a {@link ManifestTable}. */
export const manifestName = '.toasoan-manifest.json'

/** One published file: MD5 of its bytes (hex, S3's ETag for a single-part upload) and its size. */
export interface ManifestEntry {
  hash: string
  size: number
}

/** Every file of an output folder, by URL path (`/2019/10/slug/index.html`): the manifest as the deploy reads it. */
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
 * A manifest as an output holds it: one row per file, in path order, kept as columns. At 100,000
 * articles an object per file (242,000 of them, 41 MB of JSON with the pages' keys) took a build
 * about 1.5 s to parse, merge with the carried folders and write again; as columns the file is a
 * few long strings, parsed, merged and written in a fraction of that.
 */
export interface ManifestTable {
  /** URL paths (`/2019/05/slug/index.html`), ascending in code-point order. */
  paths: string[]
  sizes: number[]
  /** MD5 of each file (hex), row by row. */
  md5: string[]
  keys?: KeyColumns
  partial?: { target: string }
}

/** {@link FileManifest.keys} as two columns, in path order. */
export interface KeyColumns {
  paths: string[]
  values: string[]
}

/**
 * The manifest's text: JSON, `version` 2, each column a string of lines (a path with a line break
 * in it, which only a newsroom configuration could make, turns its column into an array instead).
 */
export function manifestText(table: ManifestTable): string {
  const column = (list: readonly string[]): string | readonly string[] => (list.some((text) => text.includes('\n')) ? list : list.join('\n'))
  return JSON.stringify({
    version: 2,
    paths: column(table.paths),
    sizes: table.sizes,
    md5: column(table.md5),
    ...(table.keys === undefined ? {} : { keys: { paths: column(table.keys.paths), values: column(table.keys.values) } }),
    ...(table.partial === undefined ? {} : { partial: table.partial }),
  })
}

/**
 * A manifest's text as a table; `undefined` when it is not a manifest. The object form of earlier
 * releases (`version` 1) is read as well, and a table out of path order (edited by hand) is sorted.
 *
 * @param text The text of `.toasoan-manifest.json`.
 */
export function parseManifest(text: string): ManifestTable | undefined {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return undefined
  }
  if (!isObject(data)) return undefined
  if (data['version'] === 1 && isObject(data['files'])) return tableOf(data as unknown as FileManifest)
  if (data['version'] !== 2) return undefined
  const paths = linesOf(data['paths'])
  const md5 = linesOf(data['md5'])
  const sizes = data['sizes']
  if (paths === undefined || md5 === undefined || !Array.isArray(sizes) || !sizes.every((size) => typeof size === 'number')) return undefined
  if (md5.length !== paths.length || sizes.length !== paths.length) return undefined
  const table: ManifestTable = { paths, sizes, md5 }
  const keys = data['keys']
  if (keys !== undefined) {
    const keyPaths = isObject(keys) ? linesOf(keys['paths']) : undefined
    const values = isObject(keys) ? linesOf(keys['values']) : undefined
    if (keyPaths === undefined || values === undefined || values.length !== keyPaths.length) return undefined
    table.keys = { paths: keyPaths, values }
  }
  const partial = data['partial']
  if (isObject(partial) && typeof partial['target'] === 'string') table.partial = { target: partial['target'] }
  return isSorted(table.paths) ? table : tableOf(recordOf(table))
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** A column as written: a string of lines, or (see {@link manifestText}) an array of strings. */
function linesOf(value: unknown): string[] | undefined {
  if (typeof value === 'string') return value === '' ? [] : value.split('\n')
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined
}

/** A manifest as a table, its rows (and keys) in path order. */
export function tableOf(manifest: FileManifest): ManifestTable {
  const paths = Object.keys(manifest.files)
  if (!isSorted(paths)) paths.sort(compare)
  const entries = paths.map((path) => manifest.files[path] as ManifestEntry)
  const table: ManifestTable = { paths, sizes: entries.map((entry) => entry.size), md5: entries.map((entry) => entry.hash) }
  if (manifest.keys !== undefined) table.keys = keyColumns(manifest.keys)
  if (manifest.partial !== undefined) table.partial = manifest.partial
  return table
}

/** A table as the object the deploy reads. */
export function recordOf(table: ManifestTable): FileManifest {
  const files: Record<string, ManifestEntry> = {}
  table.paths.forEach((path, row) => {
    files[path] = { hash: table.md5[row] as string, size: table.sizes[row] as number }
  })
  const manifest: FileManifest = { version: 1, files }
  if (table.keys !== undefined) {
    const keys: Record<string, string> = {}
    const values = table.keys.values
    table.keys.paths.forEach((path, row) => {
      keys[path] = values[row] as string
    })
    manifest.keys = keys
  }
  if (table.partial !== undefined) manifest.partial = table.partial
  return manifest
}

/** Each page's and output folder's key as two columns, in path order. */
function keyColumns(keys: Record<string, string>): KeyColumns {
  const paths = Object.keys(keys)
  if (!isSorted(paths)) paths.sort(compare)
  return { paths, values: paths.map((path) => keys[path] as string) }
}

/**
 * Reads an output folder's manifest as a table, or `undefined` when it has none (an output from an
 * older build: compute it with {@link computeFileManifest}) or it cannot be read.
 *
 * @param dir The output folder.
 */
export async function readManifestTable(dir: string): Promise<ManifestTable | undefined> {
  const text = await readFile(join(dir, manifestName), 'utf8').catch(() => undefined)
  return text === undefined ? undefined : parseManifest(text)
}

/**
 * Reads an output folder's manifest as the deploy uses it, or `undefined` (see {@link readManifestTable}).
 *
 * @param dir The output folder.
 */
export async function readFileManifest(dir: string): Promise<FileManifest | undefined> {
  const table = await readManifestTable(dir)
  return table === undefined ? undefined : recordOf(table)
}

/**
 * The manifest of an output made of freshly written files and folders carried over from the last
 * output: the fresh files as listed before the carry, the carried folders' rows from the last
 * output's manifest (they are the very same files, moved). A fresh file inside a carried folder (a
 * month's landing page) wins.
 *
 * @param fresh The staging folder's manifest before the carried folders were moved in.
 * @param previous The last output's manifest; without it there is nothing to take from.
 * @param carried The carried folders (`2019/05`, `pagefind/3`).
 * @returns `undefined` when `previous` is missing.
 */
export function mergeCarried(fresh: FileManifest, previous: ManifestTable | undefined, carried: readonly string[]): ManifestTable | undefined {
  if (carried.length === 0) return tableOf(fresh)
  if (previous === undefined) return undefined
  const kept = rowsUnder(previous.paths, carried)
  const written = Object.keys(fresh.files)
  if (!isSorted(written)) written.sort(compare)
  const merged: ManifestTable = { paths: [], sizes: [], md5: [] }
  const push = (path: string, size: number, hash: string): void => {
    merged.paths.push(path)
    merged.sizes.push(size)
    merged.md5.push(hash)
  }
  // Both lists are in path order: merged in one pass, a fresh file replacing a carried one.
  let i = 0
  let j = 0
  while (i < kept.length || j < written.length) {
    const row = kept[i]
    const keptPath = row === undefined ? undefined : (previous.paths[row] as string)
    const freshPath = written[j]
    if (freshPath === undefined || (keptPath !== undefined && keptPath < freshPath)) {
      push(keptPath as string, previous.sizes[row as number] as number, previous.md5[row as number] as string)
      i++
    } else {
      if (keptPath === freshPath) i++
      const entry = fresh.files[freshPath] as ManifestEntry
      push(freshPath, entry.size, entry.hash)
      j++
    }
  }
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
  merged?: ManifestTable,
  keys?: KeyColumns
): Promise<{ files: number; hashed: number; digest: string }> {
  const { table, hashed } =
    merged === undefined
      ? await computeFileManifest(dir, stampFile).then((computed) => ({ table: tableOf(computed.manifest), hashed: computed.hashed }))
      : { table: merged, hashed: 0 }
  // Serialised and encoded once, for the file and its digest (36 MB at 100,000 articles: encoding
  // it took 0.3 s, once for the file and once again for the digest).
  const bytes = Buffer.from(manifestText(keys === undefined ? table : { ...table, keys }))
  await writeAtomic(join(dir, manifestName), bytes)
  return { files: table.paths.length, hashed, digest: digest(bytes) }
}
