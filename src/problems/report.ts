import { relative } from 'node:path'
import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { rules, type RuleArgs, type RuleId } from './rules.ts'

/**
 * Records a problem from the catalogue on a file, at a place in it.
 *
 * @param file The source file the problem is in.
 * @param id The rule id (stable, printed in brackets).
 * @param args The details the rule's message needs.
 * @param place Where in the file; the start of the file when unknown.
 */
export function report<Id extends RuleId>(file: VFile, id: Id, args: RuleArgs<Id>, place?: Point | Position): VFileMessage {
  const rule = rules[id]
  const reason = (rule.message as (a: RuleArgs<Id>) => string)(args)
  const message = file.message(reason, { place: place ?? { line: 1, column: 1 }, ruleId: id, source: 'toasoan' })
  message.fatal = rule.severity === 'error'
  message.note = rule.hint
  return message
}

/** Whether any file carries an error (warnings do not count). */
export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true))
}

/** Counts errors and warnings over files. */
export function countProblems(files: readonly VFile[]): { errors: number; warnings: number } {
  let errors = 0
  let warnings = 0
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal === true) errors++
      else warnings++
    }
  }
  return { errors, warnings }
}

/**
 * Prints problems like a compiler: `path:line:col severity message [rule]`, then the hint.
 *
 * @param files Files with messages, in any order; output is sorted by path and position.
 * @param cwd Paths are printed relative to this folder.
 */
export function formatProblems(files: readonly VFile[], cwd: string): string {
  const lines: Array<{ key: string; text: string }> = []
  for (const file of files) {
    const path = file.path ? relative(cwd, file.path) || file.path : '<input>'
    for (const message of file.messages) {
      const line = message.line ?? 1
      const column = message.column ?? 1
      const severity = message.fatal === true ? 'error' : 'warning'
      const text = `${path}:${line}:${column} ${severity} ${message.reason} [${message.ruleId ?? 'toasoan'}]${message.note ? `\n  hint: ${message.note}` : ''}`
      lines.push({ key: `${path}\u0000${String(line).padStart(9, '0')}:${String(column).padStart(9, '0')}`, text })
    }
  }
  lines.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const { errors, warnings } = countProblems(files)
  const summary = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`
  return [...lines.map((entry) => entry.text), summary].join('\n')
}
