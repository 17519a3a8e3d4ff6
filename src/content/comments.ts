import { readFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { glob } from 'tinyglobby'
import { VFile } from 'vfile'
import { isoInZone, parseArticleDate, type ArticleDate } from './dates.ts'
import { didYouMean } from './did-you-mean.ts'
import { toPosix } from './media.ts'
import { report } from './report.ts'
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

/**
 * Reads `comments/<article-id>/<comment-id>.yml`, validating each file and every reference: the
 * article must exist, and a reply's `_parent` must be a comment of the same article.
 *
 * @param contentDir The content folder.
 * @param articleIds Ids of every article (drafts included).
 * @param timeZone The site's zone, for dates written without an offset.
 */
export async function loadComments(
  contentDir: string,
  articleIds: ReadonlySet<string>,
  timeZone: string
): Promise<{ comments: CommentSource[]; files: VFile[] }> {
  const paths = (await glob('comments/**/*.{yml,yaml}', { cwd: contentDir, absolute: true })).sort()
  const files: VFile[] = []
  const loaded: Array<{ comment: CommentSource; file: VFile; parentPlace: ReturnType<typeof yamlPosition> }> = []
  for (const path of paths) {
    const file = new VFile({ path, value: (await readFile(path, 'utf8')).normalize('NFC') })
    files.push(file)
    const article = toPosix(relative(join(contentDir, 'comments'), dirname(path)))
    if (!articleIds.has(article)) {
      report(file, 'unknown-article', { id: article, suggestion: didYouMean(article, articleIds) })
      continue
    }
    const parsed = parseYamlSource(String(file.value), file)
    if (!parsed) continue
    const data = validate(commentSchema, parsed.data ?? {}, parsed.source, file)
    if (!data) continue
    const date = typeof data.date === 'number' ? epochDate(data.date, timeZone) : parseArticleDate(data.date, timeZone)
    if ('error' in date) {
      report(file, 'invalid-date', { field: 'date', value: String(data.date), reason: date.error }, yamlPosition(parsed.source, ['date']))
      continue
    }
    const comment: CommentSource = { id: String(data._id), article, name: data.name, message: data.message, date }
    if (data._parent !== undefined && data._parent !== '') comment.parent = String(data._parent)
    loaded.push({ comment, file, parentPlace: yamlPosition(parsed.source, ['_parent']) })
  }
  const ids = new Map<string, Set<string>>()
  for (const { comment, file } of loaded) {
    const seen = ids.get(comment.article) ?? new Set<string>()
    if (seen.has(comment.id)) report(file, 'duplicate-id', { id: comment.id })
    seen.add(comment.id)
    ids.set(comment.article, seen)
  }
  for (const { comment, file, parentPlace } of loaded) {
    const siblings = ids.get(comment.article) ?? new Set<string>()
    if (comment.parent !== undefined && !siblings.has(comment.parent)) {
      report(file, 'unknown-parent-comment', { id: comment.parent, suggestion: didYouMean(comment.parent, [...siblings].filter((id) => id !== comment.id)) }, parentPlace)
    }
  }
  return { comments: loaded.map((entry) => entry.comment), files }
}

/** Staticman can write dates as Unix time, in seconds or milliseconds. */
function epochDate(value: number, timeZone: string): ArticleDate {
  const epoch = value < 1e11 ? value * 1000 : value
  return { iso: isoInZone(epoch, timeZone), epoch }
}
