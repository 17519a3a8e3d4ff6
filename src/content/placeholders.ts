import type { Position } from 'unist'

/**
 * The texts `toasoan new` writes for the writer to replace. `check` warns while one is still in
 * an article (rule `placeholder-text`), so nothing half-written goes live unnoticed.
 */
export const placeholders = {
  /** The lead (sapo), in `summary`. */
  lead: '[Sapo: hai, ba câu tóm tắt bài viết.]',
  /** The body. */
  body: '[Nội dung: viết bài ở đây.]',
} as const

/**
 * Finds the body placeholder in an article's body.
 *
 * @param body The body text.
 * @param bodyLine The line of the file the body starts on.
 * @returns Where it is, or `undefined` when it has been replaced.
 */
export function bodyPlaceholder(body: string, bodyLine: number): Position | undefined {
  const index = body.indexOf(placeholders.body)
  if (index === -1) return undefined
  const before = body.slice(0, index).split('\n')
  const line = bodyLine + before.length - 1
  const column = (before.at(-1) ?? '').length + 1
  return { start: { line, column }, end: { line, column: column + placeholders.body.length } }
}
