import { opendir, readdir, realpath, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve, sep } from 'node:path'
import { generatedFiles } from '../site/urls.ts'
import { UsageError } from '../shared/usage-error.ts'

/**
 * The file every build writes at the top of its output: a folder holding it is toasoan's to
 * replace. Folders built before the marker existed pass when they hold an `index.html` and no
 * Markdown file (see {@link checkOutput}).
 */
export const outputMarker = generatedFiles.marker

/** What the marker file says to someone who finds it. */
export const outputMarkerText = 'This folder is written by "toasoan build" and replaced as a whole by every build; do not keep anything else in it.\n'

/** Options of {@link checkOutput}. */
export interface OutputCheck {
  /** The output folder as given (printed in messages). */
  outDir: string
  /** The content folder as given. */
  contentDir: string
  /** The cache folder, when the build has one. */
  cacheDir?: string
}

/**
 * How folder `a` relates to folder `b`, both absolute and normalised: the same folder, inside it,
 * holding it, or unrelated.
 *
 * @param a A folder.
 * @param b Another folder.
 */
export function pathRelation(a: string, b: string): 'same' | 'inside' | 'holds' | undefined {
  const under = (child: string, parent: string): boolean => child.startsWith(parent.endsWith(sep) ? parent : `${parent}${sep}`)
  if (a === b) return 'same'
  if (under(a, b)) return 'inside'
  if (under(b, a)) return 'holds'
  return undefined
}

/**
 * Refuses an output folder whose replacement would destroy something: the content folder, a
 * folder holding it or inside it, the cache folder or one holding it, an existing file, or a
 * folder with files toasoan did not write. Runs before anything is touched.
 *
 * @param options The folders of the build.
 * @throws {UsageError} Naming `--out`, with what to do instead.
 */
export async function checkOutput(options: OutputCheck): Promise<void> {
  const out = await realLocation(options.outDir)
  const guarded = [
    { path: await realLocation(options.contentDir), given: options.contentDir, what: 'the content folder', loss: 'the articles' },
    ...(options.cacheDir === undefined
      ? []
      : [{ path: await realLocation(options.cacheDir), given: options.cacheDir, what: 'the cache folder', loss: 'the cache' }]),
  ]
  const hint = 'Build into a folder of its own beside the content, e.g. --out dist.'
  for (const folder of guarded) {
    const relation = pathRelation(out, folder.path)
    if (relation === 'same')
      throw new UsageError(`--out: "${options.outDir}" is ${folder.what}; a build replaces its output folder and would delete ${folder.loss}.`, hint)
    if (relation === 'holds')
      throw new UsageError(
        `--out: "${options.outDir}" holds ${folder.what} "${folder.given}"; a build replaces its output folder and would delete ${folder.loss}.`,
        hint
      )
    if (relation === 'inside' && folder.what === 'the content folder') {
      throw new UsageError(`--out: "${options.outDir}" is inside ${folder.what} "${folder.given}"; the site would be written among the writers' files.`, hint)
    }
  }
  const info = await stat(out).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw error
  })
  if (info === undefined) return
  if (!info.isDirectory()) {
    throw new UsageError(
      `--out: "${options.outDir}" is a file, not a folder; a build would replace it.`,
      'Give a folder that does not exist yet or that an earlier build wrote, e.g. --out dist.'
    )
  }
  if (!(await isOutputFolder(out))) {
    throw new UsageError(
      `--out: "${options.outDir}" holds files that toasoan did not write (it has no ${outputMarker} file); a build replaces the whole folder and would delete them.`,
      'Give a new folder, e.g. --out dist, or empty this one first if nothing in it is needed.'
    )
  }
}

/**
 * Whether an existing folder may be replaced by a build: it is empty, holds the marker, or (built
 * before the marker existed) holds an `index.html` at the top and no Markdown file anywhere.
 *
 * @param dir An existing folder.
 */
export async function isOutputFolder(dir: string): Promise<boolean> {
  const entries = await readdir(dir)
  if (entries.length === 0 || entries.includes(outputMarker)) return true
  return entries.includes('index.html') && !(await holdsMarkdown(dir))
}

/** Looks for a `.md` file under a folder, stopping at the first; symbolic links are not followed. */
async function holdsMarkdown(dir: string): Promise<boolean> {
  const pending = [dir]
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    for await (const entry of await opendir(folder)) {
      if (entry.isDirectory()) pending.push(join(folder, entry.name))
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) return true
    }
  }
  return false
}

/**
 * The real location of a path that may not exist yet: symbolic links in its existing part are
 * resolved, so `dist` linked to `content` is seen as `content`.
 */
async function realLocation(path: string): Promise<string> {
  const absolute = resolve(path)
  const rest: string[] = []
  for (let existing = absolute; ; existing = dirname(existing)) {
    const real = await realpath(existing).catch(() => undefined)
    if (real !== undefined) return join(real, ...rest.reverse())
    if (dirname(existing) === existing) return absolute
    rest.push(basename(existing))
  }
}
