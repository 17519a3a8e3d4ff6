import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { glob } from 'tinyglobby'
import { writeAtomic } from '../cache/index.ts'
import type { Position } from 'unist'
import { VFile } from 'vfile'
import { createContentStat, reportFileOutside } from './content-boundary.ts'
import { archiveYearsText, inArchiveYears, isoInZone, parseArticleDate, type ArticleDate } from './dates.ts'
import { decodeSource } from './decode-source.ts'
import { didYouMean } from '../problems/did-you-mean.ts'
import { plainMessage, restoreMessages, type PlainMessage } from './load-articles.ts'
import { toPosix } from './media.ts'
import { report } from '../problems/report.ts'
import { hashText, type FileStamp } from './source-cache.ts'
import { gitBlobId } from './git-blobs.ts'
import { commentSchema } from './schema.ts'
import { validate } from './validate.ts'
import { parseYamlSource, yamlPosition } from './yaml-source.ts'

/** An approved comment, as moderation committed it (Staticman's shape). */
export interface CommentSource {
  id: string
  /** The article's id (`YYYY/MM/<slug>`), from the folder the file is in. */
  article: string
  /** The comment this one answers. */
  parent?: string
  name: string
  /** Plain text; never Markdown or HTML. */
  message: string
  date: ArticleDate
}

/** A comment file as the cache keeps it: valid while the file's bytes are the same. */
interface ParsedComment {
  /** When this stamp still matches, the file is not read again (see `FileStamp`). */
  stamp: FileStamp
  /** SHA-256 of the file's text. */
  hash: string
  /** Git's object id of the file's bytes: while git's index holds this id for the file, unmodified, the file is not even stat'ed (as for articles, see `CachedSource.blob`). */
  blob?: string
  comment?: CommentSource
  messages: PlainMessage[]
  parentPlace?: Position
}

/**
 * Reads `comments/<article-id>/<comment-id>.yml`, validating each file and every reference: the
 * article must exist, and a reply's `_parent` must be a comment of the same article. Parsed files
 * are cached by their bytes (with file stamps, as for articles): a big archive holds 10,000s of
 * comment files, and parsing them all took seconds of every rebuild.
 *
 * @param contentDir The content folder.
 * @param articleIds Ids of every article (drafts included).
 * @param timeZone The site's zone, for dates written without an offset.
 * @param cacheFile Where parsed comments are cached; none when absent.
 * @param blobs Git's object ids of the unmodified files of the content folder, by absolute path
 *   (see `gitBlobIds`): a cached comment whose id git's index holds is taken without a stat (at
 *   10,000 comments in 5,000 folders, the stats and the folders' real paths took half a second). @default none
 */
export async function loadComments(
  contentDir: string,
  articleIds: ReadonlySet<string>,
  timeZone: string,
  cacheFile?: string,
  blobs: ReadonlyMap<string, string> = new Map()
): Promise<{ comments: CommentSource[]; files: VFile[] }> {
  const paths = (await glob('comments/**/*.{yml,yaml}', { cwd: contentDir, absolute: true })).sort()
  const cache = cacheFile === undefined ? new Map<string, ParsedComment>() : await readCommentCache(cacheFile)
  const fresh = new Map<string, ParsedComment>()
  const files: VFile[] = []
  const loaded: Array<{ comment: CommentSource; file: VFile; parentPlace: Position | undefined }> = []
  const statComment = createContentStat(contentDir)
  for (const path of paths) {
    const file = new VFile({ path })
    files.push(file)
    const hit = cache.get(path)
    // Git's index holds these bytes, a regular file in the content folder: neither stat nor read.
    const blob = blobs.get(path)
    // First: a comment from outside is refused whatever folder its link sits in.
    const found = blob !== undefined && hit?.blob === blob ? { known: hit } : statComment(path)
    if ('outside' in found) {
      reportFileOutside(file, contentDir, found.outside)
      continue
    }
    const article = toPosix(relative(join(contentDir, 'comments'), dirname(path)))
    if (!articleIds.has(article)) {
      report(file, 'unknown-article', { id: article, suggestion: didYouMean(article, articleIds) })
      continue
    }
    let parsed: ParsedComment
    if ('known' in found) parsed = found.known
    else {
      const info = found.stats
      const stamp: FileStamp = { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino }
      // An entry written before entries held git's id is read once more, to take it.
      if (hit?.blob !== undefined && hit.stamp.size === stamp.size && hit.stamp.mtimeMs === stamp.mtimeMs && hit.stamp.ino === stamp.ino) parsed = hit
      else {
        const bytes = readFileSync(path)
        const hash = hashText(bytes)
        parsed =
          hit && hit.hash === hash
            ? { ...hit, stamp, blob: gitBlobId(bytes) }
            : { stamp, hash, blob: gitBlobId(bytes), ...parseComment(path, bytes, article, timeZone) }
      }
    }
    fresh.set(path, parsed)
    restoreMessages(file, parsed.messages)
    if (parsed.comment) loaded.push({ comment: parsed.comment, file, parentPlace: parsed.parentPlace })
  }
  if (cacheFile !== undefined && (fresh.size !== cache.size || [...fresh].some(([path, entry]) => cache.get(path) !== entry)))
    await writeCommentCache(cacheFile, fresh)
  const ids = new Map<string, Set<string>>()
  for (const { comment, file } of loaded) {
    const seen = ids.get(comment.article) ?? new Set<string>()
    if (seen.has(comment.id)) report(file, 'duplicate-id', { id: comment.id })
    seen.add(comment.id)
    ids.set(comment.article, seen)
  }
  const parents = new Map(loaded.map(({ comment }) => [`${comment.article}/${comment.id}`, comment.parent]))
  for (const { comment, file, parentPlace } of loaded) {
    const siblings = ids.get(comment.article) ?? new Set<string>()
    if (comment.parent !== undefined && !siblings.has(comment.parent)) {
      report(
        file,
        'unknown-parent-comment',
        {
          id: comment.parent,
          suggestion: didYouMean(
            comment.parent,
            [...siblings].filter((id) => id !== comment.id)
          ),
        },
        parentPlace
      )
    } else if (comment.parent !== undefined && inCycle(comment, parents)) {
      report(file, 'comment-cycle', { id: comment.id, through: comment.parent }, parentPlace)
    }
  }
  return { comments: loaded.map((entry) => entry.comment), files }
}

/** Parses and validates one comment file on its own (references are checked by the caller). */
function parseComment(path: string, bytes: Uint8Array, article: string, timeZone: string): Omit<ParsedComment, 'stamp' | 'hash'> {
  const file = new VFile({ path })
  const done = (comment?: CommentSource, parentPlace?: Position): Omit<ParsedComment, 'stamp' | 'hash'> => ({
    messages: file.messages.map(plainMessage),
    ...(comment ? { comment } : {}),
    ...(parentPlace ? { parentPlace } : {}),
  })
  const text = decodeSource(bytes, file)
  if (text === undefined) return done()
  const parsed = parseYamlSource(text, file)
  if (!parsed) return done()
  const data = validate(commentSchema, parsed.data ?? {}, parsed.source, file)
  if (!data) return done()
  const date = typeof data.date === 'number' ? epochDate(data.date, timeZone) : parseArticleDate(data.date, timeZone)
  if ('error' in date) {
    report(file, 'invalid-date', { field: 'date', value: String(data.date), reason: date.error }, yamlPosition(parsed.source, ['date']))
    return done()
  }
  if (!inArchiveYears(date.epoch)) {
    report(file, 'date-out-of-range', { field: 'date', value: String(data.date), range: archiveYearsText }, yamlPosition(parsed.source, ['date']))
    return done()
  }
  const comment: CommentSource = { id: String(data._id), article, name: data.name, message: data.message, date }
  if (data._parent !== undefined && data._parent !== '') comment.parent = String(data._parent)
  return done(comment, yamlPosition(parsed.source, ['_parent']))
}

/**
 * Whether following `_parent` links from a comment leads back to it (a reply to itself, directly
 * or through others); such a thread has no place to start and would be dropped from the page.
 */
function inCycle(comment: CommentSource, parents: ReadonlyMap<string, string | undefined>): boolean {
  const seen = new Set<string>()
  for (let parent = comment.parent; parent !== undefined; parent = parents.get(`${comment.article}/${parent}`)) {
    if (parent === comment.id) return true
    // A loop further up, not through this comment: it is reported on the comments in it.
    if (seen.has(parent)) return false
    seen.add(parent)
  }
  return false
}

async function readCommentCache(file: string): Promise<Map<string, ParsedComment>> {
  try {
    return new Map(deserialize(await readFile(file)) as Array<[string, ParsedComment]>)
  } catch {
    return new Map()
  }
}

function writeCommentCache(file: string, entries: ReadonlyMap<string, ParsedComment>): Promise<void> {
  return writeAtomic(file, serialize([...entries]))
}

/** Staticman can write dates as Unix time, in seconds or milliseconds. */
function epochDate(value: number, timeZone: string): ArticleDate {
  const epoch = Math.abs(value) < 1e11 ? value * 1000 : value
  // Out of range, the caller reports it; luxon has no ISO form for such an instant.
  return { iso: inArchiveYears(epoch) ? isoInZone(epoch, timeZone) : '', epoch }
}
