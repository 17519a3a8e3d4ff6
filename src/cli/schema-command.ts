import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { VFile } from 'vfile'
// By path, not through content/index.ts: the pages cache's key follows that index, and the schema
// code shapes no page.
import { contentJsonSchemas } from '../content/json-schema.ts'
import { loadRegistries } from '../content/registries.ts'
import { hasErrors } from '../problems/index.ts'
import { checkContentDir } from './cli-options.ts'
import type { RunCode } from './command.ts'
import { checkFormat, problemPrinter } from './print-problems.ts'

/** Options of {@link writeSchemas}. */
export interface SchemaOptions {
  /** The content folder, whose registries give the ids. */
  contentDir: string
  /** Where the files go. */
  outDir: string
}

/**
 * Writes the JSON Schema files of `contentJsonSchemas` into a folder, for editors to validate and
 * complete front matter and registries (see "Editor support" in docs/writers.md).
 *
 * @param options The content folder and the output folder.
 * @returns The paths written, or the registries' problems when they do not load; the registries'
 *   warnings either way.
 */
export async function writeSchemas(options: SchemaOptions): Promise<{ paths: string[]; files?: VFile[] } | { files: VFile[] }> {
  const { registries, files } = await loadRegistries(options.contentDir)
  if (!registries || hasErrors(files)) return { files }
  await mkdir(options.outDir, { recursive: true })
  const paths: string[] = []
  for (const [name, schema] of Object.entries(contentJsonSchemas(registries))) {
    const path = join(options.outDir, name)
    await writeFile(path, `${JSON.stringify(schema, null, 2)}\n`)
    paths.push(path)
  }
  return files.some((file) => file.messages.length > 0) ? { paths, files } : { paths }
}

/** Where `toasoan schema` writes by default: beside the content, out of the way, the same for every editor. */
export const defaultSchemaDir = '.toasoan/schema'

/**
 * Runs `toasoan schema`.
 *
 * @param values The parsed options.
 * @returns 0 written, 1 the registries do not load.
 */
export async function schemaCommand(values: { content: string; out?: string | undefined; format: string }): Promise<RunCode> {
  const printProblems = problemPrinter(checkFormat(values.format))
  await checkContentDir(values.content)
  const outDir = values.out ?? defaultSchemaDir
  const written = await writeSchemas({ contentDir: values.content, outDir })
  if ('files' in written && written.files !== undefined) printProblems(written.files, 'error')
  if (!('paths' in written)) return 1
  console.log(`Wrote ${written.paths.length} JSON Schema files into ${outDir}.`)
  return 0
}
