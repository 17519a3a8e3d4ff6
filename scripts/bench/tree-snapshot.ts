import { link, mkdir, readdir, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { mapLimit } from '../../src/shared/files.ts'

/** What identifies one version of a file without reading it. */
export interface FileStamp {
  ino: number
  size: number
  mtimeMs: number
}

/** Every file of a folder by its path relative to the folder (`/`-separated). */
export type TreeSnapshot = Map<string, FileStamp>

async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(dir.length + 1)
        .split('\\')
        .join('/')
    )
}

/**
 * Stats every file of a folder; a missing folder is an empty snapshot.
 *
 * @param dir The folder, e.g. `dist`.
 */
export async function snapshotTree(dir: string): Promise<TreeSnapshot> {
  const paths = (await filesOf(dir)).sort()
  const stamps = await mapLimit(paths, 64, async (path) => {
    const info = await stat(join(dir, path))
    return [path, { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs }] as const
  })
  return new Map(stamps)
}

/**
 * Counts the files of a snapshot and adds up their sizes.
 *
 * @param snapshot From {@link snapshotTree}.
 */
export function treeTotals(snapshot: TreeSnapshot): { files: number; bytes: number } {
  let bytes = 0
  for (const stamp of snapshot.values()) bytes += stamp.size
  return { files: snapshot.size, bytes }
}

/**
 * Copies a folder as hard links (no bytes copied; same file system only), so its files can still
 * be read after the original folder is replaced.
 *
 * @param from The folder.
 * @param to Where the copy goes; must not exist.
 */
export async function linkTreeCopy(from: string, to: string): Promise<void> {
  const paths = await filesOf(from)
  const dirs = [...new Set(paths.map((path) => dirname(join(to, path))))]
  await mapLimit(dirs, 16, (dir) => mkdir(dir, { recursive: true }))
  await mapLimit(paths, 64, (path) => link(join(from, path), join(to, path)))
}
