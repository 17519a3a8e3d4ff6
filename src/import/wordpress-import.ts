import { statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { VFile } from 'vfile'
import { codeFingerprint } from '../cache/code-fingerprint.ts'
import type { Registries } from '../content/registries.ts'
import { startConvertThreads } from './convert-threads.ts'
import { commentText } from './front-matter-text.ts'
import { appendAuthors, importAuthors } from './import-authors.ts'
import { emptyMap, type ImportMap } from './import-map.ts'
import { noCounts, recordAction, recordWrite, type ImportCounts, type ImportResult } from './import-report.ts'
import { heldRecord, keepRecord, recordKey, type ImportRecord, type RecordInputs } from './import-record.ts'
import { reportImport, type ImportRuleId } from './import-rules.ts'
import { withDigest, writeImported, type WriteOutcome } from './imported-file.ts'
import { copyMedia, uploadsResolver } from './media-copy.ts'
import { findMovedPosts } from './moved-posts.ts'
import type { AttachmentInfo } from './shortcodes.ts'
import { countComments, finishPost, planPost, type ConvertedPost, type PostContext } from './wordpress-post.ts'
import { isCurrentFile, sourceDigest, type SourceInputs } from './wordpress-source.ts'
import { readAuthor, readItem, type WxrItem } from './wxr-item.ts'
import { childText, ownString, streamXml, textOf, type XmlElement } from './xml-stream.ts'

/** Options of {@link importWordpress}. */
export interface WordpressImportOptions {
  /** The WXR file (Tools → Export). */
  exportPath: string
  contentDir: string
  registries: Registries
  /** `--map`, already read and checked. @default no mapping */
  map?: ImportMap
  /** `--locality`: for posts the map does not place. */
  locality?: string
  /** `--media`: a copy of `wp-content/uploads`. */
  mediaDir?: string
  /** Decide, print, write nothing. @default false */
  dryRun?: boolean
  /**
   * Threads converting posts beside the main thread; the output is the same with any number.
   * @default one per core from 500 posts and more (starting one costs about a second), else none
   */
  threads?: number
}

/**
 * Imports a WordPress export into the content folder, reading it twice as a stream: first the
 * authors and attachments (which posts refer to in any order), then the posts, each written as it
 * is read. Files edited since an earlier import, and files it did not write, are left as they are.
 *
 * @param options The export, the content folder and the options of the command.
 */
export async function importWordpress(options: WordpressImportOptions): Promise<ImportResult> {
  const file = new VFile({ path: options.exportPath })
  const result: ImportResult = { files: [file], counts: noCounts(), actions: [], listActions: options.dryRun ?? false, unreadable: false }
  const dryRun = options.dryRun ?? false
  const code = await importCode()
  const map = options.map ?? emptyMap()
  // An import of the very export an earlier one read, with the same options, map, media, authors
  // and code, into files nobody touched since, would find every post current: its record says
  // what it would report (import-record.ts). A dry run always reads the export.
  const exportStamp = stampOf(options.exportPath)
  const recordInputs: RecordInputs | undefined =
    code === undefined || dryRun
      ? undefined
      : {
          code,
          exportPath: options.exportPath,
          contentDir: options.contentDir,
          mediaDir: options.mediaDir,
          locality: options.locality,
          settings: JSON.stringify([options.registries.site.timeZone, [...map.localities], [...map.categories], [...map.authors]]),
        }
  const key = recordInputs && (await recordKey(recordInputs, JSON.stringify(options.registries.authors)).catch(() => undefined))
  const held = key === undefined ? undefined : await heldRecord(options.contentDir, key)
  if (held) {
    for (const [rule, reason, place] of held.messages) reportImport(file, rule, reason, place)
    result.counts = { ...held.counts }
    return result
  }
  const attachments = new Map<string, AttachmentInfo>()
  const byParent = new Map<string, string[]>()
  const displayNames = new Map<string, string>()
  const hosts = new Set<string>()
  let posts = 0
  const addHost = (url: string): void => {
    if (URL.canParse(url)) hosts.add(new URL(url).hostname)
  }
  const first = await streamXml(options.exportPath, 3, (element: XmlElement) => {
    if (element.name === 'wp:author') {
      const author = readAuthor(element)
      displayNames.set(ownString(author.login), ownString(author.displayName))
    } else if (element.name === 'wp:base_site_url' || element.name === 'wp:base_blog_url' || element.name === 'link') {
      addHost(textOf(element).trim())
    } else if (element.name === 'item' && childText(element, 'wp:post_type') === 'attachment') {
      const item = readItem(element)
      addHost(item.attachmentUrl)
      const alt = item.meta.get('_wp_attachment_image_alt') ?? ''
      const id = ownString(item.id)
      const parent = ownString(item.parent)
      attachments.set(id, { url: ownString(item.attachmentUrl), alt: ownString(alt.trim()), caption: ownString(item.excerpt.trim()), parent })
      const siblings = byParent.get(parent)
      if (siblings) siblings.push(id)
      else byParent.set(parent, [id])
    } else if (element.name === 'item') posts++
  })
  if (first) {
    reportImport(file, 'invalid-xml', `Invalid XML: ${first.reason}`, first.place)
    result.unreadable = true
    return result
  }
  const authors = importAuthors(options.registries.authors, options.map?.authors ?? new Map(), displayNames)
  const inputs: Omit<SourceInputs, 'code'> = {
    timeZone: options.registries.site.timeZone,
    attachments,
    attachmentsOf: (postId) => byParent.get(postId) ?? [],
    map,
    defaultLocality: options.locality,
    authorId: authors.idOf,
    resolveImage: uploadsResolver(hosts, options.mediaDir),
  }
  const context: Omit<PostContext, 'report'> = {
    ...inputs,
    usedIds: new Set(),
    reportedOnce: new Set(),
    ...(code === undefined
      ? {}
      : {
          sourceOf: (item: WxrItem) => sourceDigest(item, { ...inputs, code }),
          isCurrent: (path: string, source: string) => isCurrentFile(options.contentDir, path, source),
        }),
  }
  // Posts are planned one by one in file order (slugs are given out in that order), their text made
  // on conversion threads when there are many, and written a few at a time: on a loaded disk,
  // waiting for one file at a time was most of an import.
  const threadCount = options.threads ?? (posts >= 500 ? availableParallelism() : 0)
  const threads =
    threadCount > 0
      ? startConvertThreads(threadCount, { timeZone: inputs.timeZone, attachments, byParent, hosts: [...hosts], mediaDir: options.mediaDir })
      : undefined
  const writing = new Set<Promise<void>>()
  // The first write or conversion that failed, thrown once every other has settled.
  let failed: unknown
  const run: WriteRun = { options, result, file, copied: new Set(), newFiles: new Map(), reimport: false }
  // What a re-import of this export would report, for the record kept at the end.
  const record = { counts: noCounts(), messages: [] as ImportRecord['messages'], files: [] as Array<[string, string]> }
  const second = await streamXml(options.exportPath, 3, async (element) => {
    if (element.name !== 'item') return
    const item = readItem(element)
    if (item.type === 'attachment') return
    const report: PostContext['report'] = (rule, reason) => void reportImport(file, rule, reason, item.place)
    const planned = planPost(item, {
      ...context,
      report: (rule, reason) => {
        record.messages.push([rule, reason, item.place])
        report(rule, reason)
      },
    })
    if (planned.kind === 'skip') {
      result.counts.skipped++
      record.counts.skipped++
      return
    }
    if (planned.kind === 'current') {
      run.reimport = true
      for (const counts of [result.counts, record.counts]) countCurrent(counts, planned)
      record.files.push([planned.path, planned.source])
      return
    }
    const converting = threads
      ? threads.convert(item, planned)
      : Promise.resolve().then(() => {
          const reports: Array<[ImportRuleId, string]> = []
          const converted = finishPost(item, planned, { ...context, report: (rule, reason) => void reports.push([rule, reason]) })
          return { converted, reports }
        })
    const task = converting
      .then(async ({ converted, reports }) => {
        for (const [rule, reason] of reports) report(rule, reason)
        if (converted.kind === 'skip' || converted.kind === 'current') {
          result.counts.skipped++
          record.counts.skipped++
          for (const [rule, reason] of reports) record.messages.push([rule, reason, item.place])
          return
        }
        const outcome = await writePost(converted, item, run)
        if (outcome === 'edited' || outcome === 'foreign' || planned.source.source === undefined) return
        record.files.push([planned.path, planned.source.source])
        const comments = converted.kind === 'article' ? countComments(item.comments) : 0
        countCurrent(record.counts, { page: converted.kind === 'page', aliases: planned.aliases.length, draft: planned.draft, comments })
      })
      .catch((error: unknown) => {
        failed ??= error
      })
      .finally(() => writing.delete(task))
    writing.add(task)
    if (writing.size >= (threads ? 64 : 16)) await Promise.race(writing)
  }).finally(async () => {
    await Promise.all(writing)
    await threads?.close()
  })
  if (failed !== undefined) throw failed
  if (run.reimport && run.newFiles.size > 0) {
    const written = new Map([...run.newFiles].map(([id, entry]) => [id, entry.path]))
    for (const move of await findMovedPosts(options.contentDir, 'wordpress', written)) {
      const place = run.newFiles.get(move.id)?.place
      reportImport(file, 'moved-post', `Post ${move.id} is now ${move.newPath}; ${move.oldPath}, written for it by an earlier import, was left.`, place)
    }
  }
  if (second) reportImport(file, 'invalid-xml', `Invalid XML: ${second.reason}`, second.place)
  const added = authors.added()
  result.counts.authors = added.length
  for (const entry of added) recordAction(result, { outcome: 'written', path: `authors.yml (${entry.id}: ${entry.name})` })
  if (!dryRun) await appendAuthors(options.contentDir, added)
  const exportHeld = exportStamp !== undefined && exportStamp === stampOf(options.exportPath)
  if (
    key !== undefined &&
    exportHeld &&
    !second &&
    added.length === 0 &&
    result.counts.conflicts === 0 &&
    !file.messages.some((m) => m.ruleId === 'moved-post')
  )
    await keepRecord(options.contentDir, { key, ...record })
  return result
}

/** Counts a post found current (or that a re-import would find current). */
function countCurrent(counts: ImportCounts, post: { page: boolean; aliases: number; draft: boolean; comments: number }): void {
  counts.unchanged++
  if (post.page) {
    counts.pages++
    return
  }
  counts.posts++
  if (post.draft) counts.drafts++
  counts.aliases += post.aliases
  counts.comments += post.comments
  counts.unchanged += post.comments
}

/** A file's size, modification time and inode, to see whether it changed during the import. */
function stampOf(path: string): string | undefined {
  try {
    const stats = statSync(path)
    return `${stats.size}:${stats.mtimeMs}:${stats.ino}`
  } catch {
    return undefined
  }
}

/** What writing a post shares with the run. */
interface WriteRun {
  options: WordpressImportOptions
  result: ImportResult
  file: VFile
  /** Images already copied (or found present) in this run. */
  copied: Set<string>
  /** Articles and pages written where there was no file, by post id. */
  newFiles: Map<string, { path: string; place: XmlElement['place'] }>
  /** Whether the content already held files of an earlier import. */
  reimport: boolean
}

/** Writes a converted post or page, its images and comments, leaving edited files. */
async function writePost(converted: Exclude<ConvertedPost, { kind: 'skip' | 'current' }>, item: WxrItem, run: WriteRun): Promise<WriteOutcome> {
  const { options, result, file } = run
  const dryRun = options.dryRun ?? false
  const outcome = await writeImported(join(options.contentDir, converted.path), withDigest(converted.text), { from: 'wordpress', id: item.id }, dryRun)
  recordWrite(result, outcome, converted.path)
  if (outcome === 'written') run.newFiles.set(item.id, { path: converted.path, place: item.place })
  else run.reimport = true
  if (outcome === 'edited' || outcome === 'foreign') {
    reportImport(file, outcome === 'edited' ? 'edited-since-import' : 'not-imported-file', `Post ${item.id}: ${converted.path} was left as it is.`, item.place)
    return outcome
  }
  for (const src of converted.images) await copyImage(src, run, item.place)
  if (converted.kind === 'page') {
    result.counts.pages++
    return outcome
  }
  result.counts.posts++
  if (converted.draft) result.counts.drafts++
  result.counts.aliases += converted.aliases
  for (const comment of converted.comments) {
    const path = `comments/${converted.id}/${comment.id}.yml`
    const source = { from: 'wordpress', id: `comment-${comment.id}` } as const
    const written = await writeImported(join(options.contentDir, path), withDigest(commentText(comment, source)), source, dryRun)
    recordWrite(result, written, path)
    if (written === 'edited' || written === 'foreign') {
      const rule = written === 'edited' ? 'edited-since-import' : 'not-imported-file'
      reportImport(file, rule, `Comment ${comment.id} of post ${item.id}: ${path} was left as it is.`, item.place)
    } else result.counts.comments++
  }
  return outcome
}

/**
 * The fingerprint of the import's code and packages, so a newer toasoan converts every post again;
 * undefined (every post converted) when the code cannot be read.
 */
async function importCode(): Promise<string | undefined> {
  try {
    // The conversion thread's module is loaded by its URL, not imported: an entry of its own.
    return await codeFingerprint({ entries: ['src/import/wordpress-import.ts', 'src/import/convert-worker.ts'] })
  } catch {
    return undefined
  }
}

async function copyImage(src: string, run: WriteRun, place: XmlElement['place']): Promise<void> {
  const { options, result, file } = run
  if (options.mediaDir === undefined || run.copied.has(src)) return
  run.copied.add(src)
  const copied = await copyMedia(join(options.mediaDir, src), src, options.contentDir, options.dryRun ?? false)
  if (copied === 'copied') {
    result.counts.images++
    recordAction(result, { outcome: 'copied', path: `media/${src}` })
  } else if (copied === 'conflict') reportImport(file, 'media-conflict', `media/${src} differs from the file of the old site.`, place)
}
