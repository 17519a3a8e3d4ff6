import { lstatSync, realpathSync, statSync, type Stats } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { VFile } from 'vfile'
import { report } from '../problems/report.ts'

/** Where a file of the content folder really is, once symbolic links are followed. */
export type ContentPlace = 'inside' | 'outside' | 'missing'

/**
 * Tells where a file whose path is inside the content folder really is.
 *
 * @param path Absolute path of an existing file, inside the content folder as written.
 * @param link Whether the file itself is a symbolic link (`lstat` said so).
 */
export type ContentBoundary = (path: string, link: boolean) => ContentPlace

/**
 * Creates the check that keeps files from outside the content folder off the site. A path inside
 * it can still lead out through a symbolic link, to the file (`media/x.jpg -> /home/…/x.jpg`) or
 * to a folder on its way (`media/ext -> /srv/…`), and the build would publish whatever that
 * points to; Hugo refuses such links for the same reason. A link that stays inside is followed.
 *
 * Each folder is resolved once (an archive's images sit in a few thousand folders that 100,000
 * articles name); a file is resolved on its own only when it is itself a link.
 *
 * @param contentDir The content folder (itself a link or not).
 */
export function createContentBoundary(contentDir: string): ContentBoundary {
  const locate = createContentLocator(contentDir)
  return (path, link) => locate(path, link).place
}

/** Where a file of the content folder leads: inside it, outside it (to `real`), or nowhere. */
export type ContentTarget = { place: 'inside' } | { place: 'outside'; real: string } | { place: 'missing' }

/**
 * Tells where a file whose path is inside the content folder really is.
 *
 * @param path Absolute path of an existing file, inside the content folder as written.
 * @param link Whether the file itself is a symbolic link (`lstat` said so).
 */
export type ContentLocator = (path: string, link: boolean) => ContentTarget

const inside: ContentTarget = { place: 'inside' }
const missing: ContentTarget = { place: 'missing' }

/**
 * The {@link ContentBoundary} with where a file outside leads, for messages that say so. Each
 * folder is resolved and placed once, so a file that is no link costs a lookup of its folder (the
 * loaders ask for every article: 100,000 of them sit in a few hundred folders); a file that is a
 * link is resolved on its own.
 *
 * @param contentDir The content folder (itself a link or not).
 */
export function createContentLocator(contentDir: string): ContentLocator {
  let root: string | undefined
  const rootOf = (): string => (root ??= realPath(contentDir) ?? resolve(contentDir))
  const folders = new Map<string, { real: string; inside: boolean } | undefined>()
  const folderOf = (folder: string): { real: string; inside: boolean } | undefined => {
    if (folders.has(folder)) return folders.get(folder)
    const real = realPath(folder)
    // The files of the content folder itself are inside, as those of any folder within it.
    const place = real === undefined ? undefined : { real, inside: real === rootOf() || isWithin(rootOf(), real) }
    folders.set(folder, place)
    return place
  }
  return (path, link) => {
    if (link) {
      const real = realPath(path)
      if (real === undefined) return missing
      return isWithin(rootOf(), real) ? inside : { place: 'outside', real }
    }
    const folder = folderOf(dirname(path))
    if (folder === undefined) return missing
    return folder.inside ? inside : { place: 'outside', real: join(folder.real, basename(path)) }
  }
}

/**
 * Stats a file the content folder lists (an article, a page, a comment), or refuses it when a
 * symbolic link, the file or a folder on its way, leads out of the content folder.
 *
 * @param path Absolute path of the file, inside the content folder as written.
 * @returns The file's stats (a link's target's), or where it leads when that is outside.
 * @throws When the file is gone, as `statSync` does.
 */
export type ContentStat = (path: string) => { stats: Stats } | { outside: string }

/**
 * Creates the {@link ContentStat} of a content folder. A listed file costs one `lstat`, as the
 * `stat` the loaders need anyway would, and its folder's real path, resolved once per folder; only
 * a link is resolved and stat'ed on its own. The glob cannot tell links apart (tinyglobby either
 * follows them without saying so or, with `followSymbolicLinks: false`, drops them all, those that
 * stay inside too).
 *
 * @param contentDir The content folder (itself a link or not).
 */
export function createContentStat(contentDir: string): ContentStat {
  const locate = createContentLocator(contentDir)
  return (path) => {
    const own = lstatSync(path)
    const link = own.isSymbolicLink()
    const target = locate(path, link)
    if (target.place === 'outside') return { outside: target.real }
    return { stats: link ? statSync(path) : own }
  }
}

/**
 * Reports a file the content folder lists that leads out of it (see {@link ContentStat}), at its
 * first line: it is never read.
 *
 * @param file The file, at its path in the content folder.
 * @param contentDir The content folder.
 * @param real Where the file leads.
 */
export function reportFileOutside(file: VFile, contentDir: string, real: string): void {
  report(file, 'file-outside-content', { file: relative(contentDir, file.path).split(sep).join('/'), target: real }, { line: 1, column: 1 })
}

/**
 * Whether a path is inside a folder (not the folder itself), as paths go: no file system access.
 *
 * @param folder Absolute folder.
 * @param path Absolute path.
 */
export function isWithin(folder: string, path: string): boolean {
  const rel = relative(folder, path)
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync.native(path)
  } catch {
    return undefined
  }
}
