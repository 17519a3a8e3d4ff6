import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Position } from 'unist'
import type { VFile } from 'vfile'
import { createMarkdownCache, createMarkdownProcessor, processorFingerprint } from '../markdown/index.ts'
import { loadArticle, type AliasPlaces, type ArticleSource } from './article.ts'
import type { ImageSet } from '../images/plan-image.ts'
import { createMediaReader, type MediaFile } from './media.ts'
import type { Registries } from './registries.ts'

/** What loading articles needs: plain data, so a worker thread can receive it. */
export interface ArticleSetup {
  contentDir: string
  registries: Registries
  /** Cache folder for rendered Markdown; no caching when absent. */
  cacheDir?: string
  /** Image measurements from earlier builds, by content hash. */
  measured: Array<[string, { width: number; height: number; alpha: boolean }]>
  /** Files read at once. */
  concurrency: number
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
  /** Images the articles use. */
  media: MediaFile[]
  /** Every image measurement known after this batch. */
  measured: ArticleSetup['measured']
}

/**
 * Loads a batch of articles (in this thread or in a worker): validates each and renders its body.
 *
 * @param paths Absolute paths of Markdown files, in order.
 * @param setup Registries, caches and limits.
 */
export async function loadArticles(paths: readonly string[], setup: ArticleSetup): Promise<ArticleBatch> {
  const { registries } = setup
  const measured = new Map(setup.measured)
  const context = {
    contentDir: setup.contentDir,
    registries,
    localityIds: new Set(registries.localities.map((locality) => locality.id)),
    authorIds: new Set(registries.authors.map((author) => author.id)),
    categoryIds: registries.categories ? new Set(registries.categories.map((category) => category.id)) : undefined,
    processor: createMarkdownProcessor({ embedHosts: registries.site.embedHosts }),
    readMedia: createMediaReader(registries.site.maxImageMegapixels * 1_000_000, measured),
    media: new Map<string, MediaFile>(),
    imageSets: new Map<string, ImageSet>(),
    ...(setup.cacheDir === undefined
      ? {}
      : { markdownCache: createMarkdownCache(join(resolve(setup.cacheDir), 'markdown'), await processorFingerprint(registries.site.embedHosts)) }),
  }
  const results = await mapLimit(paths, setup.concurrency, async (path): Promise<ArticleResult> => {
    const loaded = await loadArticle(path, await readFile(path, 'utf8'), context)
    const result: ArticleResult = { path, messages: loaded.file.messages.map(plainMessage), aliasPlaces: loaded.aliasPlaces ?? [] }
    if (loaded.article) result.article = loaded.article
    if (loaded.datePlace) result.datePlace = loaded.datePlace
    return result
  })
  return { results, media: [...context.media.values()], measured: [...measured.entries()] }
}

function plainMessage(message: VFile['messages'][number]): PlainMessage {
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
