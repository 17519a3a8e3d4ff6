import type { Progress } from '../shared/progress.ts'
import { availableParallelism } from 'node:os'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { cacheFingerprint, openCacheFolder, writeAtomic } from '../cache/index.ts'
import { imageOptions, type ImageOptions, type ImageSet, type ImageVariant } from './plan-image.ts'
import { exists, linkOrCopy, mapLimit } from '../shared/files.ts'

/** Options of {@link processImages}. */
export interface ProcessOptions {
  /** The site being published (files go to their URL paths in it). */
  outputDir: string
  /**
   * Processed files are kept here (`.cache/images/<content>`), by the hash of this module's code
   * (with image planning and sharp's version) and the published name (which hashes source and
   * options); files this run did not use are removed.
   */
  cacheDir: string
  /** Images processed at once. @default the number of CPU cores */
  concurrency?: number
  options?: ImageOptions
  /** Told how many source images are done. */
  progress?: Progress
  /** Remove the cached files this run did not use (not for a build shard's share). @default true */
  prune?: boolean
  /** Whether the deploy target serves a file (`/media/…`) already: it is not written. @default none */
  deployed?: (url: string) => boolean
}

/** What processing did. */
export interface ProcessResult {
  /** Source images decoded and encoded in this run. */
  processed: number
  /** Source images whose every file came from the cache. */
  cached: number
  /** Source images whose every file the deploy target serves already (none written). */
  deployed: number
}

/**
 * Publishes every variant of every image: from the cache when there, otherwise decoded once,
 * oriented by EXIF, resized (never up) and encoded, with all metadata (EXIF, GPS) left out. Runs a
 * few images at a time, each with one libvips thread, so memory stays bounded.
 *
 * @param sets Images to publish (article images and the site's icons).
 * @param options Where, and how.
 */
export async function processImages(sets: ReadonlyArray<Pick<ImageSet, 'source' | 'variants'>>, options: ProcessOptions): Promise<ProcessResult> {
  const settings = options.options ?? imageOptions
  const cache = openCacheFolder(options.cacheDir)
  const code = (await cacheFingerprint('images')).slice(0, 16)
  await mkdir(join(options.outputDir, 'media'), { recursive: true })
  sharp.concurrency(1)
  let processed = 0
  let cached = 0
  let deployed = 0
  const progress = options.progress ?? (() => {})
  await mapLimit(sets, Math.max(1, options.concurrency ?? availableParallelism()), async (set) => {
    progress(processed + cached, sets.length)
    const cachedPath = (variant: ImageVariant): string => cache.entry(`${code}/${variant.url.slice('/media/'.length)}`)
    // Names hash the source, the options and the encoder: a name the target serves has these bytes.
    const variants = options.deployed === undefined ? set.variants : set.variants.filter((variant) => !options.deployed?.(variant.url))
    if (variants.length === 0) {
      deployed++
      return
    }
    const missing = []
    for (const variant of variants) if (!(await exists(cachedPath(variant)))) missing.push(variant)
    if (missing.length > 0) {
      await encode(set.source, missing, cachedPath, settings)
      processed++
    } else cached++
    for (const variant of variants) await linkOrCopy(cachedPath(variant), join(options.outputDir, variant.url))
  })
  if (options.prune !== false) await cache.prune()
  return { processed, cached, deployed }
}

async function encode(source: string, variants: readonly ImageVariant[], target: (variant: ImageVariant) => string, settings: ImageOptions): Promise<void> {
  // One decode per source: rotate() applies the EXIF orientation; sharp writes no metadata unless asked.
  const base = sharp(source).rotate()
  for (const variant of variants) {
    let pipeline = variant.crop
      ? base.clone().resize({ width: variant.width, height: variant.height, fit: 'cover', position: sharp.strategy.attention })
      : base.clone().resize({ width: variant.width, withoutEnlargement: true })
    if (variant.format === 'avif') pipeline = pipeline.avif({ quality: settings.quality.avif, effort: settings.avifEffort })
    else if (variant.format === 'webp') pipeline = pipeline.webp({ quality: settings.quality.webp })
    else if (variant.format === 'png') pipeline = pipeline.png({ compressionLevel: 9, palette: true, quality: settings.quality.png })
    else pipeline = pipeline.jpeg({ quality: settings.quality.jpeg, mozjpeg: true, progressive: true })
    const bytes = await pipeline.toBuffer()
    // A crash never leaves a half-written file under a final name.
    await writeAtomic(target(variant), bytes)
  }
}
