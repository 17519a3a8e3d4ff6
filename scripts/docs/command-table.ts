import { commands } from '../../src/cli/commands/index.ts'

/**
 * The README's table of commands, one row a command, made from the CLI's own table
 * (`commands` in src/cli/commands/index.ts): how it is typed and its one-line summary.
 */
export function commandTable(): string {
  const rows = commands.map((command) => `| \`toasoan ${command.invocation}\` | ${command.summary} |`)
  return ['| command | what it does |', '|---|---|', ...rows].join('\n')
}
