import { resolve } from 'node:path'
import type { VFile } from 'vfile'
import { cacheCode, cacheFingerprint, digest, type CacheName } from '../cache/index.ts'
import { loadRegistries } from '../content/index.ts'

/**
 * `toasoan cache key`: a short key of everything that shapes the cache besides the articles — the
 * code behind every cache (module graphs and exact package versions), Node's version (the source
 * cache is V8-serialised) and the registries. A cache
 * saved under another key was made by other code or registries, so its entries will not be found:
 * CI treats it as cold and builds in shards (see `.github/workflows/site.yml`).
 *
 * @param contentDir The content folder.
 * @returns The key (16 hexadecimal characters), or the registries' problems.
 */
export async function cacheKey(contentDir: string): Promise<{ key?: string; files: VFile[] }> {
  const { registries, files } = await loadRegistries(resolve(contentDir))
  if (!registries) return { files }
  const names = Object.keys(cacheCode).sort() as CacheName[]
  const prints = await Promise.all(names.map((name) => cacheFingerprint(name)))
  return { key: digest(...prints, process.version, JSON.stringify(registries)).slice(0, 16), files }
}
