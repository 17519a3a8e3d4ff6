import { formatProblems } from '../problems/index.ts'
import { resolveNow } from '../shared/operator-input.ts'
import { UsageError } from '../shared/usage-error.ts'
import { mostRead } from './most-read.ts'
import { parseWindows } from './windows.ts'

/** The options of `toasoan most-read`, parsed by the command line (`src/cli/commands/most-read.ts`). */
export interface MostReadArgs {
  from?: string[] | undefined
  out: string
  content: string
  cache: string
  window: string
  now?: string | undefined
}

const seeHelp = 'Run toasoan most-read --help for its options.'

/**
 * Runs `toasoan most-read`: `--from` takes one or more sources (`--from a.log b.log.gz logs/`).
 *
 * @param values Its options.
 * @param positionals The sources after the first: `--from a b c` gives `b` and `c` as positionals.
 * @returns The exit code: 0 written, 1 the content or a source could not be read; wrong usage is
 *   thrown as a {@link UsageError} (the command line exits 2).
 */
export async function mostReadCommand(values: MostReadArgs, positionals: readonly string[]): Promise<0 | 1> {
  // `--from a b c`: the values after the first are positionals to parseArgs.
  const sources = [...(values.from ?? []), ...positionals]
  if (values.from === undefined || sources.length === 0)
    throw new UsageError('most-read needs --from SOURCE.', `Give the logs: --from logs/ (a folder), --from access.log.gz… ${seeHelp}`)
  const windows = parseWindows(values.window)
  if ('invalid' in windows)
    throw new UsageError(`--window: "${windows.invalid}" is not a window.`, 'Give hours or days, comma-separated, e.g. --window 24h,7d.')
  // The clock, not SOURCE_DATE_EPOCH: a build pins that to a commit, and the windows end now.
  const now = resolveNow(values.now, {})
  const result = await mostRead({ sources, contentDir: values.content, outDir: values.out, cacheDir: values.cache, windows: windows.windows, now })
  const withProblems = result.files.filter((file) => file.messages.length > 0)
  if (withProblems.length > 0) console.error(formatProblems(withProblems, process.cwd()))
  if (!result.ok || !result.written || !result.sources) {
    console.error(`most-read: nothing was written; ${values.out} was left as it was.`)
    return 1
  }
  const { sources: read, leftOut = { robots: 0, notOk: 0, notArticle: 0, outsideWindows: 0, repeats: 0 }, written } = result
  const formats = Object.entries(countBy(Object.values(read.formats)))
    .map(([format, count]) => `${format} ${count}`)
    .join(', ')
  console.log(
    `Read ${read.lines} lines from ${Object.keys(read.formats).length} files (${formats}): ${result.counted ?? 0} readers counted; left out ${leftOut.robots} robots, ` +
      `${leftOut.notOk} not a 200 to a GET, ${leftOut.notArticle} not an article, ${leftOut.outsideWindows} outside the windows, ${leftOut.repeats} repeats` +
      (read.unreadable > 0 ? `; ${read.unreadable} unreadable lines skipped.` : '.')
  )
  console.log(
    `Wrote the most-read fragments into ${values.out}: ${written.changed.length} changed, ${written.unchanged} unchanged, ${written.removed.length} removed (${written.bytes} bytes in all).`
  )
  return 0
}

function countBy(items: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const item of items) counts[item] = (counts[item] ?? 0) + 1
  return counts
}
