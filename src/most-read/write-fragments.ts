import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { writeAtomic } from '../cache/index.ts'
import { type FileManifest, manifestName, manifestText, parseManifest, recordOf, tableOf } from '../publish/index.ts'

/** What writing a folder of fragments did. */
export interface FragmentsWritten {
  /** Files whose bytes changed (or are new): what a deploy uploads. */
  changed: string[]
  /** Files left as they were. */
  unchanged: number
  /** Files of the folder no longer made, deleted. */
  removed: string[]
  /** Bytes of all the fragments. */
  bytes: number
}

/**
 * Writes a folder of fragments into a built site: a file whose bytes are unchanged is not touched
 * (its modification time stays, so nothing re-hashes or re-uploads it), a file of the folder no
 * longer made is deleted, and the output's manifest (what `toasoan deploy` uploads from) is
 * updated for that folder only. Each file is written atomically: a reader never gets half a list.
 *
 * @param outDir The built site.
 * @param folder The fragments' folder in it (`doc-nhieu`).
 * @param files URL path (`/doc-nhieu/index.json`) → contents.
 */
export async function writeFragments(outDir: string, folder: string, files: ReadonlyMap<string, string>): Promise<FragmentsWritten> {
  const result: FragmentsWritten = { changed: [], unchanged: 0, removed: [], bytes: 0 }
  const entries: FileManifest['files'] = {}
  for (const [url, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const path = join(outDir, ...url.split('/').filter(Boolean))
    const bytes = Buffer.from(text)
    result.bytes += bytes.length
    entries[url] = { hash: createHash('md5').update(bytes).digest('hex'), size: bytes.length }
    const old = await readFile(path).catch(() => undefined)
    if (old?.equals(bytes)) {
      result.unchanged++
      continue
    }
    await mkdir(dirname(path), { recursive: true })
    await writeAtomic(path, bytes)
    result.changed.push(url)
  }
  const root = join(outDir, folder)
  const present = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => [])
  for (const entry of present) {
    if (!entry.isFile()) continue
    const url = `/${relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/')}`
    if (files.has(url)) continue
    await rm(join(entry.parentPath, entry.name), { force: true })
    result.removed.push(url)
  }
  result.removed.sort()
  await updateManifest(outDir, folder, entries)
  return result
}

/** Replaces the folder's entries of the output's manifest, when the output has one and they changed. */
async function updateManifest(outDir: string, folder: string, entries: FileManifest['files']): Promise<void> {
  const before = await readFile(join(outDir, manifestName), 'utf8').catch(() => undefined)
  const table = before === undefined ? undefined : parseManifest(before)
  if (table === undefined) return
  const prefix = `/${folder}/`
  const { files } = recordOf(table)
  for (const path in files) if (path.startsWith(prefix)) delete files[path]
  Object.assign(files, entries)
  // Keys and a partial output's target stay: they describe the rest of the output.
  const text = manifestText({
    ...tableOf({ version: 1, files }),
    ...(table.keys ? { keys: table.keys } : {}),
    ...(table.partial ? { partial: table.partial } : {}),
  })
  if (text !== before) await writeAtomic(join(outDir, manifestName), text)
}
