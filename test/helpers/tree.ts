import { createHash } from 'node:crypto'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Hashes every file of a folder: path → sha256, sorted by path, for byte-for-byte comparisons.
 *
 * @param dir The folder.
 */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const entries: Array<[string, string]> = []
  for (const file of (await readdir(dir, { recursive: true })).sort()) {
    const path = join(dir, file)
    if ((await stat(path)).isFile())
      entries.push([
        file.split('\\').join('/'),
        createHash('sha256')
          .update(await readFile(path))
          .digest('hex'),
      ])
  }
  return Object.fromEntries(entries)
}
