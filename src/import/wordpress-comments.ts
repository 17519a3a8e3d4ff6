import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import type { Nodes } from 'hast'
import { wordpressDate } from './wordpress-dates.ts'
import type { WxrComment } from './wxr-item.ts'

/** A comment to write: Staticman's fields, nothing personal. */
export interface ImportedComment {
  id: string
  parent?: string
  name: string
  message: string
  date: string
}

const parser = unified().use(rehypeParse, { fragment: true })

/** A reader's comment, not a pingback or trackback. */
const isReaderComment = (comment: WxrComment): boolean => comment.type === '' || comment.type === 'comment'

/**
 * The approved readers' comments of a post, threaded: a reply to a comment that is not imported
 * (pending, spam, trash, a pingback) hangs from its nearest imported ancestor, or the article.
 *
 * @param comments The post's comments as exported.
 * @param timeZone The site's zone.
 */
export function approvedComments(comments: readonly WxrComment[], timeZone: string): ImportedComment[] {
  const byId = new Map(comments.map((comment) => [comment.id, comment]))
  const kept = new Set(comments.filter((comment) => comment.approved === '1' && isReaderComment(comment)).map((comment) => comment.id))
  const result: ImportedComment[] = []
  for (const comment of comments) {
    if (!kept.has(comment.id)) continue
    const message = plainText(comment.content)
    const date = wordpressDate(comment.dateGmt, comment.date, timeZone)
    if (message === '' || date === undefined) continue
    const entry: ImportedComment = { id: comment.id, name: comment.author.normalize('NFC') || 'Bạn đọc', message, date }
    const parent = keptAncestor(comment, byId, kept)
    if (parent !== undefined) entry.parent = parent
    result.push(entry)
  }
  return result
}

function keptAncestor(comment: WxrComment, byId: ReadonlyMap<string, WxrComment>, kept: ReadonlySet<string>): string | undefined {
  const seen = new Set([comment.id])
  for (let parent = comment.parent; parent !== '0' && parent !== '' && !seen.has(parent); parent = byId.get(parent)?.parent ?? '0') {
    if (kept.has(parent)) return parent
    seen.add(parent)
  }
  return undefined
}

/**
 * A comment's text as plain text: tags dropped, entities decoded, paragraphs kept as blank lines.
 *
 * @param html The comment as WordPress stored it.
 */
export function plainText(html: string): string {
  const tree = parser.parse(html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>/gi, '\n\n'))
  const text = (node: Nodes): string => ('value' in node && node.type === 'text' ? node.value : 'children' in node ? node.children.map(text).join('') : '')
  return text(tree)
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .normalize('NFC')
}
