import { readFile, rm } from 'node:fs/promises'
import { deserialize, serialize } from 'node:v8'
import { writeAtomic } from '../cache/index.ts'
import { compare } from '../shared/compare.ts'

/**
 * Stamps of hashed files, in path order: a file whose size and modification time are unchanged is
 * not read again. Not the inode: on CI the cache is restored by tar, which keeps modification times
 * but not inodes, and pages are hard links to those cache files.
 *
 * Kept as columns, not as an object by path: at 100,000 articles the 242,000 stamps took 1.4 s a
 * build to parse, copy and write again as JSON (29 MB), against tens of milliseconds as four typed
 * arrays (the paths as one UTF-8 text; V8's serializer copies typed arrays whole).
 */
export interface StampTable {
  /** URL paths (`/2019/05/slug/index.html`), ascending in code-point order. */
  paths: readonly string[]
  sizes: Float64Array
  times: Float64Array
  /** MD5 of each file, 16 bytes a file. */
  hashes: Uint8Array
}

/** One file's stamp. */
export interface Stamp {
  size: number
  mtimeMs: number
  /** Hex. */
  hash: string
}

const version = 1
const hashBytes = 16

/** A table with no stamps. */
export const noStamps: StampTable = { paths: [], sizes: new Float64Array(0), times: new Float64Array(0), hashes: new Uint8Array(0) }

/**
 * Reads a stamp table; a missing, unreadable or inconsistent one (paths out of order, columns of
 * other lengths) is empty, so every file is hashed again.
 *
 * @param file The stamp file.
 */
export async function readStamps(file: string): Promise<StampTable> {
  const bytes = await readFile(file).catch(() => undefined)
  if (bytes === undefined) return noStamps
  try {
    const stored = deserialize(bytes) as { version?: unknown; paths?: unknown; sizes?: unknown; times?: unknown; hashes?: unknown }
    const { paths: names, sizes, times, hashes } = stored
    if (
      stored.version !== version ||
      !(names instanceof Uint8Array) ||
      !(sizes instanceof Float64Array) ||
      !(times instanceof Float64Array) ||
      !(hashes instanceof Uint8Array)
    )
      return noStamps
    const text = Buffer.from(names.buffer, names.byteOffset, names.byteLength).toString('utf8')
    const paths = text === '' ? [] : text.split('\0')
    const consistent = sizes.length === paths.length && times.length === paths.length && hashes.length === paths.length * hashBytes && isSorted(paths)
    return consistent ? { paths, sizes, times, hashes } : noStamps
  } catch {
    return noStamps
  }
}

/**
 * A file's stamp, found by binary search.
 *
 * @param table The stamps.
 * @param path The file's URL path.
 */
export function stampOf(table: StampTable, path: string): Stamp | undefined {
  const index = lowerBound(table.paths, path)
  if (table.paths[index] !== path) return undefined
  return {
    size: table.sizes[index] as number,
    mtimeMs: table.times[index] as number,
    hash: Buffer.from(table.hashes.buffer, table.hashes.byteOffset + index * hashBytes, hashBytes).toString('hex'),
  }
}

/**
 * Writes a stamp table: the stamps of the files under `kept` folders from `old` (a folder carried
 * over holds the very same files), then those of `fresh`, which win over a kept one of the same path.
 *
 * @param file The stamp file (`….stamps.v8`), written atomically. The JSON stamps of earlier
 *   releases beside it (`….stamps.json`) are deleted: a restored CI cache would carry them for good.
 * @param old The stamps read when the build started.
 * @param kept Output folders (`2019/05`, `pagefind/3`) whose stamps stay.
 * @param fresh Stamps of the files written now, by path.
 */
export async function writeStamps(file: string, old: StampTable, kept: readonly string[], fresh: ReadonlyMap<string, Stamp>): Promise<void> {
  const keptRows = rowsUnder(old.paths, kept)
  const freshPaths = [...fresh.keys()].sort(compare)
  const count = keptRows.length + freshPaths.length
  const paths: string[] = []
  const sizes = new Float64Array(count)
  const times = new Float64Array(count)
  const hashes = new Uint8Array(count * hashBytes)
  const push = (path: string, size: number, time: number, hash: Uint8Array): void => {
    hashes.set(hash, paths.length * hashBytes)
    sizes[paths.length] = size
    times[paths.length] = time
    paths.push(path)
  }
  const pushKept = (row: number): void =>
    push(old.paths[row] as string, old.sizes[row] as number, old.times[row] as number, old.hashes.subarray(row * hashBytes, (row + 1) * hashBytes))
  const pushFresh = (path: string): void => {
    const stamp = fresh.get(path) as Stamp
    push(path, stamp.size, stamp.mtimeMs, Buffer.from(stamp.hash, 'hex').subarray(0, hashBytes))
  }
  // Both lists are in path order: merged in one pass, a fresh stamp replacing a kept one.
  let i = 0
  let j = 0
  while (i < keptRows.length || j < freshPaths.length) {
    const keptPath = i < keptRows.length ? (old.paths[keptRows[i] as number] as string) : undefined
    const freshPath = freshPaths[j]
    if (freshPath === undefined || (keptPath !== undefined && keptPath < freshPath)) pushKept(keptRows[i++] as number)
    else {
      if (keptPath === freshPath) i++
      pushFresh(freshPath)
      j++
    }
  }
  const table = {
    version,
    // As UTF-8: V8 stores a string two bytes a character once any part of it came as two-byte text.
    paths: new Uint8Array(Buffer.from(paths.join('\0'), 'utf8')),
    // Copies of the rows written (a path both kept and fresh is one row).
    sizes: sizes.slice(0, paths.length),
    times: times.slice(0, paths.length),
    hashes: hashes.slice(0, paths.length * hashBytes),
  }
  await writeAtomic(file, serialize(table))
  if (file.endsWith('.v8')) await rm(`${file.slice(0, -'.v8'.length)}.json`, { force: true })
}

/**
 * The rows of a path column (ascending, as a stamp table's or a manifest's) under these folders
 * (`2019/05`), in path order: each folder's rows are one run of the sorted paths, found by binary
 * search (not every path tested against every folder).
 */
export function rowsUnder(paths: readonly string[], folders: readonly string[]): number[] {
  const prefixes = folders.map((folder) => `/${folder}/`).sort(compare)
  const rows: number[] = []
  let last: string | undefined
  for (const prefix of prefixes) {
    // A folder inside one already kept (`pagefind/3` after `pagefind`) adds nothing.
    if (last !== undefined && prefix.startsWith(last)) continue
    last = prefix
    for (let row = lowerBound(paths, prefix); row < paths.length && (paths[row] as string).startsWith(prefix); row++) rows.push(row)
  }
  return rows
}

/** The first index whose path is not less than `path`. */
function lowerBound(paths: readonly string[], path: string): number {
  let low = 0
  let high = paths.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((paths[middle] as string) < path) low = middle + 1
    else high = middle
  }
  return low
}

/** Whether strings are in ascending code-point order, each once (a stamp table's paths, a manifest's). */
export function isSorted(list: readonly string[]): boolean {
  for (let index = 1; index < list.length; index++) if ((list[index - 1] as string) >= (list[index] as string)) return false
  return true
}
