import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * What git knows of the articles without reading them: the object id of each regular file whose
 * working copy is its index entry (not modified, not a link), by absolute path. After a fresh
 * checkout every file's size, time and inode are new, so the source cache's stamps all miss; git's
 * index says which bytes each file holds for the price of listing it. Nothing when the folder is
 * not in a git work tree or git is missing: every file is then stat'ed as before.
 *
 * Two processes side by side: `ls-files` lists the index (0.08 s at 100,000 files) and `diff-files`
 * names the files whose working copy differs, stat'ing them on several threads. `ls-files -m` did
 * both in one process, but stat'ed on one thread: 0.42-0.74 s against 0.22-0.32 s at 100,000
 * files, most of what a build that finds its output up to date waited for. `diff-files` compares the
 * bytes of a file whose stamp is as recent as the index (git's racy case) but not of one whose time
 * alone changed (a `touch`): that file counts as modified, and is stat'ed and read as any other
 * file git does not vouch for. (Each child costs the parent a copy of its page tables, 16 ms of CPU
 * at 1.5 GB resident: the command asks before its heap grows, see `buildCommand`.)
 *
 * @param contentDir The content folder (absolute).
 * @param folder The folder inside it (`articles`).
 * @returns Git's object id of each file, by absolute path (see `gitBlobId`).
 */
export async function gitBlobIds(contentDir: string, folder: string): Promise<Map<string, string>> {
  const git = (args: readonly string[]): Promise<string> =>
    run('git', ['-C', contentDir, ...args], {
      maxBuffer: 1 << 30,
      encoding: 'utf8',
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
    }).then(({ stdout }) => stdout)
  try {
    const [index, modified] = await Promise.all([
      // -c: every entry of the index; -v tags in lower case files git is told not to look at (h):
      // left out. -s: mode, object id and stage before each path.
      git(['ls-files', '-c', '-s', '-v', '-z', '--', folder]),
      // Files whose working copy differs from the index, or is gone, relative to the folder as
      // ls-files prints them.
      git(['diff-files', '--name-only', '--relative', '-z', '--', folder]),
    ])
    // Each entry is `<tag> <mode> <id> <stage>\t<path>`, read by position: a regular expression and
    // a path.join per entry were 0.8 s of the build's main thread at 110,000 files. Git's paths are
    // already normal (no `.`, `..` or doubled `/`), so the folder's own normal form joins them.
    const base = join(contentDir, '/')
    const changed = new Set(modified.split('\0'))
    const blobs = new Map<string, string>()
    for (const line of index.split('\0')) {
      const tab = line.indexOf('\t')
      if (tab < 0) continue
      const [tag, mode, id, stage] = line.slice(0, tab).split(' ')
      const path = line.slice(tab + 1)
      if (tag === 'H' && stage === '0' && (mode === '100644' || mode === '100755') && id !== undefined && id.length >= 40 && !changed.has(path))
        blobs.set(base + path, id)
    }
    return blobs
  } catch {
    return new Map()
  }
}
