import { createHash } from 'node:crypto'
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FigureImage } from './types.ts'

/** A rendered body as the cache keeps it. */
export interface CachedBody {
  html: string
  placedImages: string[]
}

/** Rendered Markdown by content hash, on disk. */
export interface MarkdownCache {
  /** The cache key of a body with its images. */
  key(body: string, images: readonly FigureImage[], listed: readonly string[]): string
  get(key: string): Promise<CachedBody | undefined>
  set(key: string, value: CachedBody): Promise<void>
}

const markdownDir = dirname(fileURLToPath(import.meta.url))
const lockfile = fileURLToPath(new URL('../../package-lock.json', import.meta.url))

/**
 * What the processor's output depends on besides the body: our plugins' code, the installed
 * package versions and the site's embed hosts. Any change gives new keys, so nothing stale is used.
 *
 * @param embedHosts The site's allowed embed hosts.
 */
export async function processorFingerprint(embedHosts: readonly string[]): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify(embedHosts))
  for (const name of (await readdir(markdownDir)).sort()) {
    if (name.endsWith('.ts')) hash.update(name).update(await readFile(join(markdownDir, name)))
  }
  hash.update(await readFile(lockfile).catch(() => Buffer.from('no lockfile')))
  return hash.digest('hex')
}

/**
 * Opens the Markdown cache in a folder (`.cache/markdown`), one small JSON file per body.
 *
 * @param dir The cache folder.
 * @param fingerprint From {@link processorFingerprint}.
 */
export function createMarkdownCache(dir: string, fingerprint: string): MarkdownCache {
  const pathOf = (key: string): string => join(dir, key.slice(0, 2), `${key}.json`)
  return {
    key(body, images, listed) {
      return createHash('sha256').update(fingerprint).update('\0').update(body).update('\0').update(JSON.stringify([images, listed])).digest('hex')
    },
    async get(key) {
      try {
        return JSON.parse(await readFile(pathOf(key), 'utf8')) as CachedBody
      } catch {
        return undefined
      }
    },
    async set(key, value) {
      const path = pathOf(key)
      await mkdir(dirname(path), { recursive: true })
      // Write then rename would be atomic; a torn file only fails JSON.parse and is re-rendered.
      await writeFile(path, JSON.stringify(value))
    },
  }
}
