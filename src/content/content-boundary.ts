import { realpathSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'

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
  let root: string | undefined
  const folders = new Map<string, string | undefined>()
  const realFolder = (folder: string): string | undefined => {
    if (!folders.has(folder)) folders.set(folder, realPath(folder))
    return folders.get(folder)
  }
  return (path, link) => {
    root ??= realPath(contentDir) ?? resolve(contentDir)
    const folder = link ? undefined : realFolder(dirname(path))
    const real = link ? realPath(path) : folder === undefined ? undefined : join(folder, basename(path))
    if (real === undefined) return 'missing'
    return isWithin(root, real) ? 'inside' : 'outside'
  }
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
