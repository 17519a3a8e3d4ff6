import { appendFile, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import slugify from '@sindresorhus/slugify'
import type { AuthorEntry } from '../content/schema.ts'
import { quote } from './front-matter-text.ts'

/** The bylines of an import: ids for the old site's logins, and the entries to add. */
export interface ImportAuthors {
  /** The id a login writes as (added to the registry when new). */
  idOf: (login: string) => string
  /** Entries to append to authors.yml: new ids that an imported article uses. */
  added: () => AuthorEntry[]
}

/**
 * Gives every author of the export an id: the map's, else the registry's author with the same
 * name, else one made from the display name (never from the e-mail, which is not read).
 *
 * @param registry authors.yml as loaded.
 * @param mapped `authors:` of the map, login → id.
 * @param displayNames Display names of the export's authors by login.
 */
export function importAuthors(registry: readonly AuthorEntry[], mapped: ReadonlyMap<string, string>, displayNames: ReadonlyMap<string, string>): ImportAuthors {
  const byName = new Map(registry.map((entry) => [entry.name.normalize('NFC'), entry.id]))
  const taken = new Set(registry.map((entry) => entry.id))
  const created = new Map<string, AuthorEntry>()
  const used = new Set<string>()
  const ids = new Map<string, string>()
  const idOf = (login: string): string => {
    let id = ids.get(login) ?? mapped.get(login)
    if (id === undefined) {
      const name = (displayNames.get(login) || login || 'Ban biên tập').normalize('NFC')
      id = byName.get(name)
      if (id === undefined) {
        const base = slugify(name) || slugify(login) || 'tac-gia'
        id = taken.has(base) ? `${base}-${slugify(login) || 'wp'}` : base
        taken.add(id)
        byName.set(name, id)
        created.set(id, { id, name })
      }
      ids.set(login, id)
    }
    used.add(id)
    return id
  }
  return { idOf, added: () => [...created.values()].filter((entry) => used.has(entry.id)) }
}

/**
 * Appends new authors to authors.yml (id and name only: the export's e-mails stay out).
 *
 * @param contentDir The content folder.
 * @param entries The new entries; nothing is written when empty.
 */
export async function appendAuthors(contentDir: string, entries: readonly AuthorEntry[]): Promise<void> {
  if (entries.length === 0) return
  const path = join(contentDir, 'authors.yml')
  const existing = await readFile(path, 'utf8').catch(() => '')
  const lines = entries.map((entry) => `- id: ${entry.id}\n  name: ${quote(entry.name)}\n`).join('')
  await appendFile(path, `${existing === '' || existing.endsWith('\n') ? '' : '\n'}# Imported (toasoan import).\n${lines}`)
}
