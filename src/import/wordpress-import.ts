import { join } from 'node:path'
import { VFile } from 'vfile'
import { codeFingerprint } from '../cache/code-fingerprint.ts'
import type { Registries } from '../content/registries.ts'
import { commentText } from './front-matter-text.ts'
import { appendAuthors, importAuthors } from './import-authors.ts'
import { emptyMap, type ImportMap } from './import-map.ts'
import { noCounts, recordAction, recordWrite, type ImportResult } from './import-report.ts'
import { reportImport } from './import-rules.ts'
import { withDigest, writeImported } from './imported-file.ts'
import { copyMedia, uploadsResolver } from './media-copy.ts'
import { findMovedPosts } from './moved-posts.ts'
import type { AttachmentInfo } from './shortcodes.ts'
import { convertPost, type ConvertedPost, type PostContext } from './wordpress-post.ts'
import { isCurrentFile, sourceDigest, type SourceInputs } from './wordpress-source.ts'
import { readAuthor, readItem, type WxrItem } from './wxr-item.ts'
import { childText, streamXml, textOf, type XmlElement } from './xml-stream.ts'

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
  const attachments = new Map<string, AttachmentInfo>()
  const byParent = new Map<string, string[]>()
  const displayNames = new Map<string, string>()
  const hosts = new Set<string>()
  const addHost = (url: string): void => {
    if (URL.canParse(url)) hosts.add(new URL(url).hostname)
  }
  const first = await streamXml(options.exportPath, 3, (element: XmlElement) => {
    if (element.name === 'wp:author') {
      const author = readAuthor(element)
      displayNames.set(author.login, author.displayName)
    } else if (element.name === 'wp:base_site_url' || element.name === 'wp:base_blog_url' || element.name === 'link') {
      addHost(textOf(element).trim())
    } else if (element.name === 'item' && childText(element, 'wp:post_type') === 'attachment') {
      const item = readItem(element)
      addHost(item.attachmentUrl)
      const alt = item.meta.get('_wp_attachment_image_alt') ?? ''
      attachments.set(item.id, { url: item.attachmentUrl, alt: alt.trim(), caption: item.excerpt.trim(), parent: item.parent })
      byParent.set(item.parent, [...(byParent.get(item.parent) ?? []), item.id])
    }
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
    map: options.map ?? emptyMap(),
    defaultLocality: options.locality,
    authorId: authors.idOf,
    resolveImage: uploadsResolver(hosts, options.mediaDir),
  }
  const code = await importCode()
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
  // Posts are converted one by one in file order (slugs are given out in that order), and written
  // a few at a time: on a loaded disk, waiting for one file at a time was most of an import.
  const writing = new Set<Promise<void>>()
  const run: WriteRun = { options, result, file, copied: new Set(), newFiles: new Map(), reimport: false }
  const second = await streamXml(options.exportPath, 3, async (element) => {
    if (element.name !== 'item') return
    const item = readItem(element)
    if (item.type === 'attachment') return
    const converted = convertPost(item, { ...context, report: (rule, reason) => void reportImport(file, rule, reason, item.place) })
    if (converted.kind === 'skip') {
      result.counts.skipped++
      return
    }
    if (converted.kind === 'current') {
      run.reimport = true
      recordWrite(result, 'unchanged', converted.path)
      if (converted.page) result.counts.pages++
      else {
        result.counts.posts++
        if (converted.draft) result.counts.drafts++
        result.counts.aliases += converted.aliases
        result.counts.comments += converted.comments
        result.counts.unchanged += converted.comments
      }
      return
    }
    const task = writePost(converted, item, run).finally(() => writing.delete(task))
    writing.add(task)
    if (writing.size >= 16) await Promise.race(writing)
  })
  await Promise.all(writing)
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
  return result
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
async function writePost(converted: Exclude<ConvertedPost, { kind: 'skip' | 'current' }>, item: WxrItem, run: WriteRun): Promise<void> {
  const { options, result, file } = run
  const dryRun = options.dryRun ?? false
  const outcome = await writeImported(join(options.contentDir, converted.path), withDigest(converted.text), { from: 'wordpress', id: item.id }, dryRun)
  recordWrite(result, outcome, converted.path)
  if (outcome === 'written') run.newFiles.set(item.id, { path: converted.path, place: item.place })
  else run.reimport = true
  if (outcome === 'edited' || outcome === 'foreign') {
    reportImport(file, outcome === 'edited' ? 'edited-since-import' : 'not-imported-file', `Post ${item.id}: ${converted.path} was left as it is.`, item.place)
    return
  }
  for (const src of converted.images) await copyImage(src, run, item.place)
  if (converted.kind === 'page') {
    result.counts.pages++
    return
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
}

/**
 * The fingerprint of the import's code and packages, so a newer toasoan converts every post again;
 * undefined (every post converted) when the code cannot be read.
 */
async function importCode(): Promise<string | undefined> {
  try {
    return await codeFingerprint({ entries: ['src/import/wordpress-import.ts'] })
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
