import { relative, sep } from 'node:path'
import type { VFile } from 'vfile'
import { countProblems } from './report.ts'

/**
 * Escapes a workflow command's message as the Actions runner reads it: `%`, CR and LF.
 *
 * @param text The message.
 */
export function escapeGithubData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
}

/**
 * Escapes a workflow command's property value (`file=…`, `title=…`): as a message, plus `:` and `,`,
 * which end a property.
 *
 * @param text The value.
 */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replaceAll(':', '%3A').replaceAll(',', '%2C')
}

/**
 * Prints problems as GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=[rule]::…`),
 * so each shows as an annotation on its line of a pull request; the hint follows the message on
 * its own line. Sorted as {@link formatProblems} sorts, then the same summary line.
 *
 * @param files Files with messages.
 * @param cwd Paths are printed relative to this folder (the repository's root in a workflow).
 */
export function formatGithub(files: readonly VFile[], cwd: string): string {
  const lines: Array<{ key: string; text: string }> = []
  for (const file of files) {
    const path = file.path ? (relative(cwd, file.path) || file.path).split(sep).join('/') : '<input>'
    for (const message of file.messages) {
      const line = message.line ?? 1
      const column = message.column ?? 1
      const command = message.fatal === true ? 'error' : 'warning'
      const properties = [
        `file=${escapeGithubProperty(path)}`,
        `line=${line}`,
        `col=${column}`,
        `title=${escapeGithubProperty(`[${message.ruleId ?? 'toasoan'}]`)}`,
      ]
      const text = message.note ? `${message.reason}\nhint: ${message.note}` : message.reason
      lines.push({
        key: `${path}\u0000${String(line).padStart(9, '0')}:${String(column).padStart(9, '0')}`,
        text: `::${command} ${properties.join(',')}::${escapeGithubData(text)}`,
      })
    }
  }
  lines.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const { errors, warnings } = countProblems(files)
  const summary = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`
  return [...lines.map((entry) => entry.text), summary].join('\n')
}
