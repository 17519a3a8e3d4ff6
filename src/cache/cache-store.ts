import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { mapLimit } from '../shared/files.ts'
import { isStaleTemporary, isTemporary, writeAtomic } from './atomic-write.ts'

/** One cache folder as a build uses it: entries it reads or writes are marked used, the rest pruned. */
export interface CacheFolder {
  dir: string
  /** The path of an entry (`name` may hold `/`), marked used. */
  entry(name: string): string
  /** An entry's bytes, or `undefined` when absent; marked used either way. */
  read(name: string): Promise<Buffer | undefined>
  /** Writes an entry atomically and marks it used. */
  write(name: string, data: string | Uint8Array): Promise<void>
  /** Removes every entry not marked used, and stale temporary files; see {@link pruneCacheFolder}. */
  prune(): Promise<number>
}

/**
 * Opens a cache folder for one build.
 *
 * @param dir The folder (created on the first write).
 */
export function openCacheFolder(dir: string): CacheFolder {
  const used = new Set<string>()
  const entry = (name: string): string => {
    used.add(name)
    return join(dir, name)
  }
  return {
    dir,
    entry,
    read: (name) => readFile(entry(name)).catch(() => undefined),
    write: (name, data) => writeAtomic(entry(name), data),
    prune: () => pruneCacheFolder(dir, used),
  }
}

/**
 * Removes from a cache folder everything this build did not use: entries (files or folders) not
 * named in `used`, and temporary files that killed runs left. Called once the stage that uses the
 * folder has succeeded, so a failed build never empties a cache the next one needs.
 *
 * @param dir The folder.
 * @param used Names of the entries to keep, relative to `dir` with `/`.
 * @returns How many files and folders were removed.
 */
export async function pruneCacheFolder(dir: string, used: Iterable<string>): Promise<number> {
  const keep = new Set(used)
  // Folders on the way to a kept entry are walked into, not removed.
  const ancestors = new Set<string>()
  for (const name of keep) {
    for (let cut = name.indexOf('/'); cut !== -1; cut = name.indexOf('/', cut + 1)) ancestors.add(name.slice(0, cut))
  }
  return pruneLevel(dir, '', keep, ancestors)
}

async function pruneLevel(dir: string, prefix: string, keep: ReadonlySet<string>, ancestors: ReadonlySet<string>): Promise<number> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true }).catch(() => [])
  const removed = await mapLimit(entries, 64, async (entry): Promise<number> => {
    const name = prefix === '' ? entry.name : `${prefix}/${entry.name}`
    if (keep.has(name)) return 0
    // Another build still writing into this folder keeps its temporary files.
    if (isTemporary(entry.name) && !isStaleTemporary(entry.name)) return 0
    if (entry.isDirectory() && ancestors.has(name)) return pruneLevel(dir, name, keep, ancestors)
    await rm(join(dir, name), { recursive: true, force: true })
    return 1
  })
  return removed.reduce((sum, count) => sum + count, 0)
}

/**
 * Removes from a cache root whatever is not a per-content-folder entry: files and folders of the
 * layout before caches were kept per content folder (`markdown/ab/…`, `images/<name>`), which no
 * build reads any more and a restored CI cache would otherwise carry for good.
 *
 * @param root A cache root holding one folder per content folder (e.g. `.cache/markdown`).
 * @returns How many entries were removed.
 */
export async function removeOldLayout(root: string): Promise<number> {
  const entries = await readdir(root).catch(() => [] as string[])
  const old = entries.filter((name) => !/^[0-9a-f]{12}$/.test(name) && !isTemporary(name))
  await Promise.all(old.map((name) => rm(join(root, name), { recursive: true, force: true })))
  return old.length
}
