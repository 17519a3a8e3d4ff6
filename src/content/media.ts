import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename, extname, isAbsolute, relative, resolve } from 'node:path'
import sharp from 'sharp'

/** An image file of the content folder, as it will be published. */
export interface MediaFile {
  /** Absolute path of the source file. */
  sourcePath: string
  /** Published URL: `/media/<name>.<hash>.<ext>`, so it can be cached forever. */
  url: string
  /** Intrinsic width in pixels. */
  width: number
  /** Intrinsic height in pixels. */
  height: number
}

/** Why an image could not be used. */
export type MediaProblem = 'missing' | 'outside' | 'unreadable'

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

/** Creates a reader that measures and hashes each image file once. */
export function createMediaReader(): MediaReader {
  const seen = new Map<string, Promise<MediaFile | MediaProblem>>()
  return (sourcePath) => {
    let entry = seen.get(sourcePath)
    if (!entry) {
      entry = readMedia(sourcePath)
      seen.set(sourcePath, entry)
    }
    return entry
  }
}

async function readMedia(sourcePath: string): Promise<MediaFile | MediaProblem> {
  let bytes: Buffer
  try {
    bytes = await readFile(sourcePath)
  } catch {
    return 'missing'
  }
  try {
    const { width, height, autoOrient } = await sharp(bytes).metadata()
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10)
    const extension = extname(sourcePath).toLowerCase()
    const name = basename(sourcePath, extname(sourcePath))
    return {
      sourcePath,
      url: `/media/${name}.${hash}${extension}`,
      width: autoOrient?.width ?? width,
      height: autoOrient?.height ?? height,
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
