import { rm, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { VFile } from 'vfile'
import { articlePaths, folderKey, gitBlobIds, loadContent, type ContentSources, type Registries } from '../content/index.ts'
import { hasErrors } from '../problems/index.ts'
import { imageEncoder, imageOptions, planImage, planLogo, planSiteIcons, type ImageSet } from '../images/index.ts'
// Not through the stage's index: the render stage imports that index, and every module it reaches
// keys every page; a change to how image folders are carried must not render the archive again.
import { publishImages, type PublishImagesResult } from '../images/media-units.ts'
import {
  assetUrls,
  carryUnits,
  fillEnclosureLengths,
  lockOutput,
  checkOutput,
  computeFileManifest,
  cleanLeftovers,
  createStaging,
  deployedChecks,
  manifestKeys,
  partialManifest,
  type DeployedChecks,
  type DeployedSite,
  type KeyColumns,
  type SpareUnits,
  discardStaging,
  mergeCarried,
  readAssets,
  readManifestTable,
  readSpareUnits,
  readUnitManifest,
  carriableUnits,
  intactUnits,
  recordUnitPages,
  spareOf,
  takePatchable,
  swapIntoPlace,
  tableOf,
  uninterruptible,
  writeAssets,
  writeCmsAdmin,
  writeOutputManifest,
  writeSpareManifest,
  writeUnitManifest,
} from '../publish/index.ts'
import type { OutputUnit, PatchedUnit, UnitPages } from '../shared/output-unit.ts'
import {
  findUserConfig,
  loadUserConfig,
  renderCached,
  renderNewsroomPages,
  type ArticleSources,
  type CachedRenderResult,
  type ToasoanConfig,
} from '../render/index.ts'
import {
  planSearchIndex,
  type SearchIndexResult,
  type SearchPlan,
  type TitleIndexResult,
  type WordRoutesResult,
  writeSearchIndex,
  writeTitleIndex,
  writeWordRoutes,
} from '../search/index.ts'
import { checkSite, outputPathOf, plannedUntil, planSite, refreshedFolders, type SiteModel } from '../site/index.ts'
import { mapLimit } from '../shared/files.ts'
import { digest, fixCacheFingerprints, removeOldLayout, writeAtomic } from '../cache/index.ts'
import { indexArticles } from '../most-read/article-index.ts'
import { contentStamp, writeArticleIndex } from '../most-read/article-index-file.ts'
import { releaseMemory } from './memory.ts'
import { buildInputs, contentWrittenSince, fileClock, readUpToDate, recordUpToDate, upToDateFile } from './up-to-date.ts'
import type { ProgressSink } from '../shared/progress.ts'
import { task, type Logger, type Timing } from '../shared/task.ts'
import { checkBaseUrl, resolveNow } from '../shared/operator-input.ts'
import { UsageError } from '../shared/usage-error.ts'

export { checkBaseUrl, resolveNow } from '../shared/operator-input.ts'

/** Options of {@link build}. */
export interface BuildOptions {
  /** The content folder. @default 'content' */
  contentDir?: string
  /**
   * The output folder, replaced only when the build succeeds. It must not be or hold the content
   * or cache folder, nor lie inside the content folder; when it exists it must be a folder an
   * earlier build wrote (see `checkOutput`). @default 'dist'
   */
  outDir?: string
  /** Cache folder. @default '.cache' */
  cacheDir?: string
  /** Overrides `baseUrl` from site.yml (e.g. for a preview deploy); an absolute http(s) URL. */
  baseUrl?: string
  /** Publish drafts and scheduled articles. @default false */
  drafts?: boolean
  /** The build's "now" (epoch ms); see {@link resolveNow}. */
  now?: number
  /** Progress lines. @default console.log */
  log?: Logger
  /** Progress within long steps (a terminal bar); none by default. */
  progress?: ProgressSink
  /** URLs per sitemap file. @default 50000 */
  sitemapLimit?: number
  /** Articles per search bundle. @default site.yml's searchBundleSize (1,000) */
  searchBundleSize?: number
  /** Overrides the hash of the rendering code (tests use it to stand for a template change). */
  renderFingerprint?: string
  /**
   * The newsroom's configuration (see {@link ToasoanConfig}); `false` for none.
   * @default the default export of `toasoan.config.ts` (or `.mjs`, `.js`) in the working folder, if any
   */
  config?: ToasoanConfig | false
  /**
   * How long to wait when another process builds or deploys the same output (ms); after that, or
   * at once, the build stops with `OutputBusy`, naming that process. @default 0
   */
  waitForOutput?: number
  /**
   * What the deploy target serves (its last deploy's manifest, read by `readDeployedSite`): the
   * output then holds only what the target lacks, with the manifest of the whole site, and deploys
   * only there (`toasoan build --deployed s3://…`). Pages, output folders and images the target
   * serves as this build would make them are neither rendered nor written. @default none
   */
  deployed?: DeployedSite
  /**
   * Build even when the output is up to date (see `readUpToDate`): same code, options and content
   * as the build that wrote it, and a "now" that plans the same site. @default false
   */
  force?: boolean
  /**
   * Git's object ids of the content's files (see `gitBlobIds`), asked by the caller before this
   * module loaded: git lists the files while the build's code compiles. @default asked here
   */
  gitBlobs?: Promise<ReadonlyMap<string, string>>
}

/** What a build did. */
export interface BuildResult {
  /** Whether `outDir` now holds the new site. */
  ok: boolean
  /** Every source file with its problems. */
  files: VFile[]
  /** Pages written. */
  pages: number
  timings: Timing[]
  /** Articles published. */
  articles?: number
  /** Source images processed in this build, taken from the cache, or in folders carried over; the image folders. */
  images?: Pick<PublishImagesResult, 'processed' | 'cached' | 'carried' | 'units' | 'carriedUnits' | 'patchedUnits'>
  /** Search bundles indexed in this build and taken from the cache. */
  search?: SearchIndexResult
  /** Pages rendered in this build and taken from the cache. */
  render?: CachedRenderResult
  /** When the next scheduled (future-dated, not draft) article is due (epoch ms), if any. */
  nextScheduled?: number
  /** Whether the output was up to date already, and left as it was (no stage ran). */
  upToDate?: boolean
}

/**
 * Builds a content folder into a static site, one stage after the other: load the content → plan
 * the site → render its pages → plan the search and route its words → index the search → process
 * the images → publish. Any error stops the build before anything is written to `outDir`.
 *
 * @param options What to build and where.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const log = options.log ?? ((line: string) => console.log(line))
  const outDir = resolve(options.outDir ?? 'dist')
  const cacheDir = resolve(options.cacheDir ?? '.cache')
  if (options.baseUrl !== undefined) checkBaseUrl(options.baseUrl)
  await checkOutput({ outDir: options.outDir ?? 'dist', contentDir: options.contentDir ?? 'content', cacheDir: options.cacheDir ?? '.cache' })
  // Git's answer of which bytes each article holds comes from its own process, while this one
  // fingerprints the code; asked again when the build waited for the output (files may have changed).
  const contentDir = resolve(options.contentDir ?? 'content')
  let gitBlobs = options.gitBlobs ?? gitBlobIds(contentDir, '.')
  let waited = false
  await keyByRunningCode()
  // One process per output: a second build, or a deploy reading it, would see it change under it.
  const unlock = await lockOutput(outDir, 'build', {
    wait: options.waitForOutput ?? 0,
    onWait: (holder) => {
      waited = true
      log(`  waiting for ${holder.command} (pid ${holder.pid}) to finish with ${outDir}`)
    },
  })
  if (waited) gitBlobs = gitBlobIds(contentDir, '.')
  try {
    // One "now" for every stage (the clock's, read once, unless given).
    return await buildLocked({ ...options, now: options.now ?? resolveNow(undefined) }, { log, outDir, cacheDir, gitBlobs })
  } finally {
    await unlock()
  }
}

/** {@link build} once it holds the output's lock. */
async function buildLocked(
  options: BuildOptions & { now: number },
  { log, outDir, cacheDir, gitBlobs }: { log: Logger; outDir: string; cacheDir: string; gitBlobs: Promise<ReadonlyMap<string, string>> }
): Promise<BuildResult> {
  const timings: Timing[] = []
  // What killed builds left beside the output goes first, whether this build writes or finds the
  // output up to date (an old output put back before the output is read).
  await cleanLeftovers(outDir)
  const cacheKey = folderKey(options.contentDir ?? 'content')
  // Render and search describe the folders they write (month folders, search bundles); publish
  // alone decides which of them the live output holds unchanged, to be moved over, not rebuilt.
  const manifestFile = join(cacheDir, 'units', `${cacheKey}.json`)
  const manifest = await readUnitManifest(manifestFile, outDir)
  // Nothing changed since the build that wrote the output: it stays as it is, not even swapped.
  const upToDateRecord = upToDateFile(cacheDir, cacheKey)
  const taken = await upToDateInputs(options, { outDir, cacheDir, gitBlobs })
  if (taken !== undefined && options.force !== true) {
    const current = await readUpToDate(upToDateRecord, { inputs: taken.inputs, now: options.now, outDir, units: Object.keys(manifest.units) })
    if (current) {
      log(`  up to date: the same content, code and options as the build that wrote ${outDir}`)
      return { ok: true, files: current.files, pages: current.record.pages, articles: current.record.articles, timings, upToDate: true }
    }
  }
  // Against a deployed site, folders and pages are taken from the target, never from the live output.
  const deployed = options.deployed === undefined ? undefined : deployedChecks(options.deployed)
  const carriable = (units: readonly OutputUnit[]): Promise<Set<string>> =>
    deployed === undefined ? carriableUnits(manifest, units) : Promise.resolve(deployed.units(units))
  // The spare output's folders: moved over whole when unchanged, or patched when changed (the pages
  // each page folder holds are recorded by key in `recorded`).
  const spareFile = join(cacheDir, 'units', `${cacheKey}.spare.json`)
  const spareUnits = readUnitManifest(spareFile, spareOf(outDir))
  const recorded = join(cacheDir, 'units', 'pages', cacheKey)
  const staging = await createStaging(outDir)
  const patchable = deployed === undefined ? async (units: readonly UnitPages[]) => takePatchable(staging, await spareUnits, recorded, units) : undefined
  try {
    // Content, site, render and search planning: the stages that share the site model run in
    // throughSiteModel (below), which hands on nothing that holds it, so the model and every
    // article body can be collected before Pagefind starts.
    const site = await throughSiteModel(options, {
      log,
      timings,
      cacheDir,
      cacheKey,
      staging,
      carriableUnits: carriable,
      ...(patchable === undefined ? {} : { patchableUnits: patchable }),
      deployed,
      gitBlobs,
    })
    if (!site.ok) {
      await discardStaging(staging)
      return { ok: false, files: site.files, pages: 0, timings }
    }
    const { render, searchPlan, routes, titles, assets, files } = site
    // Search: Pagefind indexes the bundles that changed.
    const search = await task(
      'indexing search',
      timings,
      log,
      (progress) => writeSearchIndex(searchPlan, { outputDir: staging, progress, beforeIndexing: releaseMemory }),
      options.progress
    )
    log(
      `  search bundles: ${search.indexed} indexed, ${search.cached} from the cache, ${search.carried} carried over${searchPlan.keysKept > 0 ? `; ${searchPlan.keysKept} keys kept from the last build` : ''}`
    )
    // Images: every size and format the pages link, planned while loading.
    const images = await task(
      'processing images',
      timings,
      log,
      (progress) =>
        publishImages(site.images, {
          outputDir: staging,
          cacheDir: join(cacheDir, 'images', cacheKey),
          progress,
          carriableUnits: carriable,
          ...(deployed === undefined
            ? { live: { dir: outDir, intact: (paths: readonly string[]) => intactUnits(manifest, paths) } }
            : { deployed: deployed.holds, prune: false }),
        }),
      options.progress
    )
    log(
      `  images: ${images.processed} processed, ${images.cached} from the cache${deployed ? `, ${images.deployed} served by the target` : ''}; ${images.carriedUnits.length + images.patchedUnits.length} of ${images.units.length} folders carried over${images.patchedUnits.length > 0 ? `, ${images.patchedUnits.length} with files added` : ''}`
    )
    // Publish: the feeds' enclosure sizes, the stylesheet and scripts, the web editor at /admin/,
    // the file manifest for deploys (files written now are listed before the carried folders
    // arrive, whose entries come from the last output's manifest), then the folders carried over
    // and the swap into place. Only the swap changes the live output: an interruption waits for
    // it, and it rolls back (the carried folders go back) unless the new output is already in place.
    // Also carried: the folders the hourly commands write (most read, weather), kept as they are.
    const refreshed = options.deployed === undefined ? await keptFolders(outDir) : [...refreshedFolders]
    const carried = [
      ...render.carriedUnits,
      ...search.carriedUnits,
      ...routes.carriedUnits,
      ...titles.carriedUnits,
      ...images.carriedUnits,
      ...images.patchedUnits,
      ...refreshed,
    ]
    const units = [...render.units, ...search.units, ...routes.units, ...titles.units, ...images.units]
    const stampFile = join(cacheDir, 'deploy', `${cacheKey}.stamps.v8`)
    const keys = manifestKeys(render.keys, units)
    await task('publishing', timings, log, async () => {
      const feeds = site.feeds.urls.filter((url) => !render.deployedPaths.has(`/${outputPathOf(url)}`))
      // An image not written now is in a folder carried over (the live output's) or served by the target.
      const sizeOf = (path: string): number | undefined | Promise<number | undefined> =>
        options.deployed === undefined
          ? stat(join(outDir, path)).then(
              (info) => info.size,
              () => undefined
            )
          : options.deployed.files[path]?.size
      await fillEnclosureLengths(staging, feeds, site.feeds.baseUrl, sizeOf)
      await writeAssets(staging, Object.values(assets))
      await writeCmsAdmin(staging, site.registries, {
        contentDir: options.contentDir ?? 'content',
        ...(options.baseUrl === undefined ? {} : { baseUrl: checkBaseUrl(options.baseUrl) }),
        now: options.now,
      })
      // The last read of the content is done (the editor's months): was anything written since the
      // inputs? Asked of a worker thread while the manifest is made and the folders carried over.
      const written = taken === undefined ? Promise.resolve(true) : contentWrittenSince(options.contentDir ?? 'content', taken.since).catch(() => true)
      const files =
        options.deployed === undefined
          ? await publishWhole(staging, {
              outDir,
              stampFile,
              carried,
              keys,
              log,
              spare: await readSpareUnits(await spareUnits, manifest),
            })
          : await publishPartial(staging, options.deployed, { stampFile, carried, keys, log, taken: [...render.keys.keys(), ...site.imageUrls] })
      const current = taken !== undefined && !(await written)
      await uninterruptible(async () => {
        // CI reads this: the cache is saved only when its key changes, the cron builds only when an article is due.
        await writeAtomic(
          join(cacheDir, 'build-state.json'),
          JSON.stringify({
            cacheKey: files.digest.slice(0, 32),
            nextScheduled: site.nextScheduled === undefined ? null : new Date(site.nextScheduled).toISOString(),
          })
        )
        // The live output becomes the spare, whose unchanged folders the next build moves over.
        if (options.deployed === undefined) await writeSpareManifest(spareFile, manifest, spareOf(outDir))
        await swapIntoPlace(staging, outDir, { keepSpare: options.deployed === undefined })
        // A partial output holds no whole folder for the next build to carry over.
        await writeUnitManifest(manifestFile, outDir, options.deployed === undefined ? units : [])
        // What each page folder written now holds, for a later build to patch it; the records of
        // the folders the live output and the spare hold are kept.
        if (options.deployed === undefined)
          await recordUnitPages(
            recorded,
            render.writtenUnits,
            [...units, ...Object.values(manifest.units)].map((unit) => unit.key)
          )
        if (taken !== undefined && current)
          await recordUpToDate(
            upToDateRecord,
            { inputs: taken.inputs, now: options.now, until: site.until, pages: site.pages, articles: site.articles },
            { outDir, units: units.map((unit) => unit.path) },
            site.files
          )
      })
    })
    for (const root of ['markdown', 'images']) await removeOldLayout(join(cacheDir, root))
    return {
      ok: true,
      files,
      pages: site.pages,
      articles: site.articles,
      timings,
      images,
      search,
      render,
      ...(site.nextScheduled === undefined ? {} : { nextScheduled: site.nextScheduled }),
    }
  } catch (error) {
    await discardStaging(staging)
    throw error
  }
}

/** What {@link publishWhole} and {@link publishPartial} need. */
interface ManifestContext {
  stampFile: string
  /** Output folders this build did not write (carried over, or served by the target). */
  carried: readonly string[]
  keys: KeyColumns
  log: Logger
}

/**
 * The file manifest of a whole output: the files written now are listed before the carried folders
 * are linked in from the live output (which stays whole until the swap), whose entries come from
 * the last output's manifest.
 */
async function publishWhole(staging: string, context: ManifestContext & { outDir: string; spare: SpareUnits }): Promise<{ files: number; digest: string }> {
  const { outDir, stampFile, carried, keys, log, spare } = context
  // The last manifest (36 MB at 100,000 articles) is read while the written files are listed.
  const live = readManifestTable(outDir)
  live.catch(() => {})
  const fresh = await computeFileManifest(staging, stampFile, carried)
  const merged = mergeCarried(fresh.manifest, await live, carried)
  // With the rows of the carried folders known, the folders are moved in (renames and links: the
  // disk's work) while the manifest is made and written (the thread's); without them, the manifest
  // is made by listing the whole output, carried folders included.
  const carrying = carryUnits(outDir, staging, carried, spare)
  const [{ linked, moved }, files] =
    merged === undefined
      ? ([await carrying, await writeOutputManifest(staging, stampFile, merged, keys)] as const)
      : await settledBoth(carrying, writeOutputManifest(staging, stampFile, merged, keys))
  if (carried.length > 0) log(`  carried folders: ${moved} of ${carried.length} moved from the spare output, ${linked} files linked`)
  log(`  file manifest: ${files.files} files, ${merged === undefined ? files.hashed : fresh.hashed} hashed`)
  return files
}

/**
 * Both results once both tasks have ended; the first failure otherwise, thrown only then, so
 * nothing still writes into the staging folder when the caller discards it.
 */
async function settledBoth<A, B>(first: Promise<A>, second: Promise<B>): Promise<readonly [A, B]> {
  const [a, b] = await Promise.allSettled([first, second])
  if (a.status === 'rejected') throw a.reason
  if (b.status === 'rejected') throw b.reason
  return [a.value, b.value]
}

/**
 * The file manifest of an output against a deployed site: the whole site's, with the target's
 * entries for what it serves already; written files equal to the target's are removed, so the
 * output holds exactly what the deploy uploads.
 */
async function publishPartial(
  staging: string,
  site: DeployedSite,
  context: ManifestContext & { taken: readonly string[] }
): Promise<{ files: number; digest: string }> {
  const { stampFile, carried, keys, log, taken } = context
  const fresh = await computeFileManifest(staging, stampFile)
  const { manifest, unchanged } = partialManifest(fresh.manifest, site, { paths: taken, folders: carried })
  await mapLimit(unchanged, 64, (path) => rm(join(staging, path.slice(1)), { force: true }))
  const files = await writeOutputManifest(staging, stampFile, tableOf(manifest), keys)
  const written = Object.keys(fresh.manifest.files).length - unchanged.length
  log(`  file manifest: ${files.files} files; ${written} differ from ${site.target}, the rest it serves already`)
  return files
}

/**
 * Fixes every cache's fingerprint for this process (see `fixCacheFingerprints`), so a build keys
 * its entries by the code it runs, not by the files as a stage finds them later. A file of that
 * code modified after the process started may not be the code running: the build stops first.
 */
export async function keyByRunningCode(): Promise<void> {
  const edited = await fixCacheFingerprints(performance.timeOrigin)
  if (edited !== undefined)
    throw new UsageError(
      `${edited} changed after this build started: its caches could be keyed by other code than the one it runs.`,
      'Run the build again once the code is saved.'
    )
}

/** What {@link throughSiteModel} needs from the build. */
interface StageContext {
  log: Logger
  timings: Timing[]
  cacheDir: string
  cacheKey: string
  staging: string
  carriableUnits: (units: readonly OutputUnit[]) => Promise<Set<string>>
  /** Takes the changed page folders worth patching from the spare output into staging (see `takePatchable`); none against a deployed site. */
  patchableUnits?: (units: readonly UnitPages[]) => Promise<Map<string, PatchedUnit>>
  /** What the deploy target serves, when the build writes only what it lacks. */
  deployed: DeployedChecks | undefined
  /** Git's object ids of the articles (see `gitBlobIds`), asked when the build started. */
  gitBlobs: Promise<ReadonlyMap<string, string>>
}

/** What {@link throughSiteModel} hands on: nothing that holds the site model. */
type ModelResults =
  | { ok: false; files: VFile[] }
  | {
      ok: true
      files: VFile[]
      pages: number
      articles: number
      render: CachedRenderResult
      searchPlan: SearchPlan
      routes: WordRoutesResult
      titles: TitleIndexResult
      images: Array<Pick<ImageSet, 'source' | 'variants'>>
      /** Every image file the pages link (`/media/…`). */
      imageUrls: string[]
      assets: Awaited<ReturnType<typeof readAssets>>
      /** For the web editor's configuration. */
      registries: Registries
      /** The feeds written, whose enclosures get their lengths once the images exist. */
      feeds: { urls: string[]; baseUrl: string }
      nextScheduled?: number
      /** Until when a later "now" plans the same site (see `plannedUntil`), scheduled articles included. */
      until: number
    }

/**
 * The stages that share the site model, in order: load and validate the content, plan the site,
 * render its pages into the staging folder, plan the search bundles and write the search routes.
 * The model lives only in this function's frame.
 *
 * @param options The build's options.
 * @param context Where the stages log, cache and write.
 */
async function throughSiteModel(options: BuildOptions & { now: number }, context: StageContext): Promise<ModelResults> {
  const { log, timings, cacheDir, cacheKey, staging, carriableUnits, patchableUnits, deployed, gitBlobs } = context
  const contentDir = options.contentDir ?? 'content'
  // Taken before the content loads, so an article edited meanwhile leaves the index stale, not wrong.
  // One listing of the article files for the stamp and the loader: a walk of the archive each.
  const paths = articlePaths(contentDir)
  const stamp = await contentStamp(contentDir, gitBlobs, paths)
  // Content: every file read and validated once, then the site's checks of its addresses (duplicate
  // URLs, aliases, newsroom pages); any error stops the build here.
  const { sources, files } = await task(
    'loading content',
    timings,
    log,
    async (progress) => checkSite(await loadContent({ contentDir, cacheDir, progress, gitBlobs, articlePaths: paths })),
    options.progress
  )
  if (!sources || hasErrors(files)) return { ok: false, files }
  // What `toasoan most-read` counts, so it need not load the content: whatever this build's options, drafts left out.
  await task('indexing articles for most read', timings, log, () => writeArticleIndex(cacheDir, contentDir, stamp, () => indexArticles(sources, stamp)))
  const now = options.now
  // Site: the plain model every later stage reads.
  const { model, siteIcons, siteLogo } = await task('planning site', timings, log, () => planModel(sources, options, now))
  // What the articles are made from: the keys of pages and search bundles made from the same are kept from the last build.
  const inputs = articleSourcesOf(sources, options, join(cacheDir, 'article-keys', `${cacheKey}.json`))
  // Render: the pages link the stylesheet and scripts by the hash of their bytes.
  const assets = await readAssets()
  const pageAssets = assetUrls(assets)
  const render = await task(
    'rendering pages',
    timings,
    log,
    (progress) =>
      renderCached(model, {
        outputDir: staging,
        pagesCacheDir: join(cacheDir, 'pages', cacheKey),
        eleventyCacheDir: cacheDir,
        assets: pageAssets,
        bodies: sources.bodies,
        carriableUnits,
        ...(patchableUnits === undefined ? {} : { patchableUnits }),
        progress,
        ...(deployed === undefined ? {} : { deployed: deployed.page }),
        ...(options.renderFingerprint === undefined ? {} : { fingerprint: options.renderFingerprint }),
        ...(inputs === undefined ? {} : { articleSources: inputs }),
      }),
    options.progress
  )
  log(
    `  pages: ${render.rendered} rendered, ${render.cached} from the cache, ${render.carried} carried over in ${render.carriedUnits.length} unchanged folders${render.patchedUnits.length > 0 ? ` and ${render.patchedUnits.length} changed ones patched` : ''}${deployed ? `, ${render.deployedPaths.size} served by the target` : ''}${render.articleKeysReused > 0 ? `; ${render.articleKeysReused} article keys kept from the last build` : ''}`
  )
  // The newsroom's own pages, through Eleventy with its toasoan.config.ts: few, rendered every time.
  const userConfig = options.config === false ? undefined : (options.config ?? (await loadUserConfig())?.config)
  const newsroomPages = await task('rendering newsroom pages', timings, log, () =>
    renderNewsroomPages(model, { outputDir: staging, cacheDir, assets: pageAssets, ...(userConfig === undefined ? {} : { userConfig }) })
  )
  // Search: which bundles need indexing (their records written), and the routes from words to bundles.
  const searchPlan = await task('preparing search', timings, log, () =>
    planSearchIndex(model, {
      cacheDir: join(cacheDir, 'search', cacheKey),
      bodies: sources.bodies,
      carriableUnits,
      ...(inputs === undefined ? {} : { sources: { ...inputs, record: join(cacheDir, 'search-keys', `${cacheKey}.json`) } }),
    })
  )
  const routes = await task('routing search words', timings, log, () =>
    writeWordRoutes(model, searchPlan, { outputDir: staging, cacheDir: join(cacheDir, 'search-words', cacheKey), bodies: sources.bodies, carriableUnits })
  )
  if (routes.units.length > 0) log(`  search routes: ${routes.carriedUnits.length > 0 ? 'carried over' : `${routes.words} words`}, ${routes.read} bundles read`)
  // The web editor's title index: found by words of its title, any article costs a few small files.
  const titles = await task('indexing titles', timings, log, () => writeTitleIndex(model.articles, { outputDir: staging, carriableUnits }))
  log(
    `  title index: ${titles.articles} articles, ${titles.written} files written, ${titles.carriedUnits.length} of ${titles.units.length} folders carried over`
  )
  // The same identity the loader gave every image name (memoised: computed once per process).
  const encoder = await imageEncoder()
  const due = nextScheduled(sources, now)
  const images = [
    ...sources.media.map((media) => planImage(media, imageOptions, encoder)),
    ...(siteIcons ? [siteIcons.set] : []),
    ...(siteLogo ? [siteLogo.set] : []),
  ]
  return {
    ok: true,
    files,
    pages: render.rendered + render.cached + render.carried + render.deployedPaths.size + newsroomPages,
    articles: model.articles.length,
    render,
    searchPlan,
    routes,
    titles,
    images,
    imageUrls: images.flatMap((set) => set.variants.map((variant) => variant.url)),
    assets,
    registries: sources.registries,
    feeds: { urls: model.feeds.map((feed) => feed.url), baseUrl: model.site.baseUrl },
    ...due,
    until: Math.min(plannedUntil(model.articles, model.site.timeZone, now), due.nextScheduled ?? Number.POSITIVE_INFINITY),
  }
}

/**
 * Plans the site model from the loaded content, with the site's icon and the publisher's logo
 * (site.yml; loaded with the content, processed with the images), as every build and shard does.
 *
 * @param sources The loaded content.
 * @param options The build's options that shape the model.
 * @param now The build's "now".
 */
export async function planModel(
  sources: ContentSources,
  options: Pick<BuildOptions, 'baseUrl' | 'drafts' | 'sitemapLimit' | 'searchBundleSize'>,
  now: number
): Promise<{ model: SiteModel; siteIcons: ReturnType<typeof planSiteIcons> | undefined; siteLogo: ReturnType<typeof planLogo> | undefined }> {
  const { icon, logo } = sources.siteImages
  const siteIcons = icon ? planSiteIcons(icon, await imageEncoder()) : undefined
  const siteLogo = logo ? planLogo(logo, await imageEncoder()) : undefined
  const model = planSite(withBaseUrl(sources, options.baseUrl), {
    now,
    drafts: options.drafts ?? false,
    ...(siteIcons ? { icons: siteIcons.icons } : {}),
    ...(siteLogo ? { logo: siteLogo.logo.url } : {}),
    ...(options.sitemapLimit === undefined ? {} : { sitemapLimit: options.sitemapLimit }),
    ...(options.searchBundleSize === undefined ? {} : { searchBundleSize: options.searchBundleSize }),
  })
  return { model, siteIcons, siteLogo }
}

/**
 * What the articles' items are made from, for the keys of their pages and search bundles (see `articleKeys`, `keptBundleKeys`): each file's
 * hash, and the registries with the options that shape every item (the base URL, drafts), hashed;
 * and where the last build's keys are recorded. Nothing when the files' hashes are unknown: every page is then keyed by its item.
 */
export function articleSourcesOf(sources: ContentSources, options: Pick<BuildOptions, 'baseUrl' | 'drafts'>, record: string): ArticleSources | undefined {
  if (sources.sourceHashes === undefined) return undefined
  const shared = digest(JSON.stringify(sources.registries), options.baseUrl ?? '', String(options.drafts === true))
  return { files: sources.sourceHashes, shared, record }
}

/** When the next scheduled article (future-dated, not a draft) is due, if any. */
function nextScheduled(sources: ContentSources, now: number): { nextScheduled?: number } {
  const due = sources.articles.filter((article) => !article.draft && article.date.epoch > now).map((article) => article.date.epoch)
  return due.length === 0 ? {} : { nextScheduled: due.reduce((a, b) => Math.min(a, b)) }
}

function withBaseUrl(sources: ContentSources, baseUrl: string | undefined): ContentSources {
  if (baseUrl === undefined) return sources
  const site = { ...sources.registries.site, baseUrl: checkBaseUrl(baseUrl) }
  return { ...sources, registries: { ...sources.registries, site } }
}

/**
 * The inputs of a build that may find its output up to date (see `buildInputs`), with the file
 * system's clock just before they were taken (see `fileClock`): not against a deployed site (its
 * output is partial), nor with a newsroom configuration (code that can read anything, so every
 * build runs).
 */
async function upToDateInputs(
  options: BuildOptions,
  { outDir, cacheDir, gitBlobs }: { outDir: string; cacheDir: string; gitBlobs: Promise<ReadonlyMap<string, string>> }
): Promise<{ inputs: string; since: number } | undefined> {
  if (options.deployed !== undefined) return undefined
  if (options.config !== false && (options.config !== undefined || (await findUserConfig()) !== undefined)) return undefined
  const since = await fileClock(join(cacheDir, 'units'))
  return { inputs: await buildInputs({ ...options, contentDir: options.contentDir ?? 'content', outDir }, await gitBlobs), since }
}

/** The folders of {@link refreshedFolders} that the live output holds, to carry into the new one. */
async function keptFolders(outDir: string): Promise<string[]> {
  const found = await Promise.all(
    refreshedFolders.map(async (folder) => ((await stat(join(outDir, folder)).catch(() => undefined))?.isDirectory() ? folder : undefined))
  )
  return found.filter((folder): folder is (typeof refreshedFolders)[number] => folder !== undefined)
}
