import { createHash } from 'node:crypto'
import { createReadStream, readdirSync, readFileSync, statSync, type Stats } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import type { Point } from 'unist'
import { writeAtomic } from '../cache/atomic-write.ts'
import { digest } from '../cache/digest.ts'
import type { ImportCounts } from './import-report.ts'
import type { ImportRuleId } from './import-rules.ts'
import { importedState } from './imported-file.ts'

/**
 * What an import of one export into one content folder found, kept so that importing the very
 * same export again with the same options, map, media and code does no work: it is what a
 * re-import would report, and the stamp of each file it would find current.
 */
export interface ImportRecord {
  key: string
  /** When the record was made (epoch ms): a file modified this close to it is read again. */
  madeAt: number
  /** Each article and page the import wrote or found current: path, size, mtime, inode, source digest. */
  files: Array<[path: string, size: number, mtimeMs: number, ino: number, source: string]>
  /** The summary a re-import prints. */
  counts: ImportCounts
  /** The problems a re-import reports again (found while placing posts, or for posts left out), in order. */
  messages: Array<[rule: ImportRuleId, reason: string, place: Point]>
}

/** What the record's key is made of, besides the authors registry (see {@link recordKey}). */
export interface RecordInputs {
  code: string
  exportPath: string
  contentDir: string
  mediaDir: string | undefined
  locality: string | undefined
  /** The map and the site's zone, as JSON. */
  settings: string
}

// A stamp this close to the record's making may hide a change made in the same instant (git's "racily clean").
const racyMs = 2000

/** Where the record of a content folder lives: `.cache/import/`, one file per content folder. */
export const recordPath = (contentDir: string): string => join('.cache', 'import', `${digest(resolve(contentDir)).slice(0, 24)}.json`)

/**
 * The key of everything an import's output depends on besides the content folder's own files:
 * the import's code, the export's bytes, the options, the map and zone, the files the `--media`
 * folder holds (an image found or missing changes an article), and the authors registry.
 *
 * @param inputs The run's code fingerprint, paths, options and settings.
 * @param authors The authors registry as loaded, as JSON.
 */
export async function recordKey(inputs: RecordInputs, authors: string): Promise<string> {
  return digest(
    inputs.code,
    await fileDigest(inputs.exportPath),
    JSON.stringify([resolve(inputs.contentDir), inputs.mediaDir === undefined ? null : resolve(inputs.mediaDir), inputs.locality ?? null, inputs.settings]),
    inputs.mediaDir === undefined ? '' : listingDigest(inputs.mediaDir),
    authors
  )
}

/**
 * The record of an earlier import when it still holds: the same key, and every file it lists
 * either with the same stamp or, read again, still made from the same source and not edited.
 *
 * @param contentDir The content folder.
 * @param key The key of this run.
 */
export async function heldRecord(contentDir: string, key: string): Promise<ImportRecord | undefined> {
  const record = await readFile(recordPath(contentDir), 'utf8').then(
    (text) => JSON.parse(text) as ImportRecord,
    () => undefined
  )
  if (record?.key !== key) return undefined
  for (const [path, size, mtimeMs, ino, source] of record.files) {
    const stats = statOf(join(contentDir, path))
    if (stats === undefined) return undefined
    if (stats.size === size && stats.mtimeMs === mtimeMs && stats.ino === ino && mtimeMs < record.madeAt - racyMs) continue
    const state = importedState(readFileSync(join(contentDir, path), 'utf8'))
    if (state?.from !== 'wordpress' || state.source !== source || !state.unedited) return undefined
  }
  return record
}

/**
 * Keeps the record of an import, the stamps of its files taken now.
 *
 * @param contentDir The content folder.
 * @param record The key, what a re-import reports, and each file with its source digest.
 */
export async function keepRecord(
  contentDir: string,
  record: { key: string; counts: ImportCounts; messages: ImportRecord['messages']; files: Array<[string, string]> }
): Promise<void> {
  const madeAt = Date.now()
  const files: ImportRecord['files'] = []
  for (const [path, source] of record.files) {
    const stats = statOf(join(contentDir, path))
    if (stats === undefined) return
    files.push([path, stats.size, stats.mtimeMs, stats.ino, source])
  }
  files.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  const path = recordPath(contentDir)
  await mkdir(join('.cache', 'import'), { recursive: true })
  await writeAtomic(path, JSON.stringify({ key: record.key, madeAt, files, counts: record.counts, messages: record.messages } satisfies ImportRecord))
}

/** SHA-256 of a file's bytes, read as a stream. */
async function fileDigest(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** A digest of the names of the files (and links) in a folder tree: which images it holds. */
function listingDigest(dir: string): string {
  const names: string[] = []
  try {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
      if (entry.isFile() || entry.isSymbolicLink()) names.push(relative(dir, join(entry.parentPath, entry.name)))
  } catch {
    return 'unreadable'
  }
  return digest(names.sort().join('\n'))
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path)
  } catch {
    return undefined
  }
}
