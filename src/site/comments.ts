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
 * How deep replies nest on the page: a reply to a comment at this depth is shown beside it, under
 * the same parent, as most comment systems do. It also keeps the page's (recursive) rendering
 * shallow whatever the length of a reply chain. @default 6
 */
export const maxReplyDepth = 6

/**
 * Arranges an article's comments as a thread: replies under their parent, oldest first at every
 * level, at most {@link maxReplyDepth} levels deep.
 *
 * @param comments The article's approved comments.
 * @param timeZone The site's zone.
 * @param strings For weekday names.
 */
export function commentThread(comments: readonly CommentSource[], timeZone: string, strings: Strings): CommentModel[] {
  const sorted = [...comments].sort((a, b) => a.date.epoch - b.date.epoch || (a.id < b.id ? -1 : 1))
  const models = new Map(
    sorted.map((comment) => [
      comment.id,
      { id: comment.id, name: comment.name, message: comment.message, date: displayDate(comment.date, timeZone, strings), replies: [] as CommentModel[] },
    ])
  )
  const places = replyPlaces(sorted)
  const roots: CommentModel[] = []
  for (const comment of sorted) {
    const model = models.get(comment.id) as CommentModel
    const under = places.get(comment.id)?.under
    const parent = under === undefined ? undefined : models.get(under)
    if (parent) parent.replies.push(model)
    else roots.push(model)
  }
  return roots
}

/** Where each comment is shown: under which comment (none for a root) and at what depth. */
function replyPlaces(comments: readonly CommentSource[]): Map<string, { under: string | undefined; depth: number }> {
  const parentOf = new Map(comments.map((comment) => [comment.id, comment.parent]))
  const places = new Map<string, { under: string | undefined; depth: number }>()
  for (const { id } of comments) {
    // Climb to a placed comment or a root without recursion (chains can be long), then place
    // the chain from the top down. Loading refuses cycles; the length bound only guards.
    const chain: string[] = []
    for (let current: string | undefined = id; current !== undefined && !places.has(current) && chain.length <= parentOf.size; ) {
      chain.push(current)
      const parent = parentOf.get(current)
      current = parent !== undefined && parentOf.has(parent) ? parent : undefined
    }
    for (const current of chain.reverse()) {
      const parent = parentOf.get(current)
      const above = parent === undefined ? undefined : places.get(parent)
      if (parent === undefined || !above) places.set(current, { under: undefined, depth: 0 })
      else if (above.depth < maxReplyDepth) places.set(current, { under: parent, depth: above.depth + 1 })
      else places.set(current, { under: above.under, depth: above.depth })
    }
  }
  return places
}

/** Counts comments at every level of a thread. */
export function countComments(thread: readonly CommentModel[]): number {
  return thread.reduce((total, comment) => total + 1 + countComments(comment.replies), 0)
}
