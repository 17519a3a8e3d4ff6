import { createHash } from 'node:crypto'
import { link, mkdir } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { cacheFingerprint, pruneCacheFolder } from '../cache/index.ts'
import type { OutputUnit, PatchedUnit, UnitPages } from '../shared/output-unit.ts'
import {
  absolutizeHtml,
  outputUnitOf,
  outputPathOf,
  type ArticleModel,
  type ArticleSources,
  type ArticleWithBody,
  type Feed,
  type FeedWithBodies,
  type LatestFragment,
  type ListingPage,
  type Redirect,
  type SiteModel,
  type YearPage,
  updateWithItem,
} from '../site/index.ts'
import { isUnrendered } from '../content/article.ts'
import type { BodyStore } from '../content/index.ts'
import { pageContext, type PageContext } from '../../templates/index.ts'
import { renderWithEleventy, type EleventyRenderOptions, type RenderModel, type RenderSlice } from './eleventy-site.tsx'
import { startRenderThread } from './render-threads.ts'
import { articleKeys, teaserInputs } from './article-keys.ts'
import { exists, linkOrCopy, mapLimit } from '../shared/files.ts'
import type { Progress } from '../shared/progress.ts'

/** Options of {@link renderCached}. */
export interface CachedRenderOptions {
  /** Folder pages are written to. */
  outputDir: string
  /** Rendered pages are kept here by a hash of everything they show; give each content folder its own. */
  pagesCacheDir: string
  /** Eleventy's scratch folder. */
  eleventyCacheDir: string
  /** The articles' bodies, read for the article pages and feeds rendered (not for those from the cache). */
  bodies: BodyStore
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
   * Which unit folders (months, numbered pages) the live output already holds unchanged (see `carriableUnits`); their pages
   * are neither rendered nor linked, the publish stage moves the folders over. @default none
   */
  carriableUnits?: (units: readonly OutputUnit[]) => Promise<ReadonlySet<string>>
  /**
   * Takes the changed unit folders worth patching into `outputDir` from the spare output, before
   * any page is written (see `takePatchable`): their kept pages are neither rendered nor linked.
   * @default none
   */
  patchableUnits?: (units: readonly UnitPages[]) => Promise<ReadonlyMap<string, PatchedUnit>>
  /**
   * Whether the deploy target already serves a page as this key renders it (see `--deployed`): such
   * a page is neither rendered nor linked, and the output holds only what the target lacks.
   * @default none
   */
  deployed?: (path: string, key: string) => boolean
  /** Told how many pages are done (from the cache or carried over, then rendered). */
  progress?: Progress
  /**
   * Threads rendering runs besides the main thread. A thread costs about a second to start and
   * the part of the model every page shows. @default one less than the cores, from 4 runs to render; else none
   */
  threads?: number
  /**
   * A build shard's share: only the pages this returns `true` for are rendered into the cache
   * (and `outputDir`); the files made from the whole model are not, and the cache is not pruned.
   * @default every page
   */
  share?: (page: { kind: Page['kind']; url: string }) => boolean
  /**
   * What the articles are made from (see {@link ArticleSources}): with it, the older articles'
   * page keys are taken from the last build when nothing before them changed. @default none
   */
  articleSources?: ArticleSources
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
  /** Changed unit folders taken from the spare output into `outputDir`, only their changed pages written. */
  patchedUnits: string[]
  /** The unit folders written (not carried over), with their pages' keys (when `patchableUnits` was given; else none). */
  writtenUnits: UnitPages[]
  /** Page files the deploy target serves already (see {@link CachedRenderOptions.deployed}), not written. */
  deployedPaths: Set<string>
  /** Every page's file (`/2019/10/slug/index.html`) with the key it was made from, for the file manifest. */
  keys: Map<string, string>
  /** Article pages whose key was taken from the last build's record instead of made from the item (see `articleKeys`). */
  articleKeysReused: number
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
 * Every page is keyed by what it shows (its item of the model), the registries, site settings and
 * the rendering code; a locality's landing page also by the article counts of the places it lists.
 * So publishing an article re-renders its page, the pages that list it, its feeds and the landing
 * pages of its places (a few dozen), and a rebuild without changes renders only the files made
 * from the whole model (home, sitemaps, CDN files: about ten). Eleventy renders the rest in runs.
 *
 * @param model The site model.
 * @param options Where to write and cache.
 */
export async function renderCached(model: SiteModel, options: CachedRenderOptions): Promise<CachedRenderResult> {
  const fingerprint = options.fingerprint ?? (await renderFingerprint())
  // Article counts show only on landing pages, whose keys add them (below): keep them out of the others'.
  const localities = Object.fromEntries(Object.entries(model.localities).map(([id, locality]) => [id, { ...locality, articleCount: 0 }]))
  const context = pageContext({ ...model, localities }, options.assets)
  const contextKey = createHash('sha256').update(fingerprint).update(JSON.stringify(context)).digest('hex')
  const sources = options.articleSources
  // With the articles' files known, a listing's teasers stand by what they are made from, and its
  // key holds the registries they show (see `teaserInputs`).
  const teasers = sources === undefined ? undefined : teaserInputs(model.articles, sources)
  const listingKey = sources === undefined ? contextKey : createHash('sha256').update(contextKey).update('\0').update(sources.shared).digest('hex')
  const keyOf = (kind: Page['kind'], item: object, base = contextKey): string =>
    updateWithItem(createHash('sha256').update(base).update(kind), item, teasers).digest('hex')
  await mkdir(options.pagesCacheDir, { recursive: true })

  // A locality's landing page also shows how many articles each place under it has: its key hashes
  // those counts. No other page shows a count (a year's months come with its item), so publishing
  // an article re-renders the landing pages of its places, not every month's and author's.
  const countsKey = (places: readonly string[]): string =>
    createHash('sha256')
      .update(listingKey)
      .update(JSON.stringify(places.map((id) => model.localities[id]?.articleCount ?? 0)))
      .digest('hex')
  const articles = await articleKeys(model.articles, sources, contextKey, (item) => keyOf('article', item))
  const all: KeyedPage[] = [
    ...model.articles.map((item, index) => keyedPage({ kind: 'article', item }, articles.keys[index] as string)),
    ...model.listings.map((item) =>
      item.pagination.page === undefined
        ? keyedPage({ kind: 'landing', item }, keyOf('landing', item, item.places === undefined ? listingKey : countsKey(item.places)))
        : keyedPage({ kind: 'listing', item }, keyOf('listing', item, listingKey))
    ),
    ...model.years.map((item) => keyedPage({ kind: 'year', item }, keyOf('year', item))),
    ...model.fragments.map((item) => keyedPage({ kind: 'fragment', item }, keyOf('fragment', item))),
    ...model.redirects.map((item) => keyedPage({ kind: 'redirect', item }, keyOf('redirect', item))),
    ...model.feeds.map((item) => keyedPage({ kind: 'feed', item }, keyOf('feed', item))),
  ]
  const share = options.share
  const pages = share ? all.filter(({ page, url }) => share({ kind: page.kind, url })) : all
  // A unit's key hashes its article and numbered pages. Landing pages, redirects and feeds in it
  // are written into the new output whether the unit is carried or not, but still belong in its
  // key by address: one that disappears (a month emptied, an alias removed) must not survive in a
  // folder moved over from the live output.
  const byUnit = new Map<string, string[]>()
  const unitPages = new Map<string, KeyedPage[]>()
  for (const entry of pages) {
    const { page, url, key } = entry
    const unit = outputUnitOf(url)
    if (unit === undefined) continue
    // Each unit's pages, for the folders that may be patched (none in a shard or against a deployed site).
    if (options.patchableUnits !== undefined) {
      const listed = unitPages.get(unit)
      if (listed) listed.push(entry)
      else unitPages.set(unit, [entry])
    }
    if (page.kind === 'year' || page.kind === 'fragment') continue
    const line = carriable(page) ? `${url}\0${key}` : `${url}\0always`
    const lines = byUnit.get(unit)
    if (lines) lines.push(line)
    else byUnit.set(unit, [line])
  }
  const units = [...byUnit]
    .map(([path, lines]) => ({ path, key: createHash('sha256').update(lines.sort().join('\n')).digest('hex').slice(0, 32) }))
    .sort((a, b) => (a.path < b.path ? -1 : 1))
  const carriedPaths = options.carriableUnits ? await options.carriableUnits(units) : new Set<string>()
  const changed =
    options.patchableUnits === undefined
      ? []
      : units.filter((unit) => !carriedPaths.has(unit.path)).map((unit) => pagesOfUnit(unit, unitPages.get(unit.path) ?? []))
  const patched = options.patchableUnits === undefined ? new Map<string, PatchedUnit>() : new Map(await options.patchableUnits(changed))

  const used = new Set<string>()
  const keys = new Map<string, string>()
  let cached = 0
  let carried = 0
  const deployedPaths = new Set<string>()
  const fromCacheOrCarried = async ({ page, url, key }: KeyedPage): Promise<boolean> => {
    used.add(key)
    const path = `/${outputPathOf(url)}`
    keys.set(path, key)
    const unit = outputUnitOf(url)
    if (carriable(page) && unit !== undefined && (carriedPaths.has(unit) || patched.get(unit)?.keep.has(path) === true)) {
      carried++
      return true
    }
    if (options.deployed?.(path, key)) {
      deployedPaths.add(path)
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
  let checked = 0
  const missed = (
    await mapLimit(pages, 64, async (entry) => {
      progress(checked++, pages.length)
      return (await fromCacheOrCarried(entry)) ? undefined : entry
    })
  ).filter((entry) => entry !== undefined)
  // An article read without its body (a shard's front matter pass) has no page to render: its key
  // could never match, but a page made from it is a bug all the same.
  const unrendered = missed.find(({ page }) => page.kind === 'article' && isUnrendered(page.item))
  if (unrendered) throw new Error(`${unrendered.url} was read without its body and cannot be rendered`)

  // Eleventy renders what the cache did not have, in runs of `chunk` pages; the first run also
  // writes the files made from the whole model (home, sitemaps, CDN files…).
  const chunk = options.chunkSize ?? 1000
  const runs: KeyedPage[][] = []
  for (let start = 0; (start === 0 && !share) || start < missed.length; start += chunk) runs.push(missed.slice(start, start + chunk))
  const threads = Math.min(options.threads ?? (runs.length >= 4 ? availableParallelism() - 1 : 0), runs.length - 1)
  const helpers = Array.from({ length: Math.max(0, threads) }, () => startRenderThread(pickRenderModel(model)))
  let rendered = 0
  let done = pages.length - missed.length
  let next = 0
  // The main thread and each render thread take the next run as they finish one. The main thread
  // claims the first run before any await, so the files made from the whole model, which a thread
  // does not have, are always its own.
  const work = async (render: (options: EleventyRenderOptions) => Promise<number>, index: number): Promise<void> => {
    for (let run = next++; run < runs.length; run = next++) {
      const slice = await sliceOf(runs[run] ?? [], options.bodies, model.site.baseUrl)
      // Awaited first: `rendered += await …` would read the total before another run added to it.
      const written = await render({
        outputDir: options.outputDir,
        // Each thread's Eleventy has its own (empty) input folder.
        cacheDir: index === 0 ? options.eleventyCacheDir : join(options.eleventyCacheDir, `render-thread-${index}`),
        assets: options.assets,
        slice: run === 0 && !share ? { ...slice, singletons: model } : slice,
      })
      rendered += written
      done += runs[run]?.length ?? 0
      progress(done, pages.length)
    }
  }
  try {
    await Promise.all([work((render) => renderWithEleventy(model, render), 0), ...helpers.map((thread, index) => work(thread.render, index + 1))])
  } finally {
    await Promise.all(helpers.map((thread) => thread.close()))
  }
  // Keep what was rendered for the next build (a hard link: no bytes copied).
  await mapLimit(missed, 64, ({ url, key }) => link(join(options.outputDir, outputPathOf(url)), join(options.pagesCacheDir, `${key}.html`)).catch(() => {}))
  // Pruning lists the whole folder (130,000 files at 100,000 articles): a build that added no
  // entry (a no-op) leaves it to the next one that does, which drops whatever neither uses.
  if (!share && missed.length > 0)
    await pruneCacheFolder(
      options.pagesCacheDir,
      [...used].map((key) => `${key}.html`)
    )
  // A shard keys every page too, but its record would race the other shards': only whole builds keep one.
  if (!share) await articles.save()
  return {
    rendered,
    cached,
    carried,
    units,
    carriedUnits: [...carriedPaths],
    patchedUnits: [...patched.keys()],
    writtenUnits: changed,
    deployedPaths,
    keys,
    articleKeysReused: articles.reused,
  }
}

/** What every page shows, as a render thread receives it: none of the model's lists of pages. */
function pickRenderModel(model: SiteModel): RenderModel {
  const { site, strings, localities, authors, categories, navigation, footerLinks } = model
  return { site, strings, localities, authors, categories, navigation, footerLinks }
}

/** A page of the model that the cache can hold, by kind. */
export type Page =
  | { kind: 'article'; item: ArticleModel }
  /** A numbered (older) page of an index. */
  | { kind: 'listing'; item: ListingPage }
  /** The first page of an index: the newest articles, and counts. */
  | { kind: 'landing'; item: ListingPage }
  | { kind: 'year'; item: YearPage }
  | { kind: 'fragment'; item: LatestFragment }
  | { kind: 'redirect'; item: Redirect }
  | { kind: 'feed'; item: Feed }

/** A page with its address and cache key. */
interface KeyedPage {
  page: Page
  url: string
  key: string
}

function keyedPage(page: Page, key: string): KeyedPage {
  return { page, url: page.kind === 'redirect' ? page.item.from : page.item.url, key }
}

/** A unit folder's pages as `patchableUnits` weighs them: those its key covers, with their keys, and every file. */
function pagesOfUnit({ path, key }: OutputUnit, entries: readonly KeyedPage[]): UnitPages {
  return {
    path,
    key,
    pages: entries.filter(({ page }) => carriable(page)).map(({ url, key }) => [`/${outputPathOf(url)}`, key] as const),
    files: new Set(entries.map(({ url }) => `/${outputPathOf(url)}`)),
  }
}

/** Whether a page is part of its unit's key, so that a carried unit already holds it unchanged. */
function carriable(page: Page): boolean {
  return page.kind === 'article' || page.kind === 'listing'
}

/**
 * The slice of the model Eleventy renders for these pages, article pages and feeds with the bodies
 * they show (read for this run only, let go after it).
 */
async function sliceOf(pages: readonly KeyedPage[], store: BodyStore, baseUrl: string): Promise<RenderSlice> {
  const ids = new Set<string>()
  for (const { page } of pages) {
    if (page.kind === 'article') ids.add(page.item.id)
    else if (page.kind === 'feed') for (const item of page.item.items) ids.add(item.article)
  }
  const bodies = await store.read([...ids])
  const body = (id: string): string => bodies.get(id) ?? ''
  const slice = {
    articles: [] as ArticleWithBody[],
    listings: [] as ListingPage[],
    years: [] as YearPage[],
    fragments: [] as LatestFragment[],
    redirects: [] as Redirect[],
    feeds: [] as FeedWithBodies[],
  }
  for (const { page } of pages) {
    if (page.kind === 'article') slice.articles.push({ ...page.item, bodyHtml: body(page.item.id) })
    else if (page.kind === 'listing' || page.kind === 'landing') slice.listings.push(page.item)
    else if (page.kind === 'year') slice.years.push(page.item)
    else if (page.kind === 'fragment') slice.fragments.push(page.item)
    else if (page.kind === 'redirect') slice.redirects.push(page.item)
    else slice.feeds.push({ ...page.item, items: page.item.items.map((item) => ({ ...item, contentHtml: absolutizeHtml(body(item.article), baseUrl) })) })
  }
  return slice
}
