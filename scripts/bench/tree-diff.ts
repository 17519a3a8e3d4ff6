import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { mapLimit } from '../../src/shared/files.ts'
import type { TreeSnapshot } from './tree-snapshot.ts'

/** Which files a build added, removed or rewrote with other bytes. */
export interface TreeChanges {
  added: string[]
  removed: string[]
  changed: string[]
}

/**
 * Compares two versions of a folder. A file with the same inode is unchanged unless its size or
 * time moved (a hard link kept from a cache); a new file of another size changed; for a new file
 * of the same size (the same bytes written again?) the bytes decide.
 *
 * @param before The earlier snapshot.
 * @param after The later snapshot.
 * @param dirs Where the earlier files can still be read (see `linkTreeCopy`) and the later folder.
 */
export async function diffTrees(before: TreeSnapshot, after: TreeSnapshot, dirs: { before: string; after: string }): Promise<TreeChanges> {
  const added = [...after.keys()].filter((path) => !before.has(path))
  const removed = [...before.keys()].filter((path) => !after.has(path))
  const candidates: string[] = []
  const changed: string[] = []
  for (const [path, stamp] of after) {
    const old = before.get(path)
    if (!old) continue
    if (old.ino === stamp.ino) {
      // The same file: a hard link kept from a cache, or one rewritten in place.
      if (old.size !== stamp.size || old.mtimeMs !== stamp.mtimeMs) changed.push(path)
    } else if (old.size !== stamp.size) changed.push(path)
    else candidates.push(path)
  }
  const differs = await mapLimit(candidates, 32, async (path) => {
    const [a, b] = await Promise.all([readFile(join(dirs.before, path)), readFile(join(dirs.after, path))])
    return !a.equals(b)
  })
  // A loop, not push(...list): a template change rewrites 100,000s of files, more arguments than a call takes.
  for (const [index, path] of candidates.entries()) if (differs[index]) changed.push(path)
  return { added, removed, changed: changed.sort() }
}

/**
 * How many files changed in all.
 *
 * @param changes From {@link diffTrees}.
 */
export function changeCount(changes: TreeChanges): number {
  return changes.added.length + changes.removed.length + changes.changed.length
}
