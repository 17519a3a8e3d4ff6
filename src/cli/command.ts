import { parseArgs, type ParseArgsConfig } from 'node:util'
import { didYouMean } from '../problems/did-you-mean.ts'
import { UsageError } from '../shared/usage-error.ts'

// What a command is: its name and help, its options, and a lazy import of what it runs. The table
// of commands (`commands/index.ts`) is the one list `--help`, the unknown-command check, "did you
// mean" and the README's table are made from.

/**
 * How every command ends: 0 done, 1 a problem in the content or a tool failing (printed with
 * positions, or as `toasoan: …`), 2 wrong usage (a {@link UsageError}: an unknown option, an
 * option's bad value). A command returns 0 or 1 and throws a usage error; the command line prints
 * it and returns 2.
 */
export type ExitCode = 0 | 1 | 2

/** The exit code of a command that ran: usage errors are thrown, not returned. */
export type RunCode = Exclude<ExitCode, 2>

/** A command's options, as `node:util` parseArgs takes them. */
export type CommandOptions = NonNullable<ParseArgsConfig['options']>

/** A command's arguments, parsed with its options. */
export type ParsedArgs<Options extends CommandOptions> = ReturnType<typeof parseArgs<{ options: Options; allowPositionals: true; strict: true }>>

/** A command as its module writes it. */
export interface CommandSpec<Options extends CommandOptions> {
  /** What is typed after `toasoan`. */
  name: string
  /** How the help and the README write the command when it is more than its name (`cache key`). */
  invocation?: string
  /** One line: what it does (the README's table takes it). */
  summary: string
  /** The rest of its help: forms and options, one or more lines indented by 12 spaces. */
  usage: string
  /** Its options; any other is a usage error naming it. */
  options: Options
  /** Whether it takes arguments that are not options (`new "Tiêu đề"`, `import wordpress FILE`). */
  positionals?: boolean
  /** Runs it: imports what it runs only now, so the help and a usage error load no stage. */
  run: (args: ParsedArgs<Options>) => Promise<RunCode>
}

/** A command of the table, its options' types erased. */
export interface Command {
  readonly name: string
  readonly invocation: string
  readonly summary: string
  readonly usage: string
  /** The names of its long options, for "did you mean". */
  readonly optionNames: readonly string[]
  /**
   * Parses the arguments after the command's name and runs it.
   *
   * @throws {UsageError} On an unknown option, a missing value, an unexpected argument.
   */
  readonly run: (argv: readonly string[]) => Promise<RunCode>
}

/**
 * Makes a command of the table from its module's description.
 *
 * @param spec Its name, help, options and what it runs.
 */
export function defineCommand<const Options extends CommandOptions>(spec: CommandSpec<Options>): Command {
  return {
    name: spec.name,
    invocation: spec.invocation ?? spec.name,
    summary: spec.summary,
    usage: spec.usage,
    optionNames: Object.keys(spec.options),
    run: (argv) => spec.run(parseCommandArgs(spec, argv)),
  }
}

/**
 * Parses a command's arguments; what parseArgs refuses becomes a usage error that names the
 * option and, for a misspelt one, the option meant.
 *
 * @param spec The command.
 * @param argv The arguments after its name.
 */
export function parseCommandArgs<Options extends CommandOptions>(spec: CommandSpec<Options>, argv: readonly string[]): ParsedArgs<Options> {
  try {
    const parsed = parseArgs({ args: [...argv], options: spec.options, allowPositionals: true, strict: true })
    if (!spec.positionals && parsed.positionals.length > 0)
      throw new UsageError(`${spec.name}: unexpected argument "${parsed.positionals[0]}".`, `${spec.name} takes options only. ${seeHelp(spec.name)}`)
    return parsed
  } catch (error) {
    if (error instanceof UsageError) throw error
    throw optionError(error, spec.name, Object.keys(spec.options))
  }
}

const seeHelp = (name: string): string => `Run toasoan ${name} --help for its options.`

/**
 * Turns an error of parseArgs into a usage error naming the option.
 *
 * @param error What parseArgs threw.
 * @param name The command.
 * @param optionNames Its options, for "did you mean".
 */
export function optionError(error: unknown, name: string, optionNames: readonly string[]): UsageError {
  const message = error instanceof Error ? error.message : String(error)
  const unknown = /^Unknown option '(-{1,2}[^']+)'/.exec(message)
  if (unknown) {
    const option = unknown[1] as string
    const suggestion = didYouMean(option.replace(/^-+/, ''), optionNames)
    return new UsageError(`unknown option ${option}.`, `${suggestion === undefined ? '' : `Did you mean --${suggestion}? `}${seeHelp(name)}`)
  }
  const missing = /^Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message)
  if (missing) return new UsageError(`${missing[1]} needs a value.`, seeHelp(name))
  const noValue = /^Option '(?:-\w, )?(--[\w-]+)' does not take an argument/.exec(message)
  if (noValue) return new UsageError(`${noValue[1]} takes no value.`, seeHelp(name))
  return new UsageError(message.split('\n')[0] ?? message, seeHelp(name))
}
