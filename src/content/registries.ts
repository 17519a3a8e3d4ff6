import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { VFile } from 'vfile'
import type { z } from 'zod'
import { decodeSource } from './decode-source.ts'
import { didYouMean } from '../problems/did-you-mean.ts'
import { isTimeZone } from './dates.ts'
import { report } from '../problems/report.ts'
import {
  authorSchema,
  categorySchema,
  localitySchema,
  siteSchema,
  type AuthorEntry,
  type CategoryEntry,
  type LocalityEntry,
  type SiteConfig,
} from './schema.ts'
import { validate } from './validate.ts'
import { parseYamlSource, yamlPosition, type YamlSource } from './yaml-source.ts'

/** The registries every article refers to. */
export interface Registries {
  /** `site.yml`. */
  site: SiteConfig
  /** `localities.yml`, in file order. */
  localities: LocalityEntry[]
  /** `authors.yml`, in file order. */
  authors: AuthorEntry[]
  /** `categories.yml`, when the paper keeps one; otherwise any category id is accepted. */
  categories?: CategoryEntry[]
}

/**
 * Reads and validates `site.yml`, `localities.yml` and `authors.yml`.
 *
 * @param contentDir The content folder.
 * @returns The registries (`undefined` when one is missing or an entry does not validate; they
 *   may be defined while the files carry errors) and the files with their problems.
 */
export async function loadRegistries(contentDir: string): Promise<{ registries: Registries | undefined; files: VFile[] }> {
  const [siteFile, localitiesFile, authorsFile, categoriesFile] = await Promise.all(
    ['site.yml', 'localities.yml', 'authors.yml', 'categories.yml'].map((name) => readYamlFile(contentDir, name))
  )
  const categories = categoriesFile && loadList(categoriesFile, categorySchema)
  const site = siteFile && loadSite(siteFile)
  const localities = localitiesFile && loadList(localitiesFile, localitySchema)
  const authors = authorsFile && loadList(authorsFile, authorSchema)
  if (localitiesFile && localities) checkLocalityTree(localitiesFile, localities)
  const files = [siteFile, localitiesFile, authorsFile, categoriesFile].flatMap((entry) => (entry ? [entry.file] : []))
  for (const [index, name] of ['site.yml', 'localities.yml', 'authors.yml'].entries()) {
    if (![siteFile, localitiesFile, authorsFile][index]) {
      const file = new VFile({ path: join(contentDir, name) })
      report(file, 'missing-file', { name })
      files.push(file)
    }
  }
  // A registry whose entries all validate still loads when it has other errors (a duplicate id, an
  // unknown parent): the articles are checked against it, so their errors show in the same run.
  if (!site || !localities || !authors || (categoriesFile && !categories)) return { registries: undefined, files }
  const registries: Registries = { site, localities: localities.map((entry) => entry.value), authors: authors.map((entry) => entry.value) }
  if (categories) registries.categories = categories.map((entry) => entry.value)
  return { registries, files }
}

interface YamlFile {
  file: VFile
  parsed: { data: unknown; source: YamlSource } | undefined
}

async function readYamlFile(contentDir: string, name: string): Promise<YamlFile | undefined> {
  const path = join(contentDir, name)
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch {
    return undefined
  }
  const file = new VFile({ path })
  const text = decodeSource(bytes, file)
  return { file, parsed: text === undefined ? undefined : parseYamlSource(text, file) }
}

function loadSite({ file, parsed }: YamlFile): SiteConfig | undefined {
  if (!parsed) return undefined
  const site = validate(siteSchema, parsed.data, parsed.source, file)
  if (site && !isTimeZone(site.timeZone)) {
    report(file, 'invalid-field', { field: 'timeZone', reason: `unknown time zone "${site.timeZone}"` }, yamlPosition(parsed.source, ['timeZone']))
    return undefined
  }
  if (site?.comments?.enabled) {
    const endpoint = site.comments.endpoint
    if (endpoint === undefined || endpoint === '') {
      report(file, 'missing-field', { field: 'comments.endpoint' }, yamlPosition(parsed.source, ['comments']))
      return undefined
    }
    if (!isAllowedEndpoint(endpoint)) {
      report(file, 'invalid-endpoint', { url: endpoint }, yamlPosition(parsed.source, ['comments', 'endpoint']))
      return undefined
    }
  }
  if (site?.cms.backend === 'git-gateway') report(file, 'cms-git-gateway', {}, yamlPosition(parsed.source, ['cms', 'backend']))
  return site
}

function loadList<Schema extends z.ZodType<{ id: string }>>(
  { file, parsed }: YamlFile,
  schema: Schema
): Array<{ value: z.output<Schema>; source: YamlSource; index: number }> | undefined {
  if (!parsed) return undefined
  if (!Array.isArray(parsed.data)) {
    report(file, 'invalid-field', { field: '(root)', reason: 'expected a list of entries, each starting with "- id:"' }, yamlPosition(parsed.source, []))
    return undefined
  }
  const entries: Array<{ value: z.output<Schema>; source: YamlSource; index: number }> = []
  const seen = new Set<string>()
  let valid = true
  for (const [index, item] of parsed.data.entries()) {
    const value = validate(schema, item, parsed.source, file, [index])
    if (!value) {
      valid = false
      continue
    }
    if (seen.has(value.id)) report(file, 'duplicate-id', { id: value.id }, yamlPosition(parsed.source, [index, 'id']))
    seen.add(value.id)
    entries.push({ value, source: parsed.source, index })
  }
  // Without the invalid entry, articles that name it would each get a misleading "unknown" error.
  return valid ? entries : undefined
}

function checkLocalityTree({ file }: YamlFile, entries: ReadonlyArray<{ value: LocalityEntry; source: YamlSource; index: number }>): void {
  const byId = new Map(entries.map((entry) => [entry.value.id, entry.value]))
  for (const { value, source, index } of entries) {
    if (value.parent === undefined) continue
    if (!byId.has(value.parent)) {
      report(file, 'unknown-parent', { id: value.parent, suggestion: didYouMean(value.parent, byId.values()) }, yamlPosition(source, [index, 'parent']))
      continue
    }
    const seen = new Set<string>([value.id])
    let parent: string | undefined = value.parent
    while (parent !== undefined) {
      if (seen.has(parent)) {
        report(file, 'locality-cycle', { id: value.id }, yamlPosition(source, [index, 'parent']))
        break
      }
      seen.add(parent)
      parent = byId.get(parent)?.parent
    }
  }
}

/**
 * Whether comments may be posted to a URL: https, or http on this machine for testing.
 *
 * @param endpoint The configured URL.
 */
export function isAllowedEndpoint(endpoint: string): boolean {
  try {
    const url = new URL(endpoint)
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
  } catch {
    return false
  }
}
