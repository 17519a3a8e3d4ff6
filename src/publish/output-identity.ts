import { lstat, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { digest } from '../cache/index.ts'
import { mapLimit } from '../shared/files.ts'

/**
 * The identity of an output folder as a build left it, as one SHA-256: the inode and modification
 * time of the folder, of each unit folder (as `carriableUnits` checks them before carrying one
 * over, without looking inside), and of every other folder and file, with each file's size. A file
 * or folder added, removed, replaced or written to since changes it. Folders the hourly commands
 * refresh (most read, weather) are left out: a build keeps them as they are anyway.
 *
 * At 100,000 articles this stats the 536 unit folders and about 2,600 other entries.
 *
 * @param outDir The output folder.
 * @param units The unit folders (`2019/05`, `dia-phuong/x/trang`), relative to it.
 * @param skip Top-level folders left out.
 * @returns `undefined` when there is no output folder.
 */
export async function outputIdentity(outDir: string, units: Iterable<string>, skip: readonly string[] = []): Promise<string | undefined> {
  const top = await lstat(outDir).catch(() => undefined)
  if (!top?.isDirectory()) return undefined
  const unitPaths = new Set(units)
  const lines: string[] = [`/\0${top.ino}\0${top.mtimeMs}`]
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(join(outDir, relative), { withFileTypes: true })
    const stats = await mapLimit(entries, 32, async (entry) => {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`
      if (relative === '' && skip.includes(entry.name)) return undefined
      const info = await lstat(join(outDir, path)).catch(() => undefined)
      lines.push(info === undefined ? `${path}\0gone` : `${path}\0${info.isDirectory() ? 'd' : info.size}\0${info.ino}\0${info.mtimeMs}`)
      return info?.isDirectory() && !unitPaths.has(path) ? path : undefined
    })
    for (const folder of stats) if (folder !== undefined) await walk(folder)
  }
  await walk('')
  return digest(...lines.sort())
}
