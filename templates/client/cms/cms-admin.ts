import { parse, stringify } from 'yaml'
import { cmsFolderKeys, cmsFormat } from '../../../src/site/cms-config.ts'
import { type AdminSearchSettings, startAdminSearch } from './admin-search.ts'

/**
 * The web editor's own code, loaded after Decap CMS on /admin/: it files a new article under the
 * year and month of its date as written (Decap's `{{year}}`/`{{month}}` are UTC) and reads and
 * writes front matter as `toasoan new` does, without the helper keys.
 */

/** The part of an Immutable.js map Decap hands to event handlers. */
interface EntryData {
  get(key: string): unknown
  set(key: string, value: unknown): EntryData
}

/** The part of `window.CMS` used here. */
interface Decap {
  registerEventListener(listener: { name: 'preSave'; handler: (event: { entry: { get(key: 'data'): EntryData } }) => EntryData }): void
  registerCustomFormat(
    name: string,
    extension: string,
    formatter: { fromFile(content: string): Record<string, unknown>; toFile(data: Record<string, unknown>, sortedKeys?: string[]): string }
  ): void
}

const frontMatter = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)([\s\S]*)$/

/**
 * Reads an article: its front matter with `author` and single values made lists (the widgets'
 * shape), and its body.
 *
 * @param content The file's text.
 */
export function fromFile(content: string): Record<string, unknown> {
  const match = frontMatter.exec(content)
  if (!match) return { body: content }
  const parsed: unknown = parse(match[1] ?? '')
  const data: Record<string, unknown> = typeof parsed === 'object' && parsed !== null ? { ...(parsed as Record<string, unknown>) } : {}
  if (data['authors'] === undefined && data['author'] !== undefined) {
    data['authors'] = data['author']
    delete data['author']
  }
  for (const key of ['authors', 'tags']) if (typeof data[key] === 'string') data[key] = [data[key]]
  for (const key of ['date', 'updated']) if (typeof data[key] === 'number') data[key] = String(data[key])
  return { ...data, body: (match[2] ?? '').replace(/^(?:\r?\n)+/, '') }
}

/**
 * Writes an article: keys in the editor's order, empty optional values left out (the schema's
 * defaults apply), strings double-quoted and dates bare as `toasoan new` writes them.
 *
 * @param data The entry's values, `body` included.
 * @param sortedKeys The fields' order.
 */
export function toFile(data: Record<string, unknown>, sortedKeys: readonly string[] = []): string {
  const helpers: readonly string[] = Object.values(cmsFolderKeys)
  const keys = [...new Set([...sortedKeys, ...Object.keys(data)])].filter((key) => key !== 'body' && !helpers.includes(key))
  const entries = keys.flatMap((key) => {
    const value = withoutEmpty(data[key])
    return value === undefined ? [] : [[key, value] as const]
  })
  const yaml =
    entries.length === 0
      ? ''
      : stringify(Object.fromEntries(entries), { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', flowCollectionPadding: false, lineWidth: 0 })
  const body = typeof data['body'] === 'string' ? data['body'].trim() : ''
  return `---\n${yaml.replace(/^(date|updated): "(.*)"$/gm, '$1: $2')}---\n\n${body}\n`
}

/**
 * The year and month of a date as written (`2026-12-01 05:00` → 2026, 12), for the article's
 * folder; and the title in NFC, so a title typed with combining marks makes the same file name.
 *
 * @param data The entry about to be saved.
 */
export function beforeSave(data: EntryData): EntryData {
  const title = data.get('title')
  const withTitle = typeof title === 'string' ? data.set('title', title.normalize('NFC')) : data
  const match = /^(\d{4})-(\d{2})/.exec(String(data.get('date') ?? ''))
  return match ? withTitle.set(cmsFolderKeys.year, match[1]).set(cmsFolderKeys.month, match[2]) : withTitle
}

function withoutEmpty(value: unknown): unknown {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value.trim() === '' ? undefined : value
  if (Array.isArray(value)) {
    const items = value.map(withoutEmpty).filter((item) => item !== undefined)
    return items.length === 0 ? undefined : items
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value).flatMap(([key, inner]) => {
      const kept = withoutEmpty(inner)
      return kept === undefined ? [] : [[key, kept] as const]
    })
    return entries.length === 0 ? undefined : Object.fromEntries(entries)
  }
  return value
}

const decap = (globalThis as { CMS?: Decap }).CMS
if (decap) {
  decap.registerCustomFormat(cmsFormat, 'md', { fromFile, toFile })
  decap.registerEventListener({ name: 'preSave', handler: ({ entry }) => beforeSave(entry.get('data')) })
}

// The box that finds any article of the archive in the site's search index (see admin-search.ts).
const searchSettings = typeof document === 'undefined' ? undefined : document.body?.dataset['cmsSearch']
if (searchSettings) startAdminSearch(JSON.parse(searchSettings) as AdminSearchSettings)
