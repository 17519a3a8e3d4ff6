import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * Git's object id of a file's bytes (SHA-1 of `blob <size>\0` and the bytes): what `git ls-files -s`
 * prints for a file whose index entry holds these bytes.
 *
 * @param bytes The file's bytes.
 */
export function gitBlobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
}

/**
 * What git knows of the articles without reading them: the object id of each regular file whose
 * working copy is its index entry (not modified, not a link), by absolute path. After a fresh
 * checkout every file's size, time and inode are new, so the source cache's stamps all miss; git's
 * index says which bytes each file holds for the price of one `ls-files` and one `diff`. Nothing
 * when the folder is not in a git work tree or git is missing: every file is then stat'ed as before.
 *
 * @param contentDir The content folder (absolute).
 * @param folder The folder inside it (`articles`).
 */
export async function gitBlobIds(contentDir: string, folder: string): Promise<Map<string, string>> {
  const git = async (...args: string[]): Promise<string> =>
    (await run('git', ['-C', contentDir, ...args], { maxBuffer: 1 << 30, encoding: 'utf8', env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } })).stdout
  try {
    const [listed, modified] = await Promise.all([
      // -s: mode, object id, stage, path; -v tags files git is told not to look at (h, S): left out.
      git('ls-files', '-s', '-v', '-z', '--', folder),
      git('diff', '--name-only', '--relative', '-z', '--', folder),
    ])
    const changed = new Set(modified.split('\0').filter(Boolean))
    const blobs = new Map<string, string>()
    for (const line of listed.split('\0')) {
      const match = /^H 100(?:644|755) ([0-9a-f]{40}) 0\t(.+)$/.exec(line)
      if (match && !changed.has(match[2] as string)) blobs.set(join(contentDir, match[2] as string), match[1] as string)
    }
    return blobs
  } catch {
    return new Map()
  }
}
