import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { glob } from 'tinyglobby'
import type { VFile } from 'vfile'
import { createMarkdownCache, createMarkdownProcessor, processorFingerprint } from '../markdown/index.ts'
import { checkAliases, type LoadedArticle } from './aliases.ts'
import { loadComments, type CommentSource } from './comments.ts'
import { loadArticle, type ArticleSource } from './article.ts'
import { createMediaReader, readMeasuredImages, writeMeasuredImages, type MediaFile } from './media.ts'
import { loadRegistries, type Registries } from './registries.ts'
import { report } from './report.ts'

/** Everything in a content folder, validated. */
export interface ContentSources {
  registries: Registries
  /** Every article, drafts and scheduled ones included, sorted by source path. */
  articles: ArticleSource[]
  /** Media files the articles use, sorted by path. */
  media: MediaFile[]
  /** Approved comments, sorted by file. */
  comments: CommentSource[]
}

/** Options of {@link loadContent}. */
export interface LoadOptions {
  /** The content folder. */
  contentDir: string
  /** Files read at once. @default 32 */
  concurrency?: number
  /** Cache folder for rendered Markdown; no caching when absent. */
  cacheDir?: string
}

/**
 * Reads and validates a whole content folder, reporting every problem of every file.
 *
 * @param options Where the content is.
 * @returns The sources when there is no error, and all files with their problems.
 */
export async function loadContent(options: LoadOptions): Promise<{ sources: ContentSources | undefined; files: VFile[] }> {
  const contentDir = resolve(options.contentDir)
  const { registries, files } = await loadRegistries(contentDir)
  if (!registries) return { sources: undefined, files }

  const paths = (await glob('articles/**/*.md', { cwd: contentDir, absolute: true })).sort()
  const measuresFile = options.cacheDir === undefined ? undefined : join(resolve(options.cacheDir), 'media-measures.json')
  const measured = measuresFile ? await readMeasuredImages(measuresFile) : new Map()
  const context = {
    contentDir,
    registries,
    localityIds: new Set(registries.localities.map((locality) => locality.id)),
    authorIds: new Set(registries.authors.map((author) => author.id)),
    categoryIds: registries.categories ? new Set(registries.categories.map((category) => category.id)) : undefined,
    processor: createMarkdownProcessor({ embedHosts: registries.site.embedHosts }),
    readMedia: createMediaReader(registries.site.maxImageMegapixels * 1_000_000, measured),
    media: new Map<string, MediaFile>(),
    ...(options.cacheDir === undefined
      ? {}
      : { markdownCache: createMarkdownCache(join(resolve(options.cacheDir), 'markdown'), await processorFingerprint(registries.site.embedHosts)) }),
  }
  const results = await mapLimit(paths, options.concurrency ?? 32, async (path) => loadArticle(path, await readFile(path, 'utf8'), context))
  const loaded: LoadedArticle[] = []
  const byUrl = new Map<string, ArticleSource>()
  for (const result of results) {
    files.push(result.file)
    if (!result.article) continue
    const other = byUrl.get(result.article.url)
    if (other) {
      report(result.file, 'duplicate-url', { url: result.article.url, other: other.sourcePath }, result.datePlace)
      continue
    }
    byUrl.set(result.article.url, result.article)
    loaded.push({ article: result.article, file: result.file, aliasPlaces: result.aliasPlaces ?? [] })
  }
  checkAliases(loaded, registries)
  const articles = loaded.map((entry) => entry.article)
  // Articles that failed to load still own their comments' folders: no "unknown article" on top.
  const articleIds = new Set([...articles.map((article) => article.id), ...paths.map((path) => path.slice(contentDir.length + '/articles/'.length, -'.md'.length))])
  const approved = await loadComments(contentDir, articleIds, registries.site.timeZone)
  files.push(...approved.files)
  const failed = files.some((file) => file.messages.some((message) => message.fatal === true))
  const media = [...context.media.values()].sort((a, b) => compare(a.sourcePath, b.sourcePath))
  if (measuresFile) await writeMeasuredImages(measuresFile, measured, media.map((file) => file.hash))
  return { sources: failed ? undefined : { registries, articles, media, comments: approved.comments }, files }
}

/** Orders strings by code point, the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
