import { copyFile, link, mkdir, readdir, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'

/**
 * Maps items with an async task, at most `limit` at a time, keeping the results in order.
 *
 * @param items The items.
 * @param limit Most tasks running at once.
 * @param task The work for one item.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/**
 * Whether a path exists.
 *
 * @param path Any path.
 */
export function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false
  )
}

/**
 * Puts a cached file into the output: a hard link (no bytes copied), or a copy across file systems.
 *
 * @param from The cached file.
 * @param to Its place in the output.
 */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true })
  await link(from, to).catch(() => copyFile(from, to))
}

/**
 * Puts a cached folder into the output, file by file (see {@link linkOrCopy}): each folder is made
 * once, then files are linked 64 at a time (a search bundle holds thousands of fragment files).
 *
 * @param from The cached folder.
 * @param to Its place in the output.
 */
export async function linkTree(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true })
  const folders = new Set([
    to,
    ...entries.filter((entry) => entry.isDirectory()).map((entry) => join(to, join(entry.parentPath, entry.name).slice(from.length))),
  ])
  for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true })
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
  await mapLimit(files, 64, (path) => {
    const target = join(to, path.slice(from.length))
    return link(path, target).catch(() => copyFile(path, target))
  })
}
