import { rules } from '../../src/problems/rules.ts'

/** A table cell: a `|` would end it. */
const cell = (text: string): string => text.replace(/(?<!\\)\|/g, '\\|')

/**
 * The rules table of docs/command-line.md, one row a rule, made from the catalogue
 * (`src/problems/rules.ts`): its id, severity, when it is reported and the hint a writer gets.
 */
export function rulesTable(): string {
  const rows = Object.entries(rules).map(([id, rule]) => `| \`${id}\` | ${rule.severity} | ${cell(rule.when)} | ${cell(rule.hint)} |`)
  return ['| rule | severity | when | hint |', '|---|---|---|---|', ...rows].join('\n')
}
