import { createHash } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { startTypeScriptWorker } from '../shared/typescript-worker.ts'
import { glob } from 'tinyglobby'
import { VFile } from 'vfile'
import { cacheFingerprint, pruneCacheFolder } from '../cache/index.ts'
import { imageEncoder } from '../images/image-encoder.ts'
import { processorFingerprint, pruneMarkdownCache } from '../markdown/index.ts'
import { loadComments, type CommentSource } from './comments.ts'
import { loadPages, type LoadedPage, type PageSource } from './pages.ts'
import { loadPublisherLogo, loadSiteIcon } from './site-icon.ts'
import { isUnrendered, type ArticleSource, type LoadedArticle } from './article.ts'
import { gitBlobIds } from './git-index.ts'
import { createBodyStore, type BodyPlace, type BodyStore } from './bodies.ts'
import { loadArticles, restoreMessages, type ArticleBatch, type ArticleSetup } from './load-articles.ts'
import { readMeasuredImages, writeMeasuredImages, type MediaFile } from './media.ts'
import { cacheGroup, sourceCacheKey, writeCachedSources } from './source-cache.ts'
import { loadRegistries, type Registries } from './registries.ts'
import { compare } from '../shared/compare.ts'
import type { Progress } from '../shared/progress.ts'

/** Everything in a content folder, validated. */
export interface ContentSources {
  registries: Registries
  /** Every article, drafts and scheduled ones included, sorted by source path. */
  articles: ArticleSource[]
  /** Media files the articles use, sorted by path. */
  media: MediaFile[]
  /** Approved comments, sorted by file. */
  comments: CommentSource[]
  /** The newsroom's pages (`pages/**\/*.md`), sorted by path. */
  pages: PageSource[]
  /** site.yml's icon and the publisher's logo, when they are files of the content folder. */
  siteImages: { icon?: MediaFile; logo?: MediaFile }
  /** The articles' bodies, read when a page or search bundle needs them. */
  bodies: BodyStore
  /**
   * The SHA-256 of each article's file, by article id, as its source cache entry holds it: with the
   * registries and the loading code, the file's bytes make the article (its images by their bytes
   * are in its digest), so a page can tell it is made from the same article without serialising
   * it (see `articleKeys`). @default none (every page is keyed by what it shows)
   */
  sourceHashes?: ReadonlyMap<string, string>
}

/** Options of {@link loadContent}. */
export interface LoadOptions {
  /** The content folder. */
  contentDir: string
  /** Files read at once. @default 32 */
  concurrency?: number
  /** Cache folder (`.cache`); no caching when absent. */
  cacheDir?: string
  /** Threads loading articles. @default the number of cores from 2,000 articles on without a warm cache, else 1 */
  workers?: number
  /** Told how many articles are loaded. */
  progress?: Progress
  /**
   * Worker threads with small heaps (a young generation of 64 MB, an old one of 768 MB), as a build
   * shard wants: a worker holds one batch of articles at a time, and more memory only holds garbage
   * longer. @default false: 256 MB of young generation and no limit, which collects less often
   */
  lean?: boolean
  /**
   * Render the bodies of these cache groups only (a build shard's share, see `cacheGroup`); the
   * others are read for their front matter, and the caches are written for these groups only and
   * never pruned. @default every group
   */
  bodyGroups?: readonly string[]
  /**
   * Git's object ids of the articles (see `gitBlobIds`), when the caller asked git already: a build
   * asks while it does other work, and stamps the content with the same answer. @default asked here
   */
  gitBlobs?: Promise<ReadonlyMap<string, string>>
  /**
   * The article files (see {@link articlePaths}), when the caller listed them already: a build
   * stamps the content for the most-read index with the same list. @default listed here
   */
  articlePaths?: Promise<readonly string[]>
}

/**
 * What loaded, each article and page with its file and the places the content stage parsed: what
 * the site's checks across files read (see `checkSite`), even when other files have errors.
 */
export interface LoadedContent {
  registries: Registries
  /** The articles that loaded, in path order. */
  articles: LoadedArticle[]
  /** The newsroom's pages that loaded. */
  pages: LoadedPage[]
  /** Articles loaded only to know their addresses, whose own problems are not asked for (see `checkArticles`). @default none */
  others?: ArticleSource[]
}

/**
 * Reads and validates a whole content folder, reporting every problem of every file. Problems
 * across files that are about the site's addresses (two articles with one URL, aliases, newsroom
 * pages) are the site's to find: run `checkSite` on the result before using the sources.
 *
 * @param options Where the content is.
 * @returns The sources when no file has an error, all files with their problems, what loaded with
 *   its files and places (for `checkSite`), and how many articles came from the cache.
 */
export async function loadContent(
  options: LoadOptions
): Promise<{ sources: ContentSources | undefined; files: VFile[]; loaded?: LoadedContent; reused?: number }> {
  const contentDir = resolve(options.contentDir)
  const { registries, files: registryFiles } = await loadRegistries(contentDir)
  if (!registries) return { sources: undefined, files: registryFiles }

  const paths = await (options.articlePaths ?? articlePaths(contentDir))
  const { setup, measuresFile } = await articleSetup(contentDir, registries, options)
  // Threads pay off when articles are parsed and rendered from scratch; with a warm source cache,
  // starting them costs more than the little work left (3.5 s in one thread vs 5.1 s in two, for 10,000).
  const cold =
    setup.sourceCacheDir === undefined ||
    !(await stat(setup.sourceCacheDir).then(
      () => true,
      () => false
    ))
  const workers = Math.max(1, Math.min(options.workers ?? (paths.length >= 2000 && cold ? availableParallelism() : 1), paths.length))
  const progress = options.progress ?? (() => {})
  const batches = workers === 1 ? [await loadArticles(paths, setup, progress)] : await loadInWorkers(paths, setup, workers, progress, options.lean)
  const results = batches.flatMap((batch) => batch.results)
  const rendered = new Map(batches.flatMap((batch) => batch.bodies))
  const cachedGroups =
    setup.sourceCacheDir === undefined
      ? []
      : await writeCachedSources(
          setup.sourceCacheDir,
          batches.flatMap((batch) => batch.cacheEntries),
          new Set(batches.flatMap((batch) => batch.changedGroups)),
          contentDir,
          rendered
        )
  const files = [...registryFiles]
  const loaded: LoadedArticle[] = []
  const sourceHashes = sourceHashesOf(batches)
  for (const result of results) {
    const file = new VFile({ path: result.path })
    restoreMessages(file, result.messages)
    files.push(file)
    if (!result.article) continue
    // The places go with the article: the site reports duplicate URLs and aliases at them.
    loaded.push({ article: result.article, file, datePlace: result.datePlace, aliasPlaces: result.aliasPlaces })
  }
  const newsroom = await loadPages(contentDir, registries.site.embedHosts)
  files.push(...newsroom.files)
  // The site's icon and the publisher's logo (site.yml): checked here, so `check` reports them too.
  const [icon, logo] = await Promise.all([loadSiteIcon(contentDir, registries.site.icon), loadPublisherLogo(contentDir, registries.site.publisher.logo)])
  for (const problem of [icon.problem, logo.problem]) if (problem) files.push(problem)
  const articles = loaded.map((entry) => entry.article)
  // Articles that failed to load still own their comments' folders: no "unknown article" on top.
  const articleIds = new Set([
    ...articles.map((article) => article.id),
    ...paths.map((path) => path.slice(contentDir.length + '/articles/'.length, -'.md'.length)),
  ])
  // Comment files have their own code: a change to it leaves the articles' cache alone.
  const commentsCache = `comments.${(await cacheFingerprint('comments')).slice(0, 16)}.cache`
  const approved = await loadComments(
    contentDir,
    articleIds,
    registries.site.timeZone,
    setup.sourceCacheDir === undefined ? undefined : join(setup.sourceCacheDir, commentsCache),
    // The build's answer covers every file of the content folder; the loader's own, the articles only.
    options.gitBlobs === undefined ? undefined : await options.gitBlobs
  )
  for (const file of approved.files) files.push(file)
  const failed = files.some((file) => file.messages.some((message) => message.fatal === true))
  const media = [...new Map(batches.flatMap((batch) => batch.media.map((file) => [file.sourcePath, file] as const))).values()].sort((a, b) =>
    compare(a.sourcePath, b.sourcePath)
  )
  // A shard measured only some images: the file stays as the full builds wrote it.
  if (measuresFile && options.bodyGroups === undefined)
    await writeMeasuredImages(measuresFile, new Map(batches.flatMap((batch) => batch.measured)), media, new Map(batches.flatMap((batch) => batch.stamps)))
  const reused = batches.reduce((total, batch) => total + batch.reused, 0)
  if (!failed && setup.sourceCacheDir !== undefined && setup.markdownCache !== undefined && options.bodyGroups === undefined) {
    // Only after a load without errors: entries made by older code or registries, groups no article
    // belongs to, bodies no article uses, and files killed runs left.
    await pruneCacheFolder(dirname(setup.sourceCacheDir), [basename(setup.sourceCacheDir)])
    const groupsGone = await pruneCacheFolder(setup.sourceCacheDir, [...cachedGroups, commentsCache])
    // The bodies' cache is pruned only when a body may have lost its last article: one the source
    // cache knew changed or is gone (with its folder, its group goes), or the source cache was
    // empty (new code or registries: the bodies of the old may all be left). Not when articles
    // were only added: their bodies are new entries, used. Listing the folder costs half a second
    // at 100,000 articles, on every publish; a file a killed run left waits for the next prune.
    if (cold || groupsGone > 0 || batches.some((batch) => batch.stale > 0))
      await pruneMarkdownCache(
        setup.markdownCache.dir,
        batches.flatMap((batch) => batch.markdownKeys)
      )
  }
  return {
    sources: failed
      ? undefined
      : {
          registries,
          articles,
          media,
          comments: approved.comments,
          pages: newsroom.pages.map((entry) => entry.page),
          siteImages: { ...(icon.media ? { icon: icon.media } : {}), ...(logo.media ? { logo: logo.media } : {}) },
          bodies: bodyStore(articles, rendered, contentDir, setup),
          sourceHashes,
        },
    files,
    loaded: { registries, articles: loaded, pages: newsroom.pages },
    reused,
  }
}

/**
 * The article files of a content folder (`articles/**\/*.md`), absolute and sorted by code point:
 * listed once per build (a walk of 100,000 files), for the loader and the most-read stamp.
 *
 * @param contentDir The content folder.
 */
export async function articlePaths(contentDir: string): Promise<string[]> {
  return (await glob('articles/**/*.md', { cwd: resolve(contentDir), absolute: true })).sort()
}

/** What loading articles needs, with the caches in `cacheDir` when one is given. */
async function articleSetup(
  contentDir: string,
  registries: Registries,
  options: Pick<LoadOptions, 'cacheDir' | 'concurrency' | 'bodyGroups' | 'gitBlobs'>
): Promise<{ setup: ArticleSetup; measuresFile: string | undefined }> {
  const measuresFile = options.cacheDir === undefined ? undefined : join(resolve(options.cacheDir), 'media-measures.json')
  const encoder = await imageEncoder()
  const earlier = measuresFile ? await readMeasuredImages(measuresFile) : { measured: new Map(), stamps: new Map() }
  const setup: ArticleSetup = {
    contentDir,
    registries,
    encoder,
    measured: [...earlier.measured.entries()],
    stamps: [...earlier.stamps.entries()],
    concurrency: options.concurrency ?? 32,
    ...(options.bodyGroups === undefined ? {} : { bodyGroups: [...options.bodyGroups] }),
    ...(options.cacheDir === undefined
      ? {}
      : {
          markdownCache: {
            dir: join(resolve(options.cacheDir), 'markdown', folderKey(contentDir)),
            fingerprint: await processorFingerprint(registries.site.embedHosts),
          },
          sourceCacheDir: join(resolve(options.cacheDir), 'sources', folderKey(contentDir), await sourceCacheKey(registries, encoder)),
          // Only worth asking git with entries to compare: a cold load reads every file anyway.
          gitBlobs: [...(await (options.gitBlobs ?? gitBlobIds(contentDir, 'articles')))],
        }),
  }
  return { setup, measuresFile }
}

/**
 * The second step of a build shard: after a load of the front matter only (`bodyGroups: []`),
 * loads the articles of some folders again, bodies rendered, and writes their cache entries as a
 * whole load would (nothing is pruned). The front matter is the same, so the site's checks across
 * files (URLs, aliases, comments) stand as the first load made them.
 *
 * @param first What the front-matter load returned, without errors.
 * @param options The content and cache folders, and the cache groups (see `cacheGroup`) to render.
 * @returns The sources with those articles whole, or the files with their problems.
 */
export async function loadBodies(
  first: { sources: ContentSources; files: VFile[] },
  options: Pick<LoadOptions, 'contentDir' | 'cacheDir' | 'workers' | 'progress' | 'lean'> & { groups: readonly string[] }
): Promise<{ sources: ContentSources | undefined; files: VFile[] }> {
  const contentDir = resolve(options.contentDir)
  const groups = new Set(options.groups)
  const paths = (await articlePaths(contentDir)).filter((path) => groups.has(cacheGroup(contentDir, path)))
  const { setup } = await articleSetup(contentDir, first.sources.registries, options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir })
  const workers = Math.max(1, Math.min(options.workers ?? (paths.length >= 2000 ? availableParallelism() : 1), paths.length))
  const progress = options.progress ?? (() => {})
  const batches = workers === 1 ? [await loadArticles(paths, setup, progress)] : await loadInWorkers(paths, setup, workers, progress, options.lean)
  const rendered = new Map(batches.flatMap((batch) => batch.bodies))
  if (setup.sourceCacheDir !== undefined) {
    await writeCachedSources(
      setup.sourceCacheDir,
      batches.flatMap((batch) => batch.cacheEntries),
      new Set(batches.flatMap((batch) => batch.changedGroups)),
      contentDir,
      rendered
    )
  }
  const results = new Map(batches.flatMap((batch) => batch.results).map((result) => [result.path, result]))
  const files = first.files.map((file) => {
    const result = results.get(file.path)
    if (!result) return file
    const again = new VFile({ path: result.path })
    restoreMessages(again, result.messages)
    return again
  })
  if (files.some((file) => file.messages.some((message) => message.fatal === true))) return { sources: undefined, files }
  const articles = first.sources.articles.map((article) => results.get(join(contentDir, article.sourcePath))?.article ?? article)
  const media = new Map(first.sources.media.map((file) => [file.sourcePath, file]))
  for (const file of batches.flatMap((batch) => batch.media)) media.set(file.sourcePath, file)
  return {
    sources: {
      ...first.sources,
      articles,
      media: [...media.values()].sort((a, b) => compare(a.sourcePath, b.sourcePath)),
      bodies: bodyStore(articles, rendered, contentDir, setup),
      sourceHashes: new Map([...(first.sources.sourceHashes ?? []), ...sourceHashesOf(batches)]),
    },
    files,
  }
}

/** The SHA-256 of each loaded article's file, by article id (see {@link ContentSources.sourceHashes}). */
function sourceHashesOf(batches: readonly ArticleBatch[]): Map<string, string> {
  const hashes = new Map<string, string>()
  // Each article's cache entry holds its outcome beside its file's hash, whether it came from the cache or not.
  for (const batch of batches) {
    for (const entry of batch.cacheEntries) if (entry.result.article) hashes.set(entry.result.article.id, entry.hash)
    for (const [id, hash] of batch.outlineHashes) hashes.set(id, hash)
  }
  return hashes
}

/**
 * Where each article's body is: with a source cache, in its group's file (written by then), so
 * none stays in memory; without one, the bodies rendered in this run. An article read without
 * its body has none.
 *
 * @param articles The loaded articles.
 * @param rendered The bodies rendered in this run, by absolute path.
 * @param contentDir The content folder (absolute).
 * @param setup How the articles were loaded: the source cache folder, if any.
 */
function bodyStore(articles: readonly ArticleSource[], rendered: ReadonlyMap<string, string>, contentDir: string, setup: ArticleSetup): BodyStore {
  const cacheDir = setup.sourceCacheDir
  // Found when a body is read (a rebuild reads a few dozen), not made up front for every article:
  // a place for each of 100,000 articles took 0.4 s of every build.
  const byId = new Map(articles.map((article) => [article.id, article]))
  const placeOf = (id: string): BodyPlace | undefined => {
    const article = byId.get(id)
    if (article === undefined || isUnrendered(article)) return undefined
    const path = join(contentDir, article.sourcePath)
    if (cacheDir !== undefined) return { path, digest: article.digest }
    const html = rendered.get(path)
    return html === undefined ? undefined : { html }
  }
  // A body the cache lacks is rendered again from its file, through the source cache's code but
  // around the cache itself (its entry would say "reuse"); the Markdown cache still serves.
  const restore = async (paths: readonly string[]): Promise<Map<string, string>> => {
    const { sourceCacheDir: _cache, bodyGroups: _groups, gitBlobs: _blobs, ...uncached } = setup
    // A search bundle of an old year asks for thousands at once: threads, as a cold load uses.
    const batches = paths.length >= 2000 ? await loadInWorkers(paths, uncached, availableParallelism(), () => {}) : [await loadArticles(paths, uncached)]
    return new Map(batches.flatMap((batch) => batch.bodies))
  }
  return createBodyStore(placeOf, cacheDir === undefined ? undefined : { dir: cacheDir, contentDir, restore })
}

/** A short key per content folder, so caches of different archives never evict each other. */
export function folderKey(contentDir: string): string {
  return createHash('sha256').update(resolve(contentDir)).digest('hex').slice(0, 12)
}

/**
 * Loads articles in worker threads, each a contiguous share of the sorted paths, so the results
 * come back in the same order as in one thread. Unified, YAML and zod are CPU-bound: this is what
 * uses the machine's other cores.
 *
 * @param paths Sorted article paths.
 * @param setup What every worker needs.
 * @param workers How many threads.
 * @param progress Told how many articles all threads have loaded.
 * @param lean Small heaps (see {@link LoadOptions.lean}).
 */
async function loadInWorkers(paths: readonly string[], setup: ArticleSetup, workers: number, progress: Progress, lean = false): Promise<ArticleBatch[]> {
  let loaded = 0
  const size = Math.ceil(paths.length / workers)
  const shares = await Promise.all(
    Array.from({ length: workers }, (_, index) => {
      const share = paths.slice(index * size, (index + 1) * size)
      return new Promise<ArticleBatch[]>((done, fail) => {
        const batches: ArticleBatch[] = []
        const worker = startTypeScriptWorker(new URL('./load-worker.ts', import.meta.url), {
          workerData: { paths: share, setup, batchSize: 2000 },
          // As for the main thread (scripts/toasoan.js): a larger young generation, less time collecting.
          resourceLimits: lean ? { maxYoungGenerationSizeMb: 64, maxOldGenerationSizeMb: 768 } : { maxYoungGenerationSizeMb: 256 },
        })
        worker.on('message', (message: { batch: ArticleBatch } | { progress: number } | { end: true }) => {
          if ('progress' in message) {
            loaded += message.progress
            progress(loaded, paths.length)
          } else if ('batch' in message) batches.push(message.batch)
          else done(batches)
        })
        worker.once('error', fail)
        worker.once('exit', (code) => {
          if (code !== 0) fail(new Error(`an article loader thread stopped with code ${code}`))
        })
      })
    })
  )
  return shares.flat()
}
