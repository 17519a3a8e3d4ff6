import { readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Position } from 'unist'
import { VFile } from 'vfile'
import { createMarkdownCache, createMarkdownProcessor, recordingKeys } from '../markdown/index.ts'
import { loadArticle, type AliasPlaces, type ArticleSource } from './article.ts'
import { createContentStat, reportFileOutside } from './content-boundary.ts'
import type { ImageSet } from '../images/plan-image.ts'
import { createMediaReader, imageCandidates, readFirstMedia, type MediaFile, type MediaProblem, type MediaStamp } from './media.ts'
import { cacheGroup, hashText, readCachedSources, type CachedSource, type FileStamp } from './source-cache.ts'
import { gitBlobId } from './git-blobs.ts'
import type { Registries } from './registries.ts'
import { mapLimit } from '../shared/files.ts'
import type { Progress } from '../shared/progress.ts'

/** What loading articles needs: plain data, so a worker thread can receive it. */
export interface ArticleSetup {
  contentDir: string
  registries: Registries
  /**
   * Cache of rendered Markdown: its folder (`.cache/markdown/<content>`) and the processor's
   * fingerprint, computed once by the main thread; no caching when absent.
   */
  markdownCache?: { dir: string; fingerprint: string }
  /** Image measurements from earlier builds, by content hash. */
  measured: Array<[string, { width: number; height: number; alpha: boolean }]>
  /** Media files' stamps from earlier builds, by path (see `MediaStamp`). */
  stamps: Array<[string, MediaStamp]>
  /** Identity of the image encoder, computed once by the main thread (see `imageEncoder`). */
  encoder: string
  /** Files read at once. */
  concurrency: number
  /** Cache of loaded articles (see source-cache.ts); none when absent. */
  sourceCacheDir?: string
  /**
   * The cache groups (see `cacheGroup`) whose bodies are rendered; the other articles are read for
   * their front matter only, and neither cached nor rendered. @default every group
   */
  bodyGroups?: string[]
  /** Git's object id of each article whose working copy is its index entry (see `gitBlobIds`), by path. */
  gitBlobs?: Array<[string, string]>
}

/** A problem, as plain data. */
export interface PlainMessage {
  reason: string
  line: number
  column: number
  ruleId: string
  fatal: boolean
  note: string
}

/** One article's outcome, as plain data. */
export interface ArticleResult {
  path: string
  article?: ArticleSource
  messages: PlainMessage[]
  datePlace?: Position
  aliasPlaces: AliasPlaces
}

/** What a batch of articles produced besides their results. */
export interface ArticleBatch {
  results: ArticleResult[]
  /** Cache entries of the articles that loaded, from the cache or from scratch. */
  cacheEntries: CachedSource[]
  /** The bodies rendered in this batch, by path (those from the cache stay in its files). */
  bodies: Array<[path: string, html: string]>
  /** The file hash of each article loaded without its body (a shard's first load), by id: no cache entry holds it. */
  outlineHashes: Array<[id: string, hash: string]>
  /** Cache groups holding an article that was loaded from scratch. */
  changedGroups: string[]
  /** Articles taken from the cache. */
  reused: number
  /** Cache entries read but not taken: their article changed or is gone. */
  stale: number
  /** Images the articles use. */
  media: MediaFile[]
  /** Markdown cache keys of every article's body, from the cache or from scratch (the rest is pruned). */
  markdownKeys: string[]
  /** Every image measurement known after this batch. */
  measured: ArticleSetup['measured']
  /** Every media stamp known after this batch. */
  stamps: ArticleSetup['stamps']
}

/**
 * Loads a batch of articles (in this thread or in a worker): validates each and renders its body.
 *
 * @param paths Absolute paths of Markdown files, in order.
 * @param setup Registries, caches and limits.
 * @param progress Told how many articles are done.
 */
export async function loadArticles(paths: readonly string[], setup: ArticleSetup, progress: Progress = () => {}): Promise<ArticleBatch> {
  const { registries } = setup
  const measured = new Map(setup.measured)
  const stamps = new Map(setup.stamps)
  const context = {
    contentDir: setup.contentDir,
    registries,
    localityIds: new Set(registries.localities.map((locality) => locality.id)),
    authorIds: new Set(registries.authors.map((author) => author.id)),
    categoryIds: registries.categories ? new Set(registries.categories.map((category) => category.id)) : undefined,
    processor: createMarkdownProcessor({ embedHosts: registries.site.embedHosts }),
    readMedia: createMediaReader(setup.contentDir, registries.site.maxImageMegapixels * 1_000_000, measured, stamps),
    media: new Map<string, MediaFile>(),
    imageSets: new Map<string, ImageSet>(),
    encoder: setup.encoder,
    ...(setup.markdownCache === undefined ? {} : { markdownCache: createMarkdownCache(setup.markdownCache.dir, setup.markdownCache.fingerprint) }),
  }
  const cached = setup.sourceCacheDir
    ? await readCachedSources(
        setup.sourceCacheDir,
        paths.map((path) => cacheGroup(setup.contentDir, path))
      )
    : new Map<string, CachedSource>()
  const bodyGroups = setup.bodyGroups === undefined ? undefined : new Set(setup.bodyGroups)
  const cacheEntries = new Map<string, CachedSource>()
  const bodies: Array<[string, string]> = []
  const outlineHashes: Array<[string, string]> = []
  const changedGroups = new Set<string>()
  const markdownKeys: string[] = []
  let reused = 0
  let done = 0
  const statArticle = createContentStat(setup.contentDir)
  const gitBlobs = new Map(setup.gitBlobs)
  // Articles of one folder name the same images: each is resolved once per folder, and once
  // resolved, looked up without awaiting (100,000 cached articles, most naming resolved images).
  const resolved = new Map<string, Promise<MediaFile | MediaProblem>>()
  const settled = new Map<string, MediaFile | MediaProblem>()
  const resolveImage = (src: string, folder: string): Promise<MediaFile | MediaProblem> => {
    const key = `${folder}\0${src}`
    let file = resolved.get(key)
    if (file === undefined) {
      const candidates = imageCandidates(src, folder, setup.contentDir)
      file = candidates === 'outside' ? Promise.resolve('outside' as const) : readFirstMedia(candidates, context.readMedia)
      resolved.set(key, file)
      // A failure is the caller's to handle, where it awaits this promise; here it only stays unsettled.
      file.then(
        (found) => settled.set(key, found),
        () => {}
      )
    }
    return file
  }
  // A cached article stands only if each image still resolves to the same file (a new file beside
  // the article would win over media/) with the same bytes (their hash is in the URLs).
  const sameFile = (file: MediaFile | MediaProblem, path: string, hash: string): boolean => {
    if (typeof file === 'string' || file.sourcePath !== path || file.hash !== hash) return false
    context.media.set(path, file)
    return true
  }
  const imagesUnchanged = (article: string, media: CachedSource['media']): boolean | Promise<boolean> => {
    const folder = dirname(article)
    for (const [index, { src, path, hash }] of media.entries()) {
      const file = settled.get(`${folder}\0${src}`)
      if (file === undefined) return imagesResolved(folder, media.slice(index))
      if (!sameFile(file, path, hash)) return false
    }
    return true
  }
  const imagesResolved = async (folder: string, media: CachedSource['media']): Promise<boolean> => {
    for (const { src, path, hash } of media) if (!sameFile(await resolveImage(src, folder), path, hash)) return false
    return true
  }
  const results = await mapLimit(paths, setup.concurrency, async (path): Promise<ArticleResult> => {
    progress(done++, paths.length)
    const hit = cached.get(path)
    // Git's index knows these bytes (a fresh checkout, whose stamps are all new): neither stat nor read.
    const blob = gitBlobs.get(path)
    const known = blob !== undefined && hit?.blob === blob && imagesUnchanged(path, hit.media)
    // Answered without waiting once the article's images are resolved (see `imagesUnchanged`).
    if (hit !== undefined && (known === true || (known !== false && (await known)))) {
      cacheEntries.set(path, hit)
      if (hit.markdown) markdownKeys.push(...hit.markdown)
      reused++
      return hit.result
    }
    // Synchronous: for small files one blocking call is cheaper than fs/promises' round trips
    // through the thread pool (1.1 s vs 1.6 s to read and hash 10,000 articles).
    const found = statArticle(path)
    // Never read, and never cached: the link may be put right before the next build.
    if ('outside' in found) return outsideResult(path, setup.contentDir, found.outside)
    const info = found.stats
    const stamp: FileStamp = { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino }
    const same = hit?.stat !== undefined && hit.stat.size === stamp.size && hit.stat.mtimeMs === stamp.mtimeMs && hit.stat.ino === stamp.ino
    let bytes: Buffer | undefined
    // Bytes, not text: decodeSource reports what is not UTF-8 at its place (see article.ts).
    const read = (): Buffer => (bytes ??= readFileSync(path))
    const hash = same && hit ? hit.hash : hashText(read())
    const unchanged = hit !== undefined && hit.hash === hash && imagesUnchanged(path, hit.media)
    if (hit !== undefined && (unchanged === true || (unchanged !== false && (await unchanged)))) {
      cacheEntries.set(path, hit)
      if (hit.markdown) markdownKeys.push(...hit.markdown)
      reused++
      return hit.result
    }
    const group = cacheGroup(setup.contentDir, path)
    if (bodyGroups !== undefined && !bodyGroups.has(group)) {
      const loaded = await loadArticle(path, read(), { ...context, bodies: false })
      const result: ArticleResult = { path, messages: loaded.file.messages.map(plainMessage), aliasPlaces: loaded.aliasPlaces ?? [] }
      if (loaded.datePlace) result.datePlace = loaded.datePlace
      if (loaded.article) {
        result.article = loaded.article
        outlineHashes.push([loaded.article.id, hash])
      }
      return result
    }
    changedGroups.add(group)
    const keys: string[] = []
    const loaded = await loadArticle(path, read(), context.markdownCache ? { ...context, markdownCache: recordingKeys(context.markdownCache, keys) } : context)
    markdownKeys.push(...keys)
    const result: ArticleResult = { path, messages: loaded.file.messages.map(plainMessage), aliasPlaces: loaded.aliasPlaces ?? [] }
    if (loaded.datePlace) result.datePlace = loaded.datePlace
    if (loaded.article) {
      result.article = loaded.article
      if (loaded.body !== undefined) bodies.push([path, loaded.body])
      const media = (loaded.images ?? []).map((image) => ({ src: image.src, path: image.set.source, hash: context.media.get(image.set.source)?.hash ?? '' }))
      cacheEntries.set(path, { path, hash, stat: stamp, blob: gitBlobId(read()), result, media, markdown: keys })
    }
    return result
  })
  progress(paths.length, paths.length)
  return {
    results,
    cacheEntries: paths.flatMap((path) => (cacheEntries.has(path) ? [cacheEntries.get(path) as CachedSource] : [])),
    bodies,
    outlineHashes,
    changedGroups: [...changedGroups],
    reused,
    stale: cached.size - reused,
    media: [...context.media.values()],
    markdownKeys,
    measured: [...measured.entries()],
    stamps: [...stamps.entries()],
  }
}

/** The result of an article whose file leads out of the content folder (`file-outside-content`). */
function outsideResult(path: string, contentDir: string, real: string): ArticleResult {
  const file = new VFile({ path })
  reportFileOutside(file, contentDir, real)
  return { path, messages: file.messages.map(plainMessage), aliasPlaces: [] }
}

/**
 * A problem as plain data, for the cache and for worker threads.
 *
 * @param message A vfile message.
 */
export function plainMessage(message: VFile['messages'][number]): PlainMessage {
  return {
    reason: message.reason,
    line: message.line ?? 1,
    column: message.column ?? 1,
    ruleId: message.ruleId ?? 'toasoan',
    fatal: message.fatal === true,
    note: message.note ?? '',
  }
}

/**
 * Puts plain messages back on a file, as they were reported.
 *
 * @param file The file.
 * @param messages Its problems.
 */
export function restoreMessages(file: VFile, messages: readonly PlainMessage[]): void {
  for (const plain of messages) {
    const message = file.message(plain.reason, { place: { line: plain.line, column: plain.column }, ruleId: plain.ruleId, source: 'toasoan' })
    message.fatal = plain.fatal
    if (plain.note) message.note = plain.note
  }
}
