import { readFileSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeAtomic } from './atomic-write.ts'
import { digest } from './digest.ts'
import { moduleGraph } from './module-graph.ts'
import { packageVersions } from './package-versions.ts'

/** The code behind a cache: entry modules, and files read at run time that no import names. */
export interface CodeSpec {
  /** Entry modules, relative to the repository root. */
  entries: readonly string[]
  /** Other files the code reads or bundles (a stylesheet), relative to the root. @default [] */
  files?: readonly string[]
}

/** Everything a {@link CodeSpec} runs, found but not yet hashed. */
export interface CodeGraph {
  root: string
  /** Our module files and the spec's extra files, relative to the root, sorted. */
  modules: string[]
  /** One line per package in the graph and its dependencies: location, version, integrity. */
  packages: string[]
}

/** The repository this code runs from. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Finds the code of a spec: its entries' module graph (esbuild), its extra files, and the exact
 * versions of the packages the graph imports together with their dependencies.
 *
 * @param spec Entry modules and extra files.
 * @param root The repository root. @default repoRoot
 */
export async function readCodeGraph(spec: CodeSpec, root: string = repoRoot): Promise<CodeGraph> {
  const graph = await moduleGraph(root, spec.entries)
  const modules = [...new Set([...graph.modules, ...(spec.files ?? [])])].sort()
  return { root, modules, packages: packageVersions(root, graph.packages) }
}

/**
 * Hashes a code graph: each module's path and bytes, then the package lines. The modules are read
 * synchronously: a graph is at most a few hundred small files, and an asynchronous read spent four
 * times the reading's CPU in promise and thread-pool hops (0.19 ms a file against 0.04 ms).
 *
 * @param graph From {@link readCodeGraph}.
 */
export async function hashCodeGraph(graph: CodeGraph): Promise<string> {
  const parts: Array<string | Uint8Array> = []
  for (const path of graph.modules) parts.push(path, readFileSync(join(graph.root, path)))
  return digest(...parts, ...graph.packages)
}

const memo = new Map<string, Promise<Stored>>()

/**
 * The fingerprint of the code behind a cache, computed once per process and spec, and kept on disk
 * with the stamps of the files it was made from (see {@link storedFingerprint}): the code does not
 * change while a build runs, and finding and hashing a graph takes tens of milliseconds per cache.
 *
 * @param spec Entry modules and extra files.
 * @param root The repository root. @default repoRoot
 */
export async function codeFingerprint(spec: CodeSpec, root: string = repoRoot): Promise<string> {
  return (await memoised(spec, root)).fingerprint
}

/**
 * The first file behind a spec's fingerprint (a module, an extra file, package.json, tsconfig.json
 * or a lockfile) modified between `since` and now: the process may run other code than the one its
 * fingerprint describes. A modification time later than now is a skewed clock, not an edit.
 *
 * @param spec Entry modules and extra files.
 * @param since Epoch ms, e.g. when the process started.
 * @param root The repository root. @default repoRoot
 */
export async function editedSince(spec: CodeSpec, since: number, root: string = repoRoot): Promise<string | undefined> {
  const now = Date.now()
  const { stamps } = await memoised(spec, root)
  return stamps.find(([path, , mtimeMs]) => !path.endsWith('/') && mtimeMs >= since && mtimeMs <= now)?.[0]
}

function memoised(spec: CodeSpec, root: string): Promise<Stored> {
  const key = JSON.stringify([root, spec.entries, spec.files ?? []])
  let stored = memo.get(key)
  if (stored === undefined) {
    stored = storedFingerprint(spec, root)
    // A failure (a syntax error mid-edit under `serve`) must not stick for the whole process.
    stored.catch(() => memo.delete(key))
    memo.set(key, stored)
  }
  return stored
}

/** A file's size, modification time and inode; size -1 for a file that does not exist. */
type Stamp = [path: string, size: number, mtimeMs: number, ino: number]

/** A fingerprint as kept on disk, with the stamps of everything that shaped it. */
export interface Stored {
  fingerprint: string
  /** When the graph was read (epoch ms): a stamp this recent may hide a change (see {@link storedFingerprint}). */
  readAt: number
  stamps: Stamp[]
}

/** How close to the graph's reading a file's modification time makes its stamp untrustworthy. */
const racyMs = 2000

/**
 * A spec's fingerprint from `.cache/code/` while the stamps of everything that shaped it hold, as
 * git's index trusts a file whose size, modification time and inode are unchanged: each module
 * and extra file, the folders holding them (a new file there can change what an import resolves
 * to), and the files that fix the packages and the compiling (package.json, tsconfig.json and the
 * lockfiles). A stamp made within {@link racyMs} of the reading is never trusted (git's "racily
 * clean" files): a change in that window could leave the same stamp. Otherwise the graph is read
 * and hashed again, and the entry replaced; a read-only install just does not keep it.
 */
export async function storedFingerprint(spec: CodeSpec, root: string): Promise<Stored> {
  const file = join(root, '.cache', 'code', `${digest(JSON.stringify([spec.entries, spec.files ?? []])).slice(0, 24)}.json`)
  const stored = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as Stored,
    () => undefined
  )
  if (stored !== undefined && holds(stored, root)) return stored
  const readAt = Date.now()
  const graph = await readCodeGraph(spec, root)
  // Folders end with `/`: a file added there is no edit of the code that runs (see `editedSince`).
  const folders = new Set(graph.modules.map((path) => `${dirname(path)}/`))
  const paths = [...graph.modules, ...folders, 'package.json', 'tsconfig.json', 'package-lock.json', 'node_modules/.package-lock.json']
  const stamps = [...new Set(paths)].sort().map((path) => stampOf(root, path))
  const fresh: Stored = { fingerprint: await hashCodeGraph(graph), readAt, stamps }
  await writeAtomic(file, JSON.stringify(fresh)).catch(() => {})
  return fresh
}

/** Whether every stamp of a kept fingerprint is old enough to trust and still the file's. */
function holds(stored: Stored, root: string): boolean {
  return stored.stamps.every((stamp) => stamp[2] < stored.readAt - racyMs && sameStamp(stamp, stampOf(root, stamp[0])))
}

function stampOf(root: string, path: string): Stamp {
  const info = statSync(join(root, path), { throwIfNoEntry: false })
  return info === undefined ? [path, -1, 0, 0] : [path, info.size, info.mtimeMs, info.ino]
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  return a[1] === b[1] && a[2] === b[2] && a[3] === b[3]
}
