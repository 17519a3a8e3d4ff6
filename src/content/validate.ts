import type { VFile } from 'vfile'
import type { z } from 'zod'
import { report } from '../problems/report.ts'
import { yamlPosition, type YamlSource } from './yaml-source.ts'

/**
 * Validates parsed YAML against a schema and reports each failing key at its line and column.
 *
 * @param schema The schema of this kind of source.
 * @param data The parsed YAML data.
 * @param source The YAML with positions.
 * @param file The file problems are reported on.
 * @param prefix Path of `data` inside the document (for registries, the item's index).
 * @returns The typed value, or `undefined` when invalid.
 */
export function validate<Schema extends z.ZodType>(
  schema: Schema,
  data: unknown,
  source: YamlSource,
  file: VFile,
  prefix: ReadonlyArray<string | number> = []
): z.output<Schema> | undefined {
  const result = schema.safeParse(data, { reportInput: true })
  if (result.success) return result.data
  const seen = new Set<string>()
  for (const issue of result.error.issues) {
    const path = [...prefix, ...issue.path.filter((key) => typeof key !== 'symbol')]
    const field = formatPath(issue.path.filter((key) => typeof key !== 'symbol'))
    // A union reports once per branch; one message per field is enough.
    if (seen.has(field)) continue
    seen.add(field)
    // A missing field fails every branch of a union (`date` is a text or a number) just as it
    // fails a plain type: both say the field is absent.
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && issue.input === undefined) {
      report(file, 'missing-field', { field }, yamlPosition(source, path.slice(0, -1)))
    } else {
      report(file, 'invalid-field', { field: field || '(root)', reason: describeIssue(issue) }, yamlPosition(source, path))
    }
  }
  return undefined
}

/** Formats a path as a writer would write it: `images[0].src`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let text = ''
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`
    else text += text ? `.${String(key)}` : String(key)
  }
  return text
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'array' ? 'a list' : issue.expected}, got ${describeInput(issue.input)}`
    case 'too_small':
      return issue.origin === 'string' ? 'must not be empty' : `needs at least ${String(issue.minimum)} item(s)`
    case 'invalid_union':
      return 'expected a text or a list of texts'
    case 'invalid_value':
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`
    default:
      return issue.message
  }
}

function describeInput(input: unknown): string {
  if (input === null) return 'nothing'
  if (Array.isArray(input)) return 'a list'
  if (typeof input === 'object') return 'a mapping'
  return `${typeof input} ${JSON.stringify(input)}`
}
