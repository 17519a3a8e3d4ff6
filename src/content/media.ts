import type { MediaFile } from '../images/media-file.ts'
import { createHash } from 'node:crypto'
import { lstatSync, readFileSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, dirname, extname, resolve } from 'node:path'
import sharp from 'sharp'
import { cacheFingerprint, removeStaleTemporaries, writeAtomic } from '../cache/index.ts'
import { createContentBoundary, isWithin, type ContentBoundary } from './content-boundary.ts'

export type { MediaFile } from '../images/media-file.ts'

/**
 * Why an image could not be used. `'outside'` from a reader: the path is in the content folder
 * but a symbolic link (the file or a folder on its way) leads out of it.
 */
export type MediaProblem = 'missing' | 'outside' | 'unreadable' | 'too-large' | 'unsupported'

/**
 * Formats published (as sharp names them; `heif` is AVIF). SVG is refused rather than sanitised:
 * it is a document that can carry scripts and links, published on the site's own origin, and a
 * news photo or chart exports to a raster format without loss that matters.
 */
export const publishedFormats: ReadonlySet<string> = new Set(['jpeg', 'png', 'webp', 'heif', 'gif', 'tiff'])

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
  const root = resolve(contentDir)
  const candidates = src.startsWith('/') ? [resolve(root, `.${src}`)] : [resolve(articleDir, src), resolve(root, 'media', src)]
  const inside = candidates.filter((path) => isWithin(root, path))
  return inside.length === 0 ? 'outside' : inside
}

/** What decoding an image told us, by the hash of its bytes: enough to skip decoding it again. */
export type MeasuredImages = Map<string, { width: number; height: number; alpha: boolean }>

/**
 * A media file's size, modification time and inode when its bytes were hashed, with the hash:
 * while all three are the same the file is not read again, as for articles (see `FileStamp`). An
 * archive's images are most of its bytes (gigabytes), which a rebuild would otherwise read and hash.
 */
export interface MediaStamp {
  size: number
  mtimeMs: number
  ino: number
  hash: string
}

/** Stamps of media files by absolute path. */
export type MediaStamps = Map<string, MediaStamp>

/**
 * Creates a reader that measures and hashes each image file once per build. Images measured in an
 * earlier build (same bytes) are not decoded again, and a file whose stamp is unchanged is not read.
 * A file that a symbolic link leads out of the content folder is `'outside'`, never read.
 *
 * @param contentDir The content folder, which every file read must really be in.
 * @param maxPixels Largest image accepted (width × height). @default 40 megapixels
 * @param measured Measurements from earlier builds; new ones are added to it.
 * @param stamps Stamps from earlier builds; new ones are added to it.
 */
export function createMediaReader(
  contentDir: string,
  maxPixels = 40_000_000,
  measured: MeasuredImages = new Map(),
  stamps: MediaStamps = new Map()
): MediaReader {
  const seen = new Map<string, Promise<MediaFile | MediaProblem>>()
  const boundary = createContentBoundary(contentDir)
  return (sourcePath) => {
    let entry = seen.get(sourcePath)
    if (!entry) {
      entry = readMedia(sourcePath, boundary, maxPixels, measured, stamps)
      seen.set(sourcePath, entry)
    }
    return entry
  }
}

async function readMedia(
  sourcePath: string,
  boundary: ContentBoundary,
  maxPixels: number,
  measured: MeasuredImages,
  stamps: MediaStamps
): Promise<MediaFile | MediaProblem> {
  // Most candidates (an image beside the article, tried before media/) do not exist: a synchronous
  // stat answers that far cheaper than a failed asynchronous open, 100,000s of times on a big archive.
  // lstat costs the same and tells a link, which alone needs a second stat (of what it points to).
  const entry = lstatSync(sourcePath, { throwIfNoEntry: false })
  const link = entry?.isSymbolicLink() === true
  const info = link ? statSync(sourcePath, { throwIfNoEntry: false }) : entry
  if (!info?.isFile()) return 'missing'
  const place = boundary(sourcePath, link)
  if (place !== 'inside') return place
  const name = basename(sourcePath, extname(sourcePath))
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
  // Only an image that was published (a raster format within the limit) has a stamp.
  const stamp = stamps.get(sourcePath)
  const same = stamp !== undefined && stamp.size === info.size && stamp.mtimeMs === info.mtimeMs && stamp.ino === info.ino
  const stamped = same ? measured.get(stamp.hash) : undefined
  if (stamp && stamped && stamped.width * stamped.height <= maxPixels) return { sourcePath, name, hash: stamp.hash, ...stamped }
  let bytes: Buffer
  try {
    bytes = readFileSync(sourcePath)
  } catch {
    return 'missing'
  }
  // Markup (SVG, HTML, XML) starts with "<"; no raster format does. Checked before the measured
  // images, which may hold an SVG measured by an older build.
  if (/^(?:\uFEFF)?\s*</.test(bytes.subarray(0, 64).toString('utf8'))) return 'unsupported'
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16)
  const now = { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, hash }
  const known = measured.get(hash)
  if (known) {
    if (known.width * known.height > maxPixels) return 'too-large'
    stamps.set(sourcePath, now)
    return { sourcePath, name, hash, ...known }
  }
  try {
    // Reading the header only; the pixel limit is checked before anything is decoded.
    const { width, height, autoOrient, hasAlpha, format } = await sharp(bytes, { limitInputPixels: false }).metadata()
    if (!publishedFormats.has(format)) return 'unsupported'
    const size = { width: autoOrient?.width ?? width, height: autoOrient?.height ?? height, alpha: hasAlpha }
    if (width * height > maxPixels) return 'too-large'
    // Decode it (small: JPEG shrinks on load) so a damaged or truncated file is reported here, at
    // the article that lists it, not later in the middle of processing.
    await sharp(bytes).resize(16, 16, { fit: 'inside' }).toBuffer()
    measured.set(hash, size)
    stamps.set(sourcePath, now)
    return { sourcePath, name, hash, ...size }
  } catch {
    return 'unreadable'
  }
}

/** The measurements file: made by this code (the reader and sharp's version), or ignored. */
interface MeasuresFile {
  code: string
  measures: Record<string, { width: number; height: number; alpha: boolean }>
  stamps?: Record<string, MediaStamp>
}

/**
 * Reads image measurements and file stamps saved by an earlier build of the same measuring code.
 *
 * @param path The cache file.
 */
export async function readMeasuredImages(path: string): Promise<{ measured: MeasuredImages; stamps: MediaStamps }> {
  try {
    const file = JSON.parse(await readFile(path, 'utf8')) as Partial<MeasuresFile>
    if (file.code !== (await cacheFingerprint('measures')) || !file.measures) return { measured: new Map(), stamps: new Map() }
    return { measured: new Map(Object.entries(file.measures)), stamps: new Map(Object.entries(file.stamps ?? {})) }
  } catch {
    return { measured: new Map(), stamps: new Map() }
  }
}

/**
 * Saves image measurements and stamps for the next build (only those of images still in use).
 *
 * @param path The cache file.
 * @param measured All measurements.
 * @param used The media files this build used.
 * @param stamps All stamps.
 */
export async function writeMeasuredImages(path: string, measured: MeasuredImages, used: readonly MediaFile[], stamps: MediaStamps): Promise<void> {
  const measures = Object.fromEntries(
    [...new Set(used.map((file) => file.hash))].sort().flatMap((hash) => {
      const size = measured.get(hash)
      return size ? [[hash, size] as const] : []
    })
  )
  const kept = Object.fromEntries(
    used.flatMap((file) => {
      const stamp = stamps.get(file.sourcePath)
      return stamp?.hash === file.hash ? [[file.sourcePath, stamp] as const] : []
    })
  )
  await writeAtomic(path, JSON.stringify({ code: await cacheFingerprint('measures'), measures, stamps: kept } satisfies MeasuresFile))
  await removeStaleTemporaries(dirname(path))
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
