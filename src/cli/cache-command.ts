import { resolve } from 'node:path'
import type { VFile } from 'vfile'
import { cacheCode, cacheFingerprint, digest, type CacheName } from '../cache/index.ts'
import { loadRegistries } from '../content/index.ts'
import { UsageError } from '../shared/usage-error.ts'
import { checkContentDir } from './cli-options.ts'
import type { RunCode } from './command.ts'
import { checkFormat, problemPrinter } from './print-problems.ts'

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

/**
 * Runs `toasoan cache key`: prints the key, or the registries' problems.
 *
 * @param values The parsed options.
 * @param positionals What follows `cache`: only `key` is a cache command.
 * @returns 0 printed, 1 the registries do not load.
 * @throws {UsageError} On anything but `cache key`.
 */
export async function cacheKeyCommand(values: { content: string; format: string }, positionals: readonly string[]): Promise<RunCode> {
  if (positionals[0] !== 'key' || positionals.length > 1) {
    throw new UsageError(
      `cache: "${positionals.join(' ')}" is not a cache command.`,
      'Run toasoan cache key (the key of the code and registries the cache depends on).'
    )
  }
  const printProblems = problemPrinter(checkFormat(values.format))
  await checkContentDir(values.content)
  const { key, files } = await cacheKey(values.content)
  if (key === undefined) {
    printProblems(files, 'error')
    return 1
  }
  console.log(key)
  return 0
}
