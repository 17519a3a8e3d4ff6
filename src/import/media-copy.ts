import { copyFile, mkdir } from 'node:fs/promises'
import { statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { ImageResolution } from './html-to-markdown.ts'

/**
 * Finds the copy of an old site's image: an address under `…/wp-content/uploads/` (or the
 * uploads addresses of the export's attachments) on one of the old site's hosts, read from the
 * `--media` copy of the uploads folder. WordPress's resized copies (`photo-300x200.jpg`) give way
 * to the original when the copy has it.
 *
 * @param hosts The old site's host names.
 * @param mediaDir The copy of `wp-content/uploads`, when given.
 * @returns The resolver: `src` relative to `media/` in the content folder.
 */
export function uploadsResolver(hosts: ReadonlySet<string>, mediaDir: string | undefined): (url: string) => ImageResolution {
  const seen = new Map<string, ImageResolution>()
  return (address) => {
    let url: URL
    try {
      url = new URL(address, 'relative:/')
    } catch {
      return 'external'
    }
    if (url.protocol !== 'relative:' && !hosts.has(url.hostname)) return 'external'
    const match = /\/wp-content\/uploads\/(.+)$/.exec(url.pathname)
    if (!match) return 'external'
    let path: string
    try {
      path = decodeURIComponent(match[1] as string)
    } catch {
      return { missing: match[1] as string }
    }
    if (path.split('/').some((segment) => segment === '..' || segment === '.' || segment === '')) return { missing: path }
    const known = seen.get(path)
    if (known) return known
    const original = path.replace(/-\d+x\d+(\.\w+)$/, '$1')
    const found = [original, path].find((candidate) => mediaDir !== undefined && isFile(join(mediaDir, candidate)))
    const result: ImageResolution = found === undefined ? { missing: path } : { src: found }
    seen.set(path, result)
    return result
  }
}

/** Whether a path is a file. */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/**
 * Copies an image into the content's `media/` folder unless it is there already. A different
 * file at that path is left as it is (the import never changes a file it did not write).
 *
 * @param from The file of the old site.
 * @param src Its path under the content's `media/`.
 * @param contentDir The content folder.
 * @param dryRun Decide only.
 * @returns `copied`, `present` (same size already there) or `conflict`.
 */
export async function copyMedia(from: string, src: string, contentDir: string, dryRun: boolean): Promise<'copied' | 'present' | 'conflict'> {
  const to = join(contentDir, 'media', src)
  const target = sizeOf(to)
  if (target !== undefined) return target === sizeOf(from) ? 'present' : 'conflict'
  if (!dryRun) {
    await mkdir(dirname(to), { recursive: true })
    await copyFile(from, to)
  }
  return 'copied'
}

function sizeOf(path: string): number | undefined {
  try {
    return statSync(path).size
  } catch {
    return undefined
  }
}
