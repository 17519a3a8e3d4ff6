import { randomBytes } from 'node:crypto'
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

// Temporary names carry the process id and a token drawn once per process, so a later run can
// tell a file a killed run left behind (delete it) from one a running build is writing (keep it).
const token = randomBytes(4).toString('hex')
const suffix = '.toasoan-tmp'
const pattern = /\.(\d+)-([0-9a-f]{8})-\d+\.toasoan-tmp$/
let counter = 0

/**
 * A temporary name beside a path, in the same folder so that renaming it over the path is atomic.
 * No cache ever reads a name like it.
 *
 * @param path The final path.
 */
export function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${token}-${counter++}${suffix}`)
}

/**
 * Whether a file name is a temporary one that no running process will finish: written by another
 * run of this process id, or by a process that is gone.
 *
 * @param name A file or folder name.
 */
export function isStaleTemporary(name: string): boolean {
  const match = pattern.exec(name)
  if (!match) return false
  const pid = Number(match[1])
  if (pid === process.pid) return match[2] !== token
  try {
    process.kill(pid, 0)
    return false
  } catch (error) {
    // EPERM: the process exists but is someone else's; keep its file.
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

/**
 * Whether a name is temporary at all (stale or still being written).
 *
 * @param name A file or folder name.
 */
export function isTemporary(name: string): boolean {
  return name.endsWith(suffix)
}

/**
 * Writes a file so that readers see the old contents or the new, never part: the bytes go to a
 * temporary file in the same folder, which is then renamed over the path. On failure the
 * temporary file is removed; a killed process leaves one that {@link removeStaleTemporaries} deletes.
 *
 * @param path The file.
 * @param data Its new contents.
 */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temporary = temporaryPath(path)
  try {
    await writeFile(temporary, data)
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

/**
 * Deletes the temporary files and folders that killed runs left directly in a folder.
 *
 * @param dir The folder.
 * @returns How many were removed.
 */
export async function removeStaleTemporaries(dir: string): Promise<number> {
  const stale = (await readdir(dir).catch(() => [] as string[])).filter(isStaleTemporary)
  await Promise.all(stale.map((name) => rm(join(dir, name), { recursive: true, force: true })))
  return stale.length
}
