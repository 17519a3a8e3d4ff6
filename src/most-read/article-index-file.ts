import { statSync } from 'node:fs'
import { open, readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { cacheFingerprint, digest, writeAtomic } from '../cache/index.ts'
import { articlePaths, folderKey, gitBlobIds } from '../content/index.ts'
import { compare } from '../shared/compare.ts'
import { type ArticleIndex, parseIndex, serialiseIndex, stampOfIndex } from './article-index.ts'

/**
 * Where the article index of a content folder lives: in the cache, not the output, so a build
 * against a deployed site (`--deployed`, whose output holds only what the target lacks) writes it
 * too, and it is never uploaded.
 *
 * @param cacheDir The cache folder (`.cache`).
 * @param contentDir The content folder.
 */
export function articleIndexPath(cacheDir: string, contentDir: string): string {
  return join(resolve(cacheDir), 'most-read', `${folderKey(contentDir)}.jsonl`)
}

/**
 * What the content is, without reading the articles: the registries' bytes, each article file's
 * path and git's object id of its bytes when git's index holds them (see `gitBlobIds`), else its
 * size, modification time and inode (as git's index tells a file changed), and the code that loads
 * articles and makes the index. Taken before the content is loaded, so a file edited while it loads
 * gives another stamp than the index's, never an index that looks current. Git's ids hold across
 * checkouts: a CI runner's fresh clone, whose every file has a new time and inode, finds the index
 * the last build wrote (and stat'ing 100,000 files cost 1.5 s of the build).
 *
 * @param contentDir The content folder.
 * @param blobs Git's object ids of the articles, by absolute path, when the caller asked git already. @default asked here
 * @param paths The article files, absolute and sorted (see `articlePaths`), when the caller listed them already. @default listed here
 * @returns A SHA-256 in hex.
 */
export async function contentStamp(contentDir: string, blobs?: Promise<ReadonlyMap<string, string>>, paths?: Promise<readonly string[]>): Promise<string> {
  const dir = resolve(contentDir)
  const known = blobs ?? gitBlobIds(dir, 'articles')
  const registries = (await readdir(dir).catch(() => [] as string[])).filter((name) => /\.ya?ml$/.test(name)).sort(compare)
  const registryBytes = await Promise.all(registries.map((name) => readFile(join(dir, name)).catch(() => '')))
  // The loader's own listing (absolute, sorted), the build's or one made here.
  const articles = (await (paths ?? articlePaths(dir))).map((path) => path.slice(dir.length + 1))
  const ids = await known
  // One synchronous stat after the other: a fifth of the CPU time of as many promises (1.1 s
  // instead of 5 s at 100,000 articles), and nothing else runs meanwhile.
  const stamps = articles.map((path) => {
    const id = ids.get(join(dir, path))
    if (id !== undefined) return `${path}\0${id}`
    const { size, mtimeMs, ino } = statSync(join(dir, path))
    return `${path}\0${size}\0${mtimeMs}\0${ino}`
  })
  return digest(await cacheFingerprint('most-read'), ...registries.flatMap((name, at) => [name, registryBytes[at] ?? '']), ...stamps)
}

/** Why no article index could be used. */
export type IndexMiss = 'missing' | 'stale' | 'unreadable'

/**
 * Reads the article index of a content folder when it was made from the content as it is now.
 *
 * @param cacheDir The cache folder.
 * @param contentDir The content folder.
 * @param stamp The content's stamp now (see {@link contentStamp}).
 * @returns The index, or why there is none to use.
 */
export async function readArticleIndex(cacheDir: string, contentDir: string, stamp: string): Promise<{ index: ArticleIndex } | { miss: IndexMiss }> {
  const path = articleIndexPath(cacheDir, contentDir)
  const written = await firstLine(path)
  if (written === undefined) return { miss: 'missing' }
  if (stampOfIndex(written) !== stamp) return { miss: 'stale' }
  const index = parseIndex(await readFile(path))
  return index === undefined ? { miss: 'unreadable' } : { index }
}

/**
 * Writes the article index atomically, unless the file already holds an index of the same stamp:
 * then the index is not even made (every build calls this, and most change no article).
 *
 * @param cacheDir The cache folder.
 * @param contentDir The content folder.
 * @param stamp The content's stamp now (see {@link contentStamp}).
 * @param make Makes the index of that stamp (see `indexArticles`).
 * @returns Whether the file was written.
 */
export async function writeArticleIndex(cacheDir: string, contentDir: string, stamp: string, make: () => ArticleIndex): Promise<boolean> {
  const path = articleIndexPath(cacheDir, contentDir)
  const written = await firstLine(path)
  if (written !== undefined && stampOfIndex(written) === stamp) return false
  await writeAtomic(path, serialiseIndex(make()))
  return true
}

/** The first line of a file (its first kilobyte is enough for a stamp), or `undefined` when there is no file. */
async function firstLine(path: string): Promise<string | undefined> {
  const file = await open(path).catch(() => undefined)
  if (file === undefined) return undefined
  try {
    const buffer = Buffer.alloc(1024)
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0)
    const text = buffer.subarray(0, bytesRead).toString('utf8')
    const end = text.indexOf('\n')
    return end === -1 ? text : text.slice(0, end)
  } finally {
    await file.close()
  }
}
