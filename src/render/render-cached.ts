import { createHash } from 'node:crypto'
import { link, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { cacheFingerprint, pruneCacheFolder } from '../cache/index.ts'
import { linkOrCopy } from '../publish/output.ts'
import type { OutputUnit } from '../output-unit.ts'
import { contentHash, outputUnitOf, outputPathOf, type ArticleModel, type ListingPage, type SiteModel } from '../site/index.ts'
import { pageContext, type PageContext } from '../../templates/index.ts'
import { renderWithEleventy } from './eleventy-site.tsx'
import { exists, mapLimit } from '../files.ts'
import type { Progress } from '../progress.ts'

/** Options of {@link renderCached}. */
export interface CachedRenderOptions {
  /** Folder pages are written to. */
  outputDir: string
  /** Rendered pages are kept here by a hash of everything they show; give each content folder its own. */
  pagesCacheDir: string
  /** Eleventy's scratch folder. */
  eleventyCacheDir: string
  assets: PageContext['assets']
  /** Hash of the code that renders pages. @default {@link renderFingerprint} */
  fingerprint?: string
  /**
   * Pages per Eleventy run. Eleventy renders every page of a run before it writes any, so memory
   * grows with this; a run costs about 10 ms more. At 20,000 articles, 1,000 pages a run peaked
   * at 1.75 GB against 2.2 GB for 5,000 and 2.57 GB for one run, in the same CPU time. @default 1000
   */
  chunkSize?: number
  /**
   * Which unit folders (months, numbered pages) the live output already holds unchanged (see `reusableUnits`); their pages
   * are neither rendered nor linked, the publish stage moves the folders over. @default none
   */
  keepUnits?: (units: readonly OutputUnit[]) => Promise<ReadonlySet<string>>
  /** Told how many pages are done (reused, then rendered). */
  progress?: Progress
}

/** What rendering did. */
export interface CachedRenderResult {
  /** Pages rendered by Eleventy in this build. */
  rendered: number
  /** Pages linked unchanged from the cache. */
  cached: number
  /** Pages in unit folders carried over from the live output. */
  carried: number
  /** Every unit folder of this build, with the key of its contents. */
  units: OutputUnit[]
  /** Unit folders to carry over from the live output (not written to `outputDir`). */
  carriedUnits: string[]
}

/**
 * A hash of the code that turns the site model into HTML: the render stage with everything it
 * imports (templates, the site model's helpers, image planning…), the exact versions of the
 * packages among them, and the assets pages link. Any change re-renders every page.
 */
export function renderFingerprint(): Promise<string> {
  return cacheFingerprint('pages')
}

/**
 * Renders the site model, reusing every page whose inputs are unchanged since a cached build.
 * Article pages and older (numbered) index pages depend only on themselves and the registries
 * (never on article counts), so publishing an article re-renders just its page and the pages that
 * list it; landing pages, feeds and other site-wide files are always rendered (a few hundred).
 * Eleventy renders the rest in chunks.
 *
 * @param model The site model.
 * @param options Where to write and cache.
 */
export async function renderCached(model: SiteModel, options: CachedRenderOptions): Promise<CachedRenderResult> {
  const fingerprint = options.fingerprint ?? (await renderFingerprint())
  // Article counts show only on landing pages, which are always rendered: keep them out of the key.
  const localities = Object.fromEntries(Object.entries(model.localities).map(([id, locality]) => [id, { ...locality, articleCount: 0 }]))
  const context = pageContext({ ...model, localities }, options.assets)
  const contextKey = createHash('sha256').update(fingerprint).update(JSON.stringify(context)).digest('hex')
  const keyOf = (kind: string, item: ArticleModel | ListingPage): string => createHash('sha256').update(contextKey).update(kind).update(contentHash(item)).digest('hex')
  await mkdir(options.pagesCacheDir, { recursive: true })

  // Landing pages show the newest articles and counts: always rendered, never part of a unit's key.
  const landings = model.listings.filter((listing) => listing.pagination.page === undefined)
  const keyed = [
    ...model.articles.map((item) => ({ item, key: keyOf('article', item), kind: 'article' as const })),
    ...model.listings.filter((listing) => listing.pagination.page !== undefined).map((item) => ({ item, key: keyOf('listing', item), kind: 'listing' as const })),
  ]
  const byUnit = new Map<string, string[]>()
  for (const { item, key } of keyed) {
    const unit = outputUnitOf(item.url)
    if (unit === undefined) continue
    const lines = byUnit.get(unit)
    if (lines) lines.push(`${item.url}\0${key}`)
    else byUnit.set(unit, [`${item.url}\0${key}`])
  }
  // Pages rendered on every build still belong in their unit's key: one that disappears (a month
  // emptied, an alias removed) must not survive in a folder moved over from the live output.
  for (const url of [...landings.map((listing) => listing.url), ...model.redirects.map((redirect) => redirect.from), ...model.feeds.map((feed) => feed.url)]) {
    const unit = outputUnitOf(url)
    if (unit !== undefined) byUnit.set(unit, [...(byUnit.get(unit) ?? []), `${url}\0always`])
  }
  const units = [...byUnit].map(([path, lines]) => ({ path, key: createHash('sha256').update(lines.sort().join('\n')).digest('hex').slice(0, 32) })).sort((a, b) => (a.path < b.path ? -1 : 1))
  const kept = options.keepUnits ? await options.keepUnits(units) : new Set<string>()

  const used = new Set<string>()
  let cached = 0
  let carried = 0
  const reuse = async (key: string, url: string): Promise<boolean> => {
    used.add(key)
    const unit = outputUnitOf(url)
    if (unit !== undefined && kept.has(unit)) {
      carried++
      return true
    }
    const from = join(options.pagesCacheDir, `${key}.html`)
    if (!(await exists(from))) return false
    await linkOrCopy(from, join(options.outputDir, outputPathOf(url)))
    cached++
    return true
  }
  // File-system calls dominate here; a few dozen in flight hide their latency.
  const progress = options.progress ?? (() => {})
  const total = keyed.length + landings.length
  let checked = 0
  const hits = await mapLimit(keyed, 64, async (entry) => {
    progress(checked++, total)
    return { ...entry, hit: await reuse(entry.key, entry.item.url) }
  })
  const missedArticles = hits.flatMap((entry) => (!entry.hit && entry.kind === 'article' ? [{ item: entry.item, key: entry.key }] : []))
  const missedListings = hits.flatMap((entry) => (!entry.hit && entry.kind === 'listing' ? [{ item: entry.item, key: entry.key }] : []))

  const chunk = options.chunkSize ?? 1000
  const pages = [...missedArticles.map((entry) => ({ article: entry.item })), ...[...landings, ...missedListings.map((entry) => entry.item)].map((listing) => ({ listing }))]
  let rendered = 0
  for (let start = 0; start === 0 || start < pages.length; start += chunk) {
    const slice = pages.slice(start, start + chunk)
    rendered += await renderWithEleventy(model, {
      outputDir: options.outputDir,
      cacheDir: options.eleventyCacheDir,
      assets: options.assets,
      slice: {
        articles: slice.flatMap((page) => ('article' in page ? [page.article] : [])),
        listings: slice.flatMap((page) => ('listing' in page ? [page.listing] : [])),
        singletons: start === 0,
      },
    })
    progress(total - pages.length + Math.min(pages.length, start + chunk), total)
  }
  // Keep what was rendered for the next build (a hard link: no bytes copied).
  await mapLimit([...missedArticles, ...missedListings], 64, ({ item, key }) =>
    link(join(options.outputDir, outputPathOf(item.url)), join(options.pagesCacheDir, `${key}.html`)).catch(() => {})
  )
  await pruneCacheFolder(options.pagesCacheDir, [...used].map((key) => `${key}.html`))
  return { rendered, cached, carried, units, carriedUnits: [...kept] }
}
