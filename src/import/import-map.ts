import { readFile } from 'node:fs/promises'
import { VFile } from 'vfile'
import type { Registries } from '../content/registries.ts'
import { parseYamlSource, yamlPosition } from '../content/yaml-source.ts'
import { didYouMean } from '../problems/did-you-mean.ts'
import { reportImport } from './import-rules.ts'

/** `--map FILE`: WordPress slugs and logins to the registries' ids. */
export interface ImportMap {
  /** Category or tag slug → locality id. */
  localities: Map<string, string>
  /** Category or tag slug → category id. */
  categories: Map<string, string>
  /** Author login → author id. */
  authors: Map<string, string>
}

const sections = ['localities', 'categories', 'authors'] as const

/** An empty map: every post goes to `--locality`, every author is added under a new id. */
export const emptyMap = (): ImportMap => ({ localities: new Map(), categories: new Map(), authors: new Map() })

/**
 * Reads and checks a map file: each id must be in its registry; an unknown one is an error at its
 * line, with the nearest id.
 *
 * @param path The map file.
 * @param registries The content's registries.
 * @returns The map (undefined when it has errors) and the file with its problems.
 */
export async function readImportMap(path: string, registries: Registries): Promise<{ map: ImportMap | undefined; file: VFile }> {
  const file = new VFile({ path, value: await readFile(path, 'utf8') })
  const parsed = parseYamlSource(String(file.value), file)
  if (!parsed) return { map: undefined, file }
  const map = emptyMap()
  const data = parsed.data ?? {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    reportImport(file, 'invalid-map', 'The map must be a mapping of localities, categories and authors.')
    return { map: undefined, file }
  }
  const known = {
    localities: registries.localities.map((entry) => entry.id),
    categories: registries.categories?.map((entry) => entry.id),
    authors: registries.authors.map((entry) => entry.id),
  }
  for (const [key, value] of Object.entries(data)) {
    const section = sections.find((name) => name === key)
    if (!section || value === null || typeof value !== 'object' || Array.isArray(value)) {
      reportImport(file, 'invalid-map', section ? `"${key}" must map slugs to ids.` : `Unknown key "${key}".`, yamlPosition(parsed.source, [key], 'key'))
      continue
    }
    for (const [slug, id] of Object.entries(value as Record<string, unknown>)) {
      const ids = known[section]
      if (typeof id !== 'string' || (ids !== undefined && !ids.includes(id))) {
        const suggestion = ids === undefined ? undefined : didYouMean(String(id), ids)
        const registry = section === 'localities' ? 'localities.yml' : `${section}.yml`
        reportImport(
          file,
          'unknown-map-id',
          `Unknown ${section.replace(/ies$/, 'y').replace(/s$/, '')} id "${String(id)}" for "${slug}": not in ${registry}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
          yamlPosition(parsed.source, [key, slug])
        )
        continue
      }
      map[section].set(slug.normalize('NFC'), id)
    }
  }
  return { map: file.messages.some((message) => message.fatal) ? undefined : map, file }
}
