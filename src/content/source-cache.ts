import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { cacheFingerprint, digest, writeAtomic } from '../cache/index.ts'
import type { ArticleResult } from './load-articles.ts'
import type { Registries } from './registries.ts'
import { mapLimit } from '../shared/files.ts'

/** A loaded article as the cache keeps it: valid while the file's bytes and its images' bytes are the same. */
export interface CachedSource {
  path: string
  /** SHA-256 of the Markdown file. */
  hash: string
  /**
   * The file's size, modification time and inode when it was hashed. While all three are the same
   * the file is not read again (git's index works the same way); a fresh checkout changes them,
   * and the file is then read and compared by hash.
   */
  stat?: FileStamp
  /** Git's object id of the file's bytes: while git's index holds this id for the file, and the file is unmodified, the file is not even stat'ed. */
  blob?: string
  result: ArticleResult
  /** The images the article uses: as written, the file they resolved to, and the hash of its bytes. */
  media: Array<{ src: string; path: string; hash: string }>
  /** Keys of the Markdown cache entries its body used, kept from pruning while the article is. */
  markdown?: string[]
}

/**
 * The cache folder's name for this code and these registries: the code that loads one article
 * (with everything it imports and the exact versions of its packages) and every registry.
 *
 * @param registries The validated registries.
 * @param encoder The image encoder's identity, part of the image names a loaded article holds.
 */
export async function sourceCacheKey(registries: Registries, encoder: string): Promise<string> {
  return digest(await cacheFingerprint('sources'), JSON.stringify(registries), encoder).slice(0, 24)
}

/** What identifies a file's version without reading it. */
export interface FileStamp {
  size: number
  mtimeMs: number
  ino: number
}

/** SHA-256 of a file's text (or its bytes: the same digest for UTF-8), the key of its cache entry. */
export function hashText(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex')
}

/**
 * Which cache file an article belongs to: one per folder (`articles/2019/10` → `2019-10.v8`), so
 * a warm build reads a few hundred files instead of one per article. Entries are stored with V8's
 * serializer, which reads back twice as fast as JSON; their bodies (nine tenths of the 1.1 GB at
 * 100,000 articles) are kept apart, in {@link bodiesFile}.
 *
 * @param contentDir The content folder.
 * @param path The article's path.
 */
export function cacheGroup(contentDir: string, path: string): string {
  // Asked three times for every article of every build: made once per folder.
  let groups = groupsByContent.get(contentDir)
  if (groups === undefined) {
    groups = new Map()
    groupsByContent.set(contentDir, groups)
  }
  const folder = dirname(path)
  let group = groups.get(folder)
  if (group === undefined) {
    const articles = join(contentDir, 'articles')
    const inside = folder.startsWith(`${articles}${sep}`) ? folder.slice(articles.length + 1) : relative(articles, folder)
    group = `${inside.split(/[\\/]/).join('-') || 'root'}.v8`
    groups.set(folder, group)
  }
  return group
}

/** Each folder's group, by content folder (see {@link cacheGroup}). */
const groupsByContent = new Map<string, Map<string, string>>()

/**
 * Reads the cache entries of some groups.
 *
 * @param dir The cache folder.
 * @param groups Group file names.
 */
export async function readCachedSources(dir: string, groups: Iterable<string>): Promise<Map<string, CachedSource>> {
  // Each group's entries, deserialised as soon as its file is read, while the next files are read:
  // reading all 240 files first and deserialising them after left the thread idle for a second at
  // 100,000 articles. Kept in the groups' order, so the result does not depend on which read ended first.
  // A group whose bodies file is gone still counts (CI restores the bodies of recent years only): a
  // body missing when a page needs it is rendered again from its file (see `createBodyStore`).
  const groupEntries = await mapLimit([...new Set(groups)], 8, async (group): Promise<CachedSource[]> => {
    const bytes = await readFile(join(dir, group)).catch(() => undefined)
    if (bytes === undefined) return [] // no file yet: those articles load from scratch
    try {
      return deserialize(bytes) as CachedSource[]
    } catch {
      return [] // a torn file: those articles load from scratch
    }
  })
  const entries = new Map<string, CachedSource>()
  for (const list of groupEntries) for (const entry of list) entries.set(entry.path, entry)
  return entries
}

/**
 * Writes the groups that changed, each atomically: first the group's bodies (see
 * {@link bodiesFile}), then its entries. A body loaded from the cache is taken from the group's
 * bodies file as it was; one that is in neither is left out, its entry kept.
 *
 * @param dir The cache folder.
 * @param entries Every article's entry, in path order.
 * @param changed Groups with an entry that was loaded from scratch.
 * @param contentDir The content folder.
 * @param bodies The bodies rendered in this run, by path.
 * @returns Every group file the articles belong to, and their bodies files; the caller prunes the others.
 */
export async function writeCachedSources(
  dir: string,
  entries: readonly CachedSource[],
  changed: ReadonlySet<string>,
  contentDir: string,
  bodies: ReadonlyMap<string, string>
): Promise<string[]> {
  const groups = new Map<string, CachedSource[]>()
  for (const entry of entries) {
    const group = cacheGroup(contentDir, entry.path)
    const list = groups.get(group)
    if (list) list.push(entry)
    else groups.set(group, [entry])
  }
  for (const [group, list] of groups) {
    if (!changed.has(group)) continue
    const earlier = list.every((entry) => bodies.has(entry.path)) ? new Map<string, StoredBody>() : await readStoredBodies(dir, group)
    // Every entry stands, with or without its body: a group's bodies file may be missing (CI
    // restores recent years' only), and a body missing when a page needs it is rendered again from
    // its file (see `createBodyStore`). Dropping the entries there cost the push after an edit of an
    // old article the whole month loaded from scratch (5 s at 100,000 articles).
    const kept: StoredBody[] = []
    for (const entry of list) {
      const digest = entry.result.article?.digest ?? ''
      const html = bodies.get(entry.path)
      const body = html === undefined ? earlier.get(entry.path) : { path: entry.path, digest, html }
      if (body?.digest === digest) kept.push(body)
    }
    await writeAtomic(join(dir, bodiesFile(group)), serialize(kept))
    await writeAtomic(join(dir, group), serialize(list))
  }
  return [...groups.keys()].flatMap((group) => [group, bodiesFile(group)])
}

/** An article's rendered body as the cache keeps it, beside its entry. */
export interface StoredBody {
  path: string
  /** The article's digest, checked on reading: a body never stands for another version. */
  digest: string
  /** Sanitised HTML. */
  html: string
}

/**
 * Where a group's bodies are kept (`bodies/2019-10.v8`): apart from its entries, so a build reads
 * only the bodies of the pages and search bundles it makes, not 100,000 of them.
 *
 * @param group A group file name (see {@link cacheGroup}).
 */
export function bodiesFile(group: string): string {
  return `bodies/${group}`
}

/**
 * Reads a group's bodies by path; none when the file is missing or torn.
 *
 * @param dir The cache folder.
 * @param group A group file name.
 */
export async function readStoredBodies(dir: string, group: string): Promise<Map<string, StoredBody>> {
  try {
    const stored = deserialize(await readFile(join(dir, bodiesFile(group)))) as StoredBody[]
    return new Map(stored.map((body) => [body.path, body]))
  } catch {
    return new Map()
  }
}
