import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { deserialize, serialize } from 'node:v8'
import { join } from 'node:path'
import * as pagefind from 'pagefind'
import { pruneCacheFolder, temporaryPath } from '../cache/index.ts'
import type { OutputUnit } from '../shared/output-unit.ts'
import { type ArticleSources, keptBundleKeys, stampOf, type SiteModel } from '../site/index.ts'
import type { BodyStore } from '../content/index.ts'
import { indexBundle } from './index-bundle.ts'
import { bundleRecords } from './search-record.tsx'
import { exists, linkTree } from '../shared/files.ts'
import type { Progress } from '../shared/progress.ts'

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
  carriableUnits?: (units: readonly OutputUnit[]) => Promise<ReadonlySet<string>>
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

/** One bundle's part in a build: carried over from the live output, linked from the cache, or indexed. */
export interface PlannedBundle {
  /** Where it is published, e.g. `/pagefind/3/`. */
  bundle: string
  key: string
  /** Articles in it. */
  size: number
  action: 'carry' | 'link' | 'index'
  /** For `index`: the file holding its records (V8-serialised), deleted once indexed. */
  records?: string
}

/**
 * What indexing will do, bundle by bundle. It holds no article: records to index are written to
 * files, so the build can let go of the site model and its 100,000 bodies before Pagefind starts,
 * and Node and Pagefind never hold their peaks together.
 */
export interface SearchPlan {
  language: string
  cacheDir: string
  bundles: PlannedBundle[]
  /** Every bundle folder, with the key of its contents. */
  units: OutputUnit[]
  /** Bundle folders to carry over from the live output. */
  carriedUnits: string[]
  /** Whether bundles the plan does not hold are removed from the cache (not for a shard's share). */
  prune: boolean
  /** Bundle keys taken from the last build's record instead of made (see `keptBundleKeys`). */
  keysKept: number
}

/**
 * Plans the search bundles: a bundle whose records (and Pagefind's version) are unchanged since an
 * earlier build is carried over from the live output or linked from the cache; the records of the
 * others are built and written beside the cache. Publishing an article re-indexes only the newest
 * bundle.
 *
 * @param model The site model (articles and their search bundles).
 * @param options Where to cache, and which units the live output holds.
 */
export async function planSearchIndex(
  model: SiteModel,
  options: Pick<SearchIndexOptions, 'cacheDir' | 'carriableUnits'> & {
    /** The articles' bodies, read for the bundles to index. */
    bodies: BodyStore
    /** A build shard's share: only these bundles (URLs) are planned, and the cache is not pruned. */
    share?: ReadonlySet<string>
    /** What the articles are made from: bundles made from the same keep their keys (see `keptBundleKeys`). @default none */
    sources?: ArticleSources
  }
): Promise<SearchPlan> {
  const byUrl = new Map(model.articles.map((article) => [article.url, article]))
  const share = options.share
  const planned = model.searchBundles.filter((bundle) => !share || share.has(bundle.url))
  const { keys, reused, save } = await keptBundleKeys(model, planned, byUrl, options.sources)
  if (share === undefined) await save()
  const keyed = planned.map((bundle) => ({ bundle, key: keys.get(bundle.url) ?? '' }))
  const units = keyed.map(({ bundle, key }) => ({ path: bundle.url.replace(/^\/+|\/+$/g, ''), key }))
  const carriedPaths = options.carriableUnits ? await options.carriableUnits(units) : new Set<string>()
  await mkdir(options.cacheDir, { recursive: true })
  const bundles: PlannedBundle[] = []
  for (const [index, { bundle, key }] of keyed.entries()) {
    const planned = { bundle: bundle.url, key, size: bundle.articles.length }
    if (carriedPaths.has(units[index]?.path ?? '')) bundles.push({ ...planned, action: 'carry' })
    else if (await exists(join(options.cacheDir, key, 'pagefind-entry.json'))) bundles.push({ ...planned, action: 'link' })
    else {
      const records = await bundleRecords(bundle.articles, byUrl, model, options.bodies)
      // A temporary name: a killed build's records are pruned, never taken for a bundle.
      const file = temporaryPath(join(options.cacheDir, `${key}.records`))
      await writeFile(file, serialize(records))
      bundles.push({ ...planned, action: 'index', records: file })
    }
  }
  return {
    language: model.site.language,
    cacheDir: options.cacheDir,
    bundles,
    units,
    carriedUnits: [...carriedPaths],
    prune: share === undefined,
    keysKept: reused,
  }
}

/**
 * Carries out a search plan with Pagefind's Node API, one bundle at a time so the indexer's memory
 * stays bounded by the bundle size; every `errors` array Pagefind returns is checked.
 *
 * @param plan From {@link planSearchIndex}.
 * @param options Where to write, progress, and what to do before the first bundle is indexed.
 */
export async function writeSearchIndex(
  plan: SearchPlan,
  options: Pick<SearchIndexOptions, 'outputDir' | 'progress' | 'beforeIndexing'>
): Promise<SearchIndexResult> {
  const result: SearchIndexResult = { indexed: 0, cached: 0, carried: 0, units: plan.units, carriedUnits: plan.carriedUnits }
  const progress = options.progress ?? (() => {})
  const total = plan.bundles.reduce((sum, bundle) => sum + bundle.size, 0)
  let done = 0
  try {
    for (const planned of plan.bundles) {
      progress(done, total)
      const before = done
      done += planned.size
      if (planned.action === 'carry') {
        result.carried++
        continue
      }
      const cached = join(plan.cacheDir, planned.key)
      if (planned.action === 'link') result.cached++
      else {
        if (result.indexed === 0) options.beforeIndexing?.()
        const file = planned.records ?? ''
        const records = deserialize(await readFile(file)) as Array<{ url: string; content: string }>
        await indexBundle(records, plan.language, cached, planned.bundle, stampOf(planned.key), (added) => progress(before + added, total))
        await rm(file, { force: true })
        result.indexed++
      }
      await linkTree(cached, join(options.outputDir, planned.bundle))
    }
    progress(total, total)
  } finally {
    await pagefind.close()
    await Promise.all(plan.bundles.map((planned) => (planned.records ? rm(planned.records, { force: true }) : undefined)))
  }
  // Bundles no build uses any more only take disk space.
  if (plan.prune)
    await pruneCacheFolder(
      plan.cacheDir,
      plan.bundles.map((planned) => planned.key)
    )
  return result
}

/**
 * Builds the search bundles: {@link planSearchIndex}, then {@link writeSearchIndex}.
 *
 * @param model The site model (articles and their search bundles).
 * @param options Where to write and cache.
 */
export async function buildSearchIndex(model: SiteModel, options: SearchIndexOptions & { bodies: BodyStore }): Promise<SearchIndexResult> {
  return writeSearchIndex(await planSearchIndex(model, options), options)
}
