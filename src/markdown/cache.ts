import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { cacheFingerprint, digest, pruneCacheFolder, writeAtomic } from '../cache/index.ts'
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

/**
 * What the processor's output depends on besides the body: the code of the processor and
 * everything it imports (plugins, image planning for figures), the exact versions of the packages
 * among them, and the site's embed hosts. Any change gives new keys, so nothing stale is used;
 * a bump of a package the processor does not use changes nothing.
 *
 * @param embedHosts The site's allowed embed hosts.
 */
export async function processorFingerprint(embedHosts: readonly string[]): Promise<string> {
  return digest(await cacheFingerprint('markdown'), JSON.stringify(embedHosts))
}

/** Where a body's entry lives, relative to the cache folder: 256 subfolders keep each one small. */
function entryName(key: string): string {
  return `${key.slice(0, 2)}/${key}.json`
}

/**
 * Opens the Markdown cache in a folder (`.cache/markdown/<content>`), one small JSON file per body,
 * each written atomically.
 *
 * @param dir The cache folder.
 * @param fingerprint From {@link processorFingerprint}.
 */
export function createMarkdownCache(dir: string, fingerprint: string): MarkdownCache {
  return {
    key: (body, images, listed) => digest(fingerprint, body, JSON.stringify([images, listed])),
    async get(key) {
      try {
        return JSON.parse(await readFile(join(dir, entryName(key)), 'utf8')) as CachedBody
      } catch {
        return undefined
      }
    },
    set: (key, value) => writeAtomic(join(dir, entryName(key)), JSON.stringify(value)),
  }
}

/**
 * A view of a cache that records every key asked for, so a build knows which entries an article
 * uses even when it is later taken from the source cache without rendering.
 *
 * @param cache The cache.
 * @param keys Receives the keys.
 */
export function recordingKeys(cache: MarkdownCache, keys: string[]): MarkdownCache {
  return {
    ...cache,
    key(body, images, listed) {
      const key = cache.key(body, images, listed)
      keys.push(key)
      return key
    },
  }
}

/**
 * Removes the bodies no article of this build uses.
 *
 * @param dir The cache folder.
 * @param keys Keys of every article's body.
 */
export function pruneMarkdownCache(dir: string, keys: Iterable<string>): Promise<number> {
  return pruneCacheFolder(dir, [...keys].map(entryName))
}
