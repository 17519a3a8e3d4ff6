import type { CommentSource } from '../content/comments.ts'
import { displayDate } from './display-date.ts'
import type { Strings } from './strings.ts'
import type { DisplayDate } from './model.ts'

/** A published comment with its replies. */
export interface CommentModel {
  id: string
  name: string
  /** Plain text; line breaks are kept by the template. */
  message: string
  date: DisplayDate
  replies: CommentModel[]
}

/**
 * Arranges an article's comments as a thread: replies under their parent, oldest first at every
 * level.
 *
 * @param comments The article's approved comments.
 * @param timeZone The site's zone.
 * @param strings For weekday names.
 */
export function commentThread(comments: readonly CommentSource[], timeZone: string, strings: Strings): CommentModel[] {
  const sorted = [...comments].sort((a, b) => a.date.epoch - b.date.epoch || (a.id < b.id ? -1 : 1))
  const models = new Map(sorted.map((comment) => [comment.id, { id: comment.id, name: comment.name, message: comment.message, date: displayDate(comment.date, timeZone, strings), replies: [] as CommentModel[] }]))
  const roots: CommentModel[] = []
  for (const comment of sorted) {
    const model = models.get(comment.id) as CommentModel
    const parent = comment.parent === undefined ? undefined : models.get(comment.parent)
    if (parent) parent.replies.push(model)
    else roots.push(model)
  }
  return roots
}

/** Counts comments at every level of a thread. */
export function countComments(thread: readonly CommentModel[]): number {
  return thread.reduce((total, comment) => total + 1 + countComments(comment.replies), 0)
}
