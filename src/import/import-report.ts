import type { VFile } from 'vfile'
import type { WriteOutcome } from './imported-file.ts'

/** What an import did (or, with `--dry-run`, would do). */
export interface ImportResult {
  /** The sources (export, map, saved pages) with their problems. */
  files: VFile[]
  /** Counts for the summary, by what was counted. */
  counts: ImportCounts
  /** Each file written, changed or left, with the content-relative path (kept for `--dry-run` only). */
  actions: Array<{ outcome: WriteOutcome | 'copied'; path: string }>
  /** Whether to keep {@link ImportResult.actions}: a real import of 100,000 posts need not hold 300,000 lines. */
  listActions: boolean
  /** Whether the input could not be read at all (nothing was written). */
  unreadable: boolean
}

/** The summary's counts. */
export interface ImportCounts {
  posts: number
  drafts: number
  pages: number
  comments: number
  images: number
  aliases: number
  authors: number
  written: number
  updated: number
  unchanged: number
  skipped: number
  conflicts: number
}

/** Counts at zero. */
export const noCounts = (): ImportCounts => ({
  posts: 0,
  drafts: 0,
  pages: 0,
  comments: 0,
  images: 0,
  aliases: 0,
  authors: 0,
  written: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  conflicts: 0,
})

/**
 * Keeps one action for the `--dry-run` plan.
 *
 * @param result The import's result so far.
 * @param action What happens to which file.
 */
export function recordAction(result: ImportResult, action: ImportResult['actions'][number]): void {
  if (result.listActions) result.actions.push(action)
}

/**
 * Records what happened to one file in the counts and actions.
 *
 * @param result The import's result so far.
 * @param outcome What the write did.
 * @param path Content-relative path.
 */
export function recordWrite(result: ImportResult, outcome: WriteOutcome, path: string): void {
  if (outcome === 'written') result.counts.written++
  else if (outcome === 'updated') result.counts.updated++
  else if (outcome === 'unchanged') result.counts.unchanged++
  else result.counts.conflicts++
  if (outcome !== 'unchanged') recordAction(result, { outcome, path })
}

const verbs: Record<WriteOutcome | 'copied', [done: string, dry: string]> = {
  written: ['wrote', 'would write'],
  updated: ['updated', 'would update'],
  unchanged: ['unchanged', 'unchanged'],
  edited: ['left (edited since import)', 'would leave (edited since import)'],
  foreign: ['left (not written by import)', 'would leave (not written by import)'],
  copied: ['copied', 'would copy'],
}

/**
 * The summary line, and with `--dry-run` one line per file that would change.
 *
 * @param result The import's result.
 * @param dryRun Whether nothing was written.
 */
export function formatSummary(result: ImportResult, dryRun: boolean): string {
  // Files are written a few at a time: the plan is printed in path order, the same every run.
  const lines = dryRun
    ? [...result.actions].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((action) => `${verbs[action.outcome][1]} ${action.path}`)
    : []
  if (result.unreadable) return 'Nothing was imported: the input cannot be read.'
  const c = result.counts
  lines.push(
    `${dryRun ? 'Would import' : 'Imported'} ${c.posts} articles (${c.drafts} drafts), ${c.pages} pages, ${c.comments} comments, ${c.images} images, ${c.aliases} aliases, ${c.authors} new authors; ` +
      `files: ${c.written} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.conflicts} conflicts; ${c.skipped} items skipped.`
  )
  return lines.join('\n')
}
