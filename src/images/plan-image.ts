import { createHash } from 'node:crypto'
import type { MediaFile } from './media-file.ts'

/** Image formats we publish. */
export type ImageFormat = 'avif' | 'webp' | 'jpeg' | 'png'

/** How images are published. Part of every output name's hash, so a change re-processes all. */
export interface ImageOptions {
  /** Widths for `srcset`, never above the original's. */
  widths: number[]
  /** Width of the social-card image (og:image, JSON-LD). */
  socialWidth: number
  /** Width of index and search thumbnails. */
  thumbnailWidth: number
  quality: Record<ImageFormat, number>
  /** AVIF encoder effort (0–9): higher is smaller and slower. */
  avifEffort: number
}

/** The defaults: three widths for a 42rem column on 1×–3× screens. */
export const imageOptions = {
  widths: [400, 800, 1200],
  socialWidth: 1200,
  thumbnailWidth: 400,
  quality: { avif: 50, webp: 72, jpeg: 76, png: 80 },
  avifEffort: 3,
} satisfies ImageOptions

/** One published file made from a source image. */
export interface ImageVariant {
  url: string
  width: number
  height: number
  format: ImageFormat
  /** Cut to `width`×`height` around the most interesting part (the other variants keep the whole picture). */
  crop?: true
}

/** Aspect ratios Google asks of `NewsArticle.image`, widest first. */
export const cropRatios = [
  [16, 9],
  [4, 3],
  [1, 1],
] as const

/** Everything published for one source image. */
export interface ImageSet {
  /** Absolute path of the source. */
  source: string
  /** Every file to produce. */
  variants: ImageVariant[]
  /** `<source>` elements of a `<picture>`, best format first. */
  sources: Array<{ type: string; srcset: string }>
  /** The `<img>` fallback (JPEG, or PNG when the source has transparency). */
  fallback: { url: string; srcset: string }
  /** Displayed size of the largest variant. */
  width: number
  height: number
  /** At most `socialWidth` wide, JPEG or PNG, for link previews. */
  social: ImageVariant
  /** About `thumbnailWidth` wide, WebP, for index pages and search results. */
  thumbnail: ImageVariant
  /** The social card cut to 16:9, 4:3 and 1:1 (JPEG or PNG, at most `socialWidth` wide), for `NewsArticle.image`. */
  crops: ImageVariant[]
}

const mime: Record<ImageFormat, string> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg', png: 'image/png' }
const extension: Record<ImageFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg', png: 'png' }

/**
 * The widths to publish for an image: the configured ones below its own width, and its own width
 * when that is smaller than the largest configured one. Never upscaled.
 *
 * @param width The source's displayed width.
 * @param widths Configured widths.
 */
export function variantWidths(width: number, widths: readonly number[]): number[] {
  const largest = Math.max(...widths)
  const below = widths.filter((candidate) => candidate < width)
  return [...new Set([...below, Math.min(width, largest)])].sort((a, b) => a - b)
}

/**
 * Plans the files published for a source image; pure, so templates know every URL and size before
 * any pixel is processed. Names carry a hash of the source bytes, the options and the encoder, so a
 * file published under a name never changes (CDNs keep `/media/*` for a year).
 *
 * @param media The measured source.
 * @param options How images are published.
 * @param encoder Identity of the code that encodes images (see `imageEncoder`). @default ''
 * @default options imageOptions
 */
export function planImage(media: MediaFile, options: ImageOptions = imageOptions, encoder = ''): ImageSet {
  const key = createHash('sha256').update(media.hash).update(JSON.stringify(options)).update(encoder).digest('hex')
  const variant = (width: number, format: ImageFormat): ImageVariant => {
    const hash = createHash('sha256').update(`${key}:${width}:${format}`).digest('hex').slice(0, 10)
    return {
      url: `/media/${hash.slice(0, 2)}/${media.name}-${width}.${hash}.${extension[format]}`,
      width,
      height: Math.round((width * media.height) / media.width),
      format,
    }
  }
  const cropped = ([across, down]: readonly [number, number], format: ImageFormat): ImageVariant => {
    // The widest cut of that shape the source holds, scaled to the social width, never up.
    const width = Math.max(1, Math.floor(Math.min(media.width, options.socialWidth, (media.height * across) / down)))
    const height = Math.max(1, Math.round((width * down) / across))
    const hash = createHash('sha256').update(`${key}:${width}x${height}:${format}`).digest('hex').slice(0, 10)
    return { url: `/media/${hash.slice(0, 2)}/${media.name}-${width}x${height}.${hash}.${extension[format]}`, width, height, format, crop: true }
  }
  const widths = variantWidths(media.width, options.widths)
  const fallbackFormat: ImageFormat = media.alpha ? 'png' : 'jpeg'
  const byFormat = (format: ImageFormat): ImageVariant[] => widths.map((width) => variant(width, format))
  const avif = byFormat('avif')
  const webp = byFormat('webp')
  const fallback = byFormat(fallbackFormat)
  const srcset = (list: ImageVariant[]): string => list.map((entry) => `${entry.url} ${entry.width}w`).join(', ')
  const socialWidth = Math.min(media.width, options.socialWidth)
  const social = fallback.find((entry) => entry.width === socialWidth) ?? variant(socialWidth, fallbackFormat)
  const thumbnailWidth = Math.min(media.width, options.thumbnailWidth)
  const thumbnail = webp.find((entry) => entry.width === thumbnailWidth) ?? variant(thumbnailWidth, 'webp')
  const largest = fallback[fallback.length - 1] as ImageVariant
  const middle = fallback.find((entry) => entry.width >= 800) ?? largest
  const crops = cropRatios.map((ratio) => cropped(ratio, fallbackFormat))
  const variants = [...avif, ...webp, ...fallback]
  for (const extra of [social, thumbnail, ...crops]) if (!variants.some((entry) => entry.url === extra.url)) variants.push(extra)
  return {
    source: media.sourcePath,
    variants,
    sources: [
      { type: mime.avif, srcset: srcset(avif) },
      { type: mime.webp, srcset: srcset(webp) },
    ],
    fallback: { url: middle.url, srcset: srcset(fallback) },
    width: largest.width,
    height: largest.height,
    social,
    thumbnail,
    crops,
  }
}
