import { commentLimits } from './comment-limits.ts'

/** Vietnamese letters with a mark; a message of Vietnamese words has some. */
const diacritics = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i

/**
 * Whether a message looks typed without Vietnamese diacritics: several words of Latin letters and
 * not one marked letter.
 *
 * @param message The reader's text.
 */
export function lacksDiacritics(message: string): boolean {
  const words = message.match(/\p{L}+/gu) ?? []
  return words.length >= 3 && !diacritics.test(message)
}

/**
 * What is wrong with the form's values, if anything.
 *
 * @param values Name and message.
 * @param strings The messages.
 */
export function checkComment(values: { name: string; message: string }, strings: { required: string; tooLong: string }): string | undefined {
  if (!values.name.trim() || !values.message.trim()) return strings.required
  if (values.name.length > commentLimits.name || values.message.length > commentLimits.message) return strings.tooLong
  return undefined
}
