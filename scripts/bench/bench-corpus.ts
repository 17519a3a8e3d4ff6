import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateCorpus } from '../corpus/index.ts'
import { mapLimit } from '../../src/shared/files.ts'

/** The generator's default seed, which the bench always uses. */
const seed = '1'

/** What the bench writes beside a corpus it made or checked, so later runs trust it. */
interface CorpusStamp {
  articles: number
  seed: string
  generator: string
  ownPhotographs?: boolean
}

/** Size of a corpus. */
export interface CorpusStats {
  articles: number
  /** Bytes of Markdown under `articles/`. */
  markdownBytes: number
  /** Files in `media/`: the pool's six, or the articles' own photographs. */
  images: number
}

async function markdownFiles(contentDir: string): Promise<string[]> {
  const dir = join(contentDir, 'articles')
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.md')).map((entry) => join(entry.parentPath, entry.name))
}

async function readStamp(path: string): Promise<CorpusStamp | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as CorpusStamp
  } catch {
    return undefined
  }
}

/**
 * Counts a corpus's articles and the bytes of their Markdown.
 *
 * @param contentDir The content folder.
 */
export async function corpusStats(contentDir: string): Promise<CorpusStats> {
  const files = await markdownFiles(contentDir)
  const sizes = await mapLimit(files, 64, async (file) => (await stat(file)).size)
  const images = (await readdir(join(contentDir, 'media')).catch(() => [])).length
  return { articles: files.length, markdownBytes: sizes.reduce((sum, size) => sum + size, 0), images }
}

/**
 * Finds or makes the generated corpus of a given size in the work folder (`corpus-<N>`). A folder
 * is reused only when its stamp names the same size, seed and generator code; otherwise it is
 * generated again (23 s for 100,000 articles).
 *
 * @param articles How many articles.
 * @param workDir The bench's work folder.
 * @param log Progress lines.
 * @param ownPhotographs Every article with photographs of its own (a corpus of its own: `corpus-N-own`).
 * @returns The content folder, as an absolute path: the benches run commands from folders of their own.
 */
export async function ensureCorpus(articles: number, workDir: string, log: (line: string) => void, ownPhotographs = false): Promise<string> {
  const dir = resolve(workDir, `corpus-${articles}${ownPhotographs ? '-own' : ''}`)
  const stampPath = join(dir, '.bench-corpus.json')
  const stamp = await readStamp(stampPath)
  const generator = await generatorHash()
  if (stamp?.articles === articles && stamp.seed === seed && stamp.generator === generator && (stamp.ownPhotographs ?? false) === ownPhotographs) return dir
  log(`generating ${articles} articles into ${dir}…`)
  await generateCorpus({ articles, out: dir, seed, force: true, ownPhotographs })
  await writeFile(stampPath, `${JSON.stringify({ articles, seed, generator, ownPhotographs } satisfies CorpusStamp)}\n`)
  return dir
}

/** A hash of the generator's code: a corpus made by other code is made again. */
async function generatorHash(): Promise<string> {
  const dir = fileURLToPath(new URL('../corpus/', import.meta.url))
  const hash = createHash('sha256')
  for (const entry of (await readdir(dir)).sort()) hash.update(entry).update(await readFile(join(dir, entry)))
  return hash.digest('hex').slice(0, 16)
}
