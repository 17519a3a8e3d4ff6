import type { Point } from 'unist'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'

/**
 * The problems `toasoan most-read` reports, by stable rule id, each with what to do. A line that
 * cannot be read is never fatal: it is counted, the first few are shown at their place, the rest
 * summarised. Ids never change once published.
 */
export const mostReadRules = {
  'unreadable-log-line': {
    severity: 'warning',
    hint: 'The line is not in the format of the rest of the source (cut short, or another format mixed in); it was skipped.',
  },
  'unknown-log-format': {
    severity: 'error',
    hint: 'Give a combined (nginx/Apache), CloudFront, S3 access, Cloudflare Logpush or Netlify JSON log, a CSV "path,views", a GoatCounter or Plausible export, or a saved answer of Plausible\'s Stats API broken down by event:page.',
  },
  'unreadable-source': { severity: 'error', hint: 'Check the path and that the file is readable (a .gz file must be whole).' },
  'no-article-index': {
    severity: 'warning',
    hint: 'Run most-read with the --content and --cache of the last toasoan build (the build writes the index), or build first. Without the index the whole content is loaded: minutes and over 1 GB at 100,000 articles. This run wrote the index for the next one.',
  },
  'more-unreadable-lines': { severity: 'warning', hint: 'Only the first lines of each kind are shown; the others were skipped the same way.' },
} as const satisfies Record<string, { severity: 'error' | 'warning'; hint: string }>

/** The id of a most-read rule. */
export type MostReadRuleId = keyof typeof mostReadRules

/**
 * Records a problem on a log source at a place in it.
 *
 * @param file The source file.
 * @param id The rule id.
 * @param reason What went wrong.
 * @param place Where; the start of the file when unknown.
 */
export function reportMostRead(file: VFile, id: MostReadRuleId, reason: string, place?: Point): VFileMessage {
  const rule = mostReadRules[id]
  const message = file.message(reason, { place: place ?? { line: 1, column: 1 }, ruleId: id, source: 'toasoan-most-read' })
  message.fatal = rule.severity === 'error'
  message.note = rule.hint
  return message
}
