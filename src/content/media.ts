import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename, extname, isAbsolute, relative, resolve } from 'node:path'
import sharp from 'sharp'

/** An image file of the content folder, measured (after EXIF orientation) and hashed. */
export interface MediaFile {
  /** Absolute path of the source file. */
  sourcePath: string
  /** File name without extension, for published names. */
  name: string
  /** SHA-256 of the bytes (hex, 16 characters): the cache key of everything made from it. */
  hash: string
  /** Width in pixels, as displayed (EXIF orientation applied). */
  width: number
  /** Height in pixels, as displayed. */
  height: number
  /** Whether it has transparency (then the fallback is PNG, not JPEG). */
  alpha: boolean
}

/** Why an image could not be used. */
export type MediaProblem = 'missing' | 'outside' | 'unreadable' | 'too-large'

/** Reads each media file once per build, however many articles use it. */
export type MediaReader = (sourcePath: string) => Promise<MediaFile | MediaProblem>

/**
 * Finds the file an article's image refers to: beside the article first, then in `media/`.
 * A path starting with `/` is relative to the content folder.
 *
 * @param src The `src` the writer typed.
 * @param articleDir Absolute folder of the article.
 * @param contentDir Absolute content folder.
 * @returns Candidate absolute paths, in order, or `'outside'` when the path leaves the content folder.
 */
export function imageCandidates(src: string, articleDir: string, contentDir: string): string[] | 'outside' {
  const candidates = src.startsWith('/')
    ? [resolve(contentDir, `.${src}`)]
    : [resolve(articleDir, src), resolve(contentDir, 'media', src)]
  const inside = candidates.filter((path) => {
    const rel = relative(contentDir, path)
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
  })
  return inside.length === 0 ? 'outside' : inside
}

/**
 * Creates a reader that measures and hashes each image file once.
 *
 * @param maxPixels Largest image accepted (width × height). @default 40 megapixels
 */
export function createMediaReader(maxPixels = 40_000_000): MediaReader {
  const seen = new Map<string, Promise<MediaFile | MediaProblem>>()
  return (sourcePath) => {
    let entry = seen.get(sourcePath)
    if (!entry) {
      entry = readMedia(sourcePath, maxPixels)
      seen.set(sourcePath, entry)
    }
    return entry
  }
}

async function readMedia(sourcePath: string, maxPixels: number): Promise<MediaFile | MediaProblem> {
  let bytes: Buffer
  try {
    bytes = await readFile(sourcePath)
  } catch {
    return 'missing'
  }
  try {
    // Reading the header only; the pixel limit is checked before anything is decoded.
    const { width, height, autoOrient, hasAlpha } = await sharp(bytes, { limitInputPixels: false }).metadata()
    if (width * height > maxPixels) return 'too-large'
    // Decode it (small: JPEG shrinks on load) so a damaged or truncated file is reported here, at
    // the article that lists it, not later in the middle of processing.
    await sharp(bytes).resize(16, 16, { fit: 'inside' }).toBuffer()
    return {
      sourcePath,
      name: basename(sourcePath, extname(sourcePath)).toLowerCase().replace(/[^a-z0-9-]+/g, '-'),
      hash: createHash('sha256').update(bytes).digest('hex').slice(0, 16),
      width: autoOrient?.width ?? width,
      height: autoOrient?.height ?? height,
      alpha: hasAlpha,
    }
  } catch {
    return 'unreadable'
  }
}

/**
 * Reads the first candidate that exists.
 *
 * @param candidates Absolute paths from {@link imageCandidates}.
 * @param read The build's media reader.
 */
export async function readFirstMedia(candidates: readonly string[], read: MediaReader): Promise<MediaFile | MediaProblem> {
  let result: MediaFile | MediaProblem = 'missing'
  for (const candidate of candidates) {
    result = await read(candidate)
    if (result !== 'missing') return result
  }
  return result
}

/** Joins path segments with `/`, whatever the platform. */
export function toPosix(path: string): string {
  return path.split(/[\\/]/).join('/')
}
