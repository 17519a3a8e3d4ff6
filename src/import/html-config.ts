import { readFile } from 'node:fs/promises'
import { selectAll } from 'hast-util-select'
import { VFile } from 'vfile'
import { z } from 'zod'
import type { Registries } from '../content/registries.ts'
import { validate } from '../content/validate.ts'
import { parseYamlSource, yamlPosition } from '../content/yaml-source.ts'
import { didYouMean } from '../problems/did-you-mean.ts'
import { reportImport } from './import-rules.ts'

const selector = z.string().trim().min(1)

/**
 * `import html --config FILE.yml`: where each part of a saved article page is, as CSS selectors
 * (hast-util-select), and how its date is written.
 */
export const htmlConfigSchema = z.strictObject({
  title: selector,
  date: selector,
  /** luxon tokens, read in the site's zone. @default 'dd/MM/yyyy HH:mm' */
  dateFormat: z.string().min(1).default('dd/MM/yyyy HH:mm'),
  summary: selector.optional(),
  body: selector,
  author: selector.optional(),
  /** A picture block in the body (e.g. `table.image`, `figure`). */
  figure: selector.optional(),
  /** The image inside a figure. @default 'img' */
  image: selector.default('img'),
  /** The caption inside a figure. */
  caption: selector.optional(),
  /** Dropped from the body: related links, most read, share boxes, ads. */
  remove: z.array(selector).default([]),
  /** A selector (breadcrumb) or a pattern of the old URL with one group, mapped to locality ids. */
  locality: z
    .strictObject({
      selector: selector.optional(),
      url: z.string().min(1).optional(),
      map: z.record(z.string(), z.string()),
    })
    .optional(),
  /** The page's own address. @default 'link[rel=canonical]' */
  oldUrl: selector.default('link[rel=canonical]'),
  /** Byline names → author ids, when they differ from authors.yml's names. */
  authors: z.record(z.string(), z.string()).default({}),
})

/** The config, validated. */
export type HtmlConfig = z.infer<typeof htmlConfigSchema>

const selectorKeys = ['title', 'date', 'summary', 'body', 'author', 'figure', 'image', 'caption', 'oldUrl'] as const

/**
 * Reads and checks the config: its keys, that every selector parses, that the locality pattern
 * is a regular expression, and that every id is in its registry (each problem at its line).
 *
 * @param path The config file.
 * @param registries The content's registries.
 */
export async function readHtmlConfig(path: string, registries: Registries): Promise<{ config: HtmlConfig | undefined; file: VFile }> {
  const file = new VFile({ path, value: await readFile(path, 'utf8') })
  const parsed = parseYamlSource(String(file.value), file)
  const config = parsed ? validate(htmlConfigSchema, parsed.data ?? {}, parsed.source, file) : undefined
  if (!parsed || !config) return { config: undefined, file }
  const at = (keys: Array<string | number>) => yamlPosition(parsed.source, keys)
  const checkSelector = (value: string, keys: Array<string | number>): void => {
    try {
      selectAll(value, { type: 'root', children: [] })
    } catch (error) {
      reportImport(file, 'invalid-config', `"${value}" is not a CSS selector: ${error instanceof Error ? error.message : String(error)}`, at(keys))
    }
  }
  for (const key of selectorKeys) {
    const value = config[key]
    if (value !== undefined) checkSelector(value, [key])
  }
  config.remove.forEach((value, index) => void checkSelector(value, ['remove', index]))
  if (config.locality?.selector) checkSelector(config.locality.selector, ['locality', 'selector'])
  if (config.locality?.url !== undefined) {
    try {
      new RegExp(config.locality.url)
    } catch {
      reportImport(file, 'invalid-config', `"${config.locality.url}" is not a regular expression.`, at(['locality', 'url']))
    }
  }
  const localityIds = registries.localities.map((entry) => entry.id)
  for (const [key, id] of Object.entries(config.locality?.map ?? {})) {
    if (!localityIds.includes(id)) {
      const suggestion = didYouMean(id, localityIds)
      reportImport(
        file,
        'unknown-map-id',
        `Unknown locality id "${id}" for "${key}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        at(['locality', 'map', key])
      )
    }
  }
  const authorIds = registries.authors.map((entry) => entry.id)
  for (const [name, id] of Object.entries(config.authors)) {
    if (!authorIds.includes(id)) reportImport(file, 'unknown-map-id', `Unknown author id "${id}" for "${name}".`, at(['authors', name]))
  }
  return { config: file.messages.some((message) => message.fatal) ? undefined : config, file }
}
