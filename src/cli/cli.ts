import { didYouMean } from '../problems/did-you-mean.ts'
import { UsageError } from '../shared/usage-error.ts'
import { stoppedBySignal } from './build-signals.ts'
import { packageVersion } from './cli-options.ts'
import type { Command, ExitCode } from './command.ts'
import { commands } from './commands/index.ts'

// Each command imports the stages it runs when it runs (a usage error, `check` or `new` never loads
// Eleventy, Pagefind or the S3 client): the command starts in a fraction of the time.

/** The names `toasoan` accepts as a command, `help` and `version` included. */
export const commandNames: readonly string[] = [...commands.map((command) => command.name), 'help', 'version']

/** A command's part of `--help`: its name and summary, then its forms and options. */
export const commandHelp = (command: Command): string => `  ${command.invocation.padEnd(6)}  ${command.summary}\n${command.usage}`

const usage = `Usage: toasoan <command> [options]

Commands:
${commands.map(commandHelp).join('\n')}

  --help, -h      this help          --version, -v   the version
  toasoan <command> --help           that command's help
`

/**
 * Runs the command line: `scripts/toasoan.js` calls it once per process.
 *
 * @param argv Arguments after the program name.
 * @returns The exit code: 0 success, 1 content or tool problems, 2 wrong usage, 128 + the
 *   signal's number when a build was stopped by SIGINT (130), SIGTERM (143) or SIGHUP (129).
 */
export async function main(argv: readonly string[]): Promise<number> {
  // `toasoan check | head` closes the pipe early; that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  })
  return runCommand(argv)
}

/**
 * Runs one command in this process, as {@link main} does but without taking over the process's
 * standard output: what the command prints goes through `console`, so tests can run many commands
 * in one process and read what each printed.
 *
 * @param argv Arguments after the program name.
 * @returns The exit code, as {@link main} returns it.
 */
export async function runCommand(argv: readonly string[]): Promise<number> {
  try {
    return await run(argv)
  } catch (error) {
    // A build stopped by a signal ends with the signal's exit code (see build-signals.ts), not an error.
    const signalExit = stoppedBySignal()
    if (signalExit !== undefined) return signalExit
    return reportError(error)
  }
}

/**
 * Prints what stopped a command, without a stack trace: a usage error with its hint (exit 2), or
 * anything else — a tool failing, a full disk — as `toasoan: …` (exit 1). Content problems were
 * printed with their positions by the command itself.
 *
 * @param error What the command threw.
 */
function reportError(error: unknown): ExitCode {
  if (error instanceof UsageError) {
    console.error(`toasoan: ${error.message}\n  hint: ${error.hint}`)
    return 2
  }
  console.error(`toasoan: ${error instanceof Error ? error.message : String(error)}`)
  return 1
}

async function run(argv: readonly string[]): Promise<ExitCode> {
  const [name, ...rest] = argv
  if (name === '--version' || name === '-v' || name === 'version') {
    console.log(packageVersion())
    return 0
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    console.log(usage)
    return 0
  }
  if (name === undefined) {
    console.log(usage)
    return 2
  }
  const command = commands.find((candidate) => candidate.name === name)
  if (command === undefined) {
    const suggestion = didYouMean(name, commandNames)
    throw new UsageError(
      `unknown command "${name}".`,
      `${suggestion === undefined ? '' : `Did you mean "${suggestion}"? `}Run toasoan --help for the commands.`
    )
  }
  // `toasoan cms --help`: that command's part of the help; exit 0 only for a command that exists.
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`Usage: toasoan ${command.name} [options]\n\n${commandHelp(command)}`)
    return 0
  }
  return command.run(rest)
}
