/**
 * Deterministic generator of a synthetic content folder (site.yml, registries,
 * articles and an image pool) for load-testing and previewing toasoan.
 *
 * This module holds the generator's only disk side effects (`generateCorpus` and
 * its helpers). Everything else in scripts/corpus is pure: the same seed and article
 * index always give the same article, whatever order articles are written in.
 */
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeArticle } from './article.ts'
import { makeComments, renderCategoriesFile } from './comments.ts'
import { gradientPixels, IMAGE_COLOURS, IMAGE_HEIGHT, IMAGE_POOL, IMAGE_WIDTH } from './images.ts'
import { at, createRandom, deriveSeed, hashSeed } from './random.ts'
import { BUILT_IN_LOCALITIES, createRegistries, makeAuthors, parseLocalities } from './registries.ts'
import type { Locality } from './registries.ts'
import { renderArticleFile } from './render-article-file.ts'
import { renderAuthorsFile, renderLocalitiesFile, renderSiteFile } from './render-site-files.ts'
import { MAX_ARTICLES } from './text.ts'

/** Options of {@link generateCorpus}. */
export interface GenerateCorpusOptions {
  /** Number of articles to write. */
  articles: number
  /** Output folder; must be missing or empty unless `force`. */
  out: string
  /** Seed; the same seed and article count give byte-identical text files. @default 1 */
  seed?: string | number
  /** Write into a non-empty folder, first deleting the entries the generator owns. @default false */
  force?: boolean
  /**
   * Path of a localities.yml to copy, or `false` for the built-in tree.
   * @default the repository's content/localities.yml if it exists, else the built-in tree
   */
  localities?: string | false
  /** Number of authors to generate. @default 40 */
  authors?: number
  /** Maximum number of files written at once. @default 64 */
  concurrency?: number
  /**
   * Give every article photographs of its own (`<slug>-1.jpg`…, small: 240 × 160 px, so a cold
   * build encodes them in minutes at 10,000 articles) instead of the six of the shared pool: the
   * output then holds a dozen files per photograph, as a real archive's. @default false
   */
  ownPhotographs?: boolean
}

/** What {@link generateCorpus} wrote. */
export interface GenerateCorpusResult {
  /** Absolute output folder. */
  out: string
  /** Articles written. */
  articles: number
  /** Authors in authors.yml. */
  authors: number
  /** Localities in localities.yml. */
  localities: number
  /** Where localities.yml came from: a path, or "built-in". */
  localitiesSource: string
  /** Images in media/. */
  images: number
  /** Total bytes written (text and images). */
  bytes: number
}

/** Top-level entries of the output folder that the generator owns (deleted by `force`). */
export const GENERATED_ENTRIES: readonly string[] = ['site.yml', 'localities.yml', 'authors.yml', 'categories.yml', 'articles', 'comments', 'media']

/** The repository's localities registry, used when present. */
const DEFAULT_LOCALITIES_PATH = fileURLToPath(new URL('../../content/localities.yml', import.meta.url))

/**
 * Writes a complete content folder: site.yml, localities.yml, authors.yml, categories.yml,
 * articles/, approved comments/ (about one article in twenty) and media/.
 * @param options article count, output folder, seed and the rest (see {@link GenerateCorpusOptions})
 */
export async function generateCorpus(options: GenerateCorpusOptions): Promise<GenerateCorpusResult> {
  const { articles, seed = 1, force = false, authors: authorCount = 40, concurrency = 64 } = options
  if (!Number.isInteger(articles) || articles < 0 || articles > MAX_ARTICLES) {
    throw new Error(`generateCorpus: "articles" must be an integer from 0 to ${MAX_ARTICLES}`)
  }
  if (!Number.isInteger(authorCount) || authorCount < 2) throw new Error('generateCorpus: "authors" must be an integer ≥ 2')
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('generateCorpus: "concurrency" must be an integer ≥ 1')
  if (options.out === '') throw new Error('generateCorpus: "out" is required')
  const out = path.resolve(options.out)

  const source = await loadLocalities(options.localities)
  if (source.path !== undefined && out === path.dirname(source.path)) {
    throw new Error(`generateCorpus: refusing to write into ${out}, the folder the localities are read from`)
  }
  await prepareOutput(out, force)

  const seedHash = hashSeed(seed)
  const authors = makeAuthors(createRandom(deriveSeed(seedHash, -1)), authorCount)
  const registries = createRegistries(source.localities, authors)

  let bytes = 0
  const write = async (relative: string, data: string | Buffer): Promise<void> => {
    await writeFile(path.join(out, relative), data)
    bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length
  }
  await mkdir(path.join(out, 'articles'), { recursive: true })
  await write('site.yml', renderSiteFile(seed))
  await write('localities.yml', source.raw)
  await write('authors.yml', renderAuthorsFile(authors))
  await write('categories.yml', renderCategoriesFile())
  // Comments draw from their own streams, so adding them left every article as it was.
  const commentSeed = hashSeed(`${seed}:comments`)

  const folders = new Map<string, Promise<unknown>>()
  const ensureFolder = (relative: string): Promise<unknown> => {
    let pending = folders.get(relative)
    if (pending === undefined) {
      pending = mkdir(path.join(out, relative), { recursive: true })
      folders.set(relative, pending)
    }
    return pending
  }

  const own = options.ownPhotographs === true
  let photographs = 0
  const writeArticle = async (index: number): Promise<void> => {
    const article = makeArticle(index, createRandom(deriveSeed(seedHash, index)), registries, { ownPhotographs: own })
    const text = renderArticleFile(article)
    await ensureFolder(path.dirname(article.path))
    await write(article.path, text)
    if (own) {
      await ensureFolder('media')
      for (const image of article.frontMatter.images) await write(path.join('media', image.src), await ownPhotograph(image.src))
      photographs += article.frontMatter.images.length
    }
    for (const comment of makeComments(article, createRandom(deriveSeed(commentSeed, index)))) {
      await ensureFolder(path.dirname(comment.path))
      await write(comment.path, comment.text)
    }
  }

  await Promise.all([writeImagePool(out, write), runPool(articles, concurrency, writeArticle)])
  return {
    out,
    articles,
    authors: authors.length,
    localities: source.localities.length,
    localitiesSource: source.path ?? 'built-in',
    images: IMAGE_POOL.length + photographs,
    bytes,
  }
}

/** Localities as parsed, plus the exact text to write and where it came from. */
interface LocalitiesSource {
  localities: Locality[]
  raw: string | Buffer
  path?: string
}

async function loadLocalities(option: string | false | undefined): Promise<LocalitiesSource> {
  const builtIn = (): LocalitiesSource => ({ localities: [...BUILT_IN_LOCALITIES], raw: renderLocalitiesFile(BUILT_IN_LOCALITIES) })
  if (option === false) return builtIn()
  const file = path.resolve(option ?? DEFAULT_LOCALITIES_PATH)
  let raw: Buffer
  try {
    raw = await readFile(file)
  } catch (error) {
    if (option === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return builtIn()
    throw error
  }
  return { localities: parseLocalities(raw.toString('utf8'), file), raw, path: file }
}

async function prepareOutput(out: string, force: boolean): Promise<void> {
  let entries: string[]
  try {
    entries = await readdir(out)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return
    if (code === 'ENOTDIR') throw new Error(`generateCorpus: ${out} is not a folder`)
    throw error
  }
  if (entries.length === 0) return
  if (!force) throw new Error(`generateCorpus: ${out} is not empty (use --force to overwrite the generated entries)`)
  await Promise.all(GENERATED_ENTRIES.map((entry) => rm(path.join(out, entry), { recursive: true, force: true })))
}

async function writeImagePool(out: string, write: (relative: string, data: Buffer) => Promise<void>): Promise<void> {
  let sharp: typeof import('sharp').default
  try {
    sharp = (await import('sharp')).default
  } catch (error) {
    throw new Error('generateCorpus: the "sharp" package is needed to write media/', { cause: error })
  }
  await mkdir(path.join(out, 'media'), { recursive: true })
  await Promise.all(
    IMAGE_POOL.map(async (file, index) => {
      const [from, to] = at(IMAGE_COLOURS, index % IMAGE_COLOURS.length)
      const jpeg = await sharp(gradientPixels(IMAGE_WIDTH, IMAGE_HEIGHT, from, to), {
        raw: { width: IMAGE_WIDTH, height: IMAGE_HEIGHT, channels: 3 },
      })
        .jpeg({ quality: 50 })
        .toBuffer()
      await write(path.join('media', file), jpeg)
    })
  )
}

/** Width and height of an article's own photograph (see {@link GenerateCorpusOptions.ownPhotographs}). */
const OWN_WIDTH = 240
const OWN_HEIGHT = 160

/**
 * An article's own photograph: a gradient between two colours drawn from a hash of its name.
 *
 * @param name The file name (`<slug>-1.jpg`).
 */
export async function ownPhotograph(name: string): Promise<Buffer> {
  const sharp = (await import('sharp')).default
  const hash = createHash('sha256').update(name).digest()
  const from = [hash[0] ?? 0, hash[1] ?? 0, hash[2] ?? 0]
  const to = [hash[3] ?? 255, hash[4] ?? 255, hash[5] ?? 255]
  return sharp(gradientPixels(OWN_WIDTH, OWN_HEIGHT, from, to), { raw: { width: OWN_WIDTH, height: OWN_HEIGHT, channels: 3 } })
    .jpeg({ quality: 50 })
    .toBuffer()
}

async function runPool(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++
      await task(index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker))
}
