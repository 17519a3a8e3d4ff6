import { loadContent } from '../content/index.ts'
import { countProblems } from '../problems/index.ts'
import { checkSite } from '../site/check-site.ts'
import type { RunCode } from './command.ts'
import { checkContentDir } from './cli-options.ts'
import { checkFormat, problemPrinter } from './print-problems.ts'

/** The options of `toasoan check`, parsed (see `commands/check.ts`). */
export interface CheckArgs {
  content: string
  format: string
  changed: boolean
}

/**
 * `toasoan check [--changed [BASE]]`: validates the content (or what changed since BASE) without
 * building, and prints every problem.
 *
 * @param values The parsed options.
 * @param positionals BASE, with `--changed`.
 * @returns 0 clean or warnings only, 1 any error.
 */
export async function checkCommand(values: CheckArgs, positionals: readonly string[]): Promise<RunCode> {
  const printProblems = problemPrinter(checkFormat(values.format))
  await checkContentDir(values.content)
  const { files } = values.changed
    ? await (await import('./check-changed.ts')).checkChanged({
        contentDir: values.content,
        ...(positionals[0] === undefined ? {} : { base: positionals[0] }),
        log: (line) => console.error(line),
      })
    : checkSite(await loadContent({ contentDir: values.content }))
  const { errors } = countProblems(files)
  printProblems(files, errors > 0 ? 'error' : 'log')
  return errors > 0 ? 1 : 0
}
