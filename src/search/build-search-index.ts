import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { readdir, rename, rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import * as pagefind from 'pagefind'
import { linkTree } from '../publish/output.ts'
import type { OutputUnit } from '../publish/units.ts'
import type { ArticleModel, SiteModel } from '../site/index.ts'
import { searchRecord } from './search-record.tsx'
import { exists } from '../files.ts'
import type { Progress } from '../progress.ts'

/** Options of {@link buildSearchIndex}. */
export interface SearchIndexOptions {
  /** The site being published (bundles go to `pagefind/<n>/` inside it). */
  outputDir: string
  /**
   * Bundles are kept in `<cacheDir>/<hash of their records>/`; entries this build does not use are
   * removed, so give each content folder its own.
   */
  cacheDir: string
  /** Which bundle folders the live output already holds unchanged; those are carried over, not written. */
  keepUnits?: (units: readonly OutputUnit[]) => Promise<ReadonlySet<string>>
  /** Told how many articles are in finished bundles. */
  progress?: Progress
  /** Called once before the first bundle is indexed (the build frees memory there). */
  beforeIndexing?: () => void
}

/** What indexing did. */
export interface SearchIndexResult {
  /** Bundles indexed by Pagefind in this build. */
  indexed: number
  /** Bundles taken unchanged from the cache. */
  cached: number
  /** Bundles carried over from the live output. */
  carried: number
  /** Every bundle folder, with the key of its contents. */
  units: OutputUnit[]
  /** Bundle folders to carry over from the live output (not written to `outputDir`). */
  carriedUnits: string[]
}

/** Files sent to Pagefind at once. */
const inFlight = 32

const unusedFiles = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js']

// Pagefind does not export its package.json; its entry point sits in the package folder's lib/.
const pagefindVersion = (JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..', 'package.json'), 'utf8')) as { version: string }).version

// What turns an article into its record: a change to it re-indexes every bundle.
const recordCode = readFileSync(new URL('./search-record.tsx', import.meta.url))

/** A Pagefind run reported a problem: the build fails with its messages. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError'
}

/**
 * Builds the search bundles with Pagefind's Node API, one bundle at a time so the indexer's memory
 * stays bounded by the bundle size; every `errors` array Pagefind returns is checked. A bundle whose
 * records (and Pagefind's version) are unchanged since a cached build is linked from the cache
 * instead: publishing an article re-indexes only the newest bundle.
 *
 * @param model The site model (articles and their shards).
 * @param options Where to write and cache.
 */
export async function buildSearchIndex(model: SiteModel, options: SearchIndexOptions): Promise<SearchIndexResult> {
  const byUrl = new Map(model.articles.map((article) => [article.url, article]))
  const cacheRoot = options.cacheDir
  const used = new Set<string>()
  // A bundle's key hashes what its records are made of (the articles, the names of places, people
  // and categories, the record code and Pagefind's version) without building the records.
  const names = createHash('sha256').update(`${pagefindVersion}\0${model.site.language}\0`).update(recordCode).update(JSON.stringify(namesOf(model))).digest('hex')
  const shards = model.searchShards.map((shard) => {
    const hash = createHash('sha256').update(names)
    for (const url of shard.articles) {
      const article = byUrl.get(url)
      if (article) hash.update(recordInputs(article))
    }
    return { shard, key: hash.digest('hex').slice(0, 24) }
  })
  const units = shards.map(({ shard, key }) => ({ path: shard.bundle.replace(/^\/+|\/+$/g, ''), key }))
  const kept = options.keepUnits ? await options.keepUnits(units) : new Set<string>()
  const result: SearchIndexResult = { indexed: 0, cached: 0, carried: 0, units, carriedUnits: [...kept] }
  const progress = options.progress ?? (() => {})
  const total = model.articles.length
  let done = 0
  try {
    for (const [index, { shard, key }] of shards.entries()) {
      progress(done, total)
      done += shard.articles.length
      used.add(key)
      if (kept.has(units[index]?.path ?? '')) {
        result.carried++
        continue
      }
      const cached = join(cacheRoot, key)
      if (await exists(join(cached, 'pagefind-entry.json'))) result.cached++
      else {
        const records = shard.articles.flatMap((url) => {
          const article = byUrl.get(url)
          return article ? [{ url, content: searchRecord(article, model) }] : []
        })
        if (result.indexed === 0) options.beforeIndexing?.()
        const before = done - shard.articles.length
        await indexBundle(records, model.site.language, cached, shard.bundle, (added) => progress(before + added, total))
        result.indexed++
      }
      await linkTree(cached, join(options.outputDir, shard.bundle))
    }
    progress(total, total)
  } finally {
    await pagefind.close()
  }
  // Bundles no build uses any more only take disk space.
  for (const entry of await readdir(cacheRoot).catch(() => [] as string[])) if (!used.has(entry)) await rm(join(cacheRoot, entry), { recursive: true, force: true })
  return result
}

/** The names and places {@link searchRecord} reads; article counts stay out, they change with every article. */
function namesOf(model: SiteModel): unknown {
  const names = (registry: Record<string, { name: string }>) => Object.entries(registry).map(([id, entry]) => [id, entry.name])
  return [Object.entries(model.localities).map(([id, locality]) => [id, locality.name, locality.ancestors]), names(model.authors), names(model.categories)]
}

/** The fields {@link searchRecord} reads, besides the body: nothing else may re-index a bundle. */
function recordInputs(article: ArticleModel): string {
  const lead = article.images[0]
  return JSON.stringify([article.url, article.title, article.summary, article.date, article.locality, article.authors, article.category, lead?.set.thumbnail.url, lead?.alt, article.digest])
}

async function indexBundle(records: ReadonlyArray<{ url: string; content: string }>, language: string, target: string, bundle: string, progress: Progress): Promise<void> {
  const created = await pagefind.createIndex({ forceLanguage: language })
  const index = created.index
  if (!index || created.errors.length > 0) throw new SearchIndexError(`Pagefind could not start: ${created.errors.join('; ')}`)
  // Pagefind answers each file over a pipe; keeping a few in flight hides the round trips.
  for (let start = 0; start < records.length; start += inFlight) {
    progress(start, records.length)
    await Promise.all(
      records.slice(start, start + inFlight).map(async (record) => {
        const added = await index.addHTMLFile(record)
        if (added.errors.length > 0) throw new SearchIndexError(`Pagefind could not index ${record.url}: ${added.errors.join('; ')}`)
      })
    )
  }
  // Written beside the cache entry, then renamed: an interrupted build never leaves half a bundle.
  const temporary = `${target}.${process.pid}.tmp`
  await rm(temporary, { recursive: true, force: true })
  const written = await index.writeFiles({ outputPath: temporary })
  if (written.errors.length > 0) throw new SearchIndexError(`Pagefind could not write ${bundle}: ${written.errors.join('; ')}`)
  // The search page uses Pagefind's JS API only; its prebuilt UIs would be dead weight on the CDN.
  await Promise.all(unusedFiles.map((name) => rm(join(temporary, name), { force: true })))
  await index.deleteIndex()
  await rm(target, { recursive: true, force: true })
  await rename(temporary, target)
}
