import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { VFile } from 'vfile'
// By path, not through content/index.ts: the pages cache's key follows that index, and the schema
// code shapes no page.
import { contentJsonSchemas } from '../content/json-schema.ts'
import { loadRegistries } from '../content/registries.ts'
import { hasErrors } from '../problems/index.ts'

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
