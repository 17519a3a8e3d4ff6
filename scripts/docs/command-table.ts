import { commandUsage } from '../../src/cli/cli.ts'

/**
 * The README's table of commands, one row a command, made from the CLI's own table
 * (`commandUsage` in src/cli/cli.ts): the name and the first line of its usage.
 */
export function commandTable(): string {
  const rows = Object.values(commandUsage).map((usage) => {
    const first = (usage.split('\n')[0] ?? '').trim()
    const [name = '', summary = ''] = first.split(/\s{2,}/)
    return `| \`toasoan ${name}\` | ${summary} |`
  })
  return ['| command | what it does |', '|---|---|', ...rows].join('\n')
}
