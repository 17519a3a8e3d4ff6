import { execFile } from 'node:child_process'
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { exists } from '../../src/shared/files.ts'

/** A word no generated article holds, planted in the oldest article only. */
export const plantedWord = 'xẩm'

/** The ten queries of the search bench: with and without diacritics, one and several words, đ, the planted word. */
export const benchQueries = [
  'duong giao thong',
  'uy ban nhan dan',
  'lua mua',
  'đường giao thông',
  'công an',
  'hdnd',
  'dac san',
  'nong thon moi',
  'Thanh Hóa',
  'xam',
]

/**
 * The search bench's own copy of a corpus: hard links (instant, no space), with the oldest article
 * replaced by one that also holds {@link plantedWord}, so a plain search must reach the oldest
 * bundle. The shared corpus is never written.
 *
 * @param corpus The content folder to copy.
 * @param dest Where the copy goes (replaced).
 * @returns The oldest article's path inside the copy.
 */
export async function searchCorpus(corpus: string, dest: string): Promise<string> {
  await rm(dest, { recursive: true, force: true })
  await promisify(execFile)('cp', ['-al', corpus, dest])
  const articles = join(dest, 'articles')
  const files = (await readdir(articles, { recursive: true })).filter((path) => path.endsWith('.md')).sort()
  const oldest = files[0]
  if (oldest === undefined || !(await exists(join(articles, oldest)))) throw new Error(`no article in ${corpus}`)
  const path = join(articles, oldest)
  const text = await readFile(path, 'utf8')
  // A new file, not an edit: the hard link to the shared corpus is broken, not written through.
  await writeFile(`${path}.planted`, `${text.trimEnd()}\n\nNhững bài hát ${plantedWord} của cụ được con cháu ghi lại.\n`)
  await rename(`${path}.planted`, path)
  return path
}
