import type { VFile } from 'vfile'
import { formatGithub, formatProblems } from '../problems/index.ts'
import { UsageError } from '../shared/usage-error.ts'

/** `--format`: problems as a compiler prints them, or as GitHub Actions workflow commands. */
export type ProblemFormat = 'text' | 'github'

/**
 * Checks `--format`.
 *
 * @param format The option's value.
 * @throws {UsageError} When it is neither `text` nor `github`.
 */
export function checkFormat(format: string): ProblemFormat {
  if (format === 'text' || format === 'github') return format
  throw new UsageError(`--format: "${format}" is not a format.`, 'Give --format text (the default) or --format github (annotations on a pull request).')
}

/** Prints files' problems: on standard error, or on standard output when they are only a report. */
export type ProblemPrinter = (files: VFile[], stream: 'log' | 'error') => void

/**
 * A printer of problems in one format, paths relative to the working folder.
 *
 * @param format `text` (like a compiler) or `github` (workflow commands, read from standard output only).
 */
export function problemPrinter(format: ProblemFormat): ProblemPrinter {
  const cwd = process.cwd()
  return (files, stream) => {
    if (format === 'github') console.log(formatGithub(files, cwd))
    else console[stream](formatProblems(files, cwd))
  }
}
