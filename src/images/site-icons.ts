import { createHash } from 'node:crypto'
import type { ImageSet, ImageVariant } from './plan-image.ts'

/** The icons a site publishes from site.yml's `icon`, square PNGs. */
export interface SiteIcons {
  /** 32×32: the browser tab's favicon. */
  favicon: ImageVariant
  /** 180×180: `apple-touch-icon`, what a phone's home screen shows. */
  touch: ImageVariant
  /** 192×192: Android's home screen and search results. */
  large: ImageVariant
}

/** Sizes of {@link SiteIcons}, in pixels. */
export const iconSizes = { favicon: 32, touch: 180, large: 192 } as const

/**
 * Plans the site's icons from one square-ish source image: each a PNG cut to a square around the
 * most interesting part, named by a hash of the source, its size and the encoder like every image.
 *
 * @param media The measured source.
 * @param encoder Identity of the code that encodes images (see `imageEncoder`). @default ''
 * @returns The icons, and the files to produce (for `processImages`).
 */
export function planSiteIcons(
  media: { sourcePath: string; name: string; hash: string },
  encoder = ''
): { icons: SiteIcons; set: Pick<ImageSet, 'source' | 'variants'> } {
  const icon = (size: number): ImageVariant => {
    const hash = createHash('sha256').update(`${media.hash}:icon:${size}:${encoder}`).digest('hex').slice(0, 10)
    return { url: `/media/${hash.slice(0, 2)}/${media.name}-icon-${size}.${hash}.png`, width: size, height: size, format: 'png', crop: true }
  }
  const icons: SiteIcons = { favicon: icon(iconSizes.favicon), touch: icon(iconSizes.touch), large: icon(iconSizes.large) }
  return { icons, set: { source: media.sourcePath, variants: [icons.favicon, icons.touch, icons.large] } }
}

/**
 * Plans the publisher's logo: one PNG at most 600 px wide (Google shows logos small), the whole
 * picture, named like every image.
 *
 * @param media The measured source.
 * @param encoder Identity of the code that encodes images. @default ''
 * @returns The logo, and the file to produce (for `processImages`).
 */
export function planLogo(
  media: { sourcePath: string; name: string; hash: string; width: number; height: number },
  encoder = ''
): { logo: ImageVariant; set: Pick<ImageSet, 'source' | 'variants'> } {
  const width = Math.min(media.width, 600)
  const hash = createHash('sha256').update(`${media.hash}:logo:${width}:${encoder}`).digest('hex').slice(0, 10)
  const logo: ImageVariant = {
    url: `/media/${hash.slice(0, 2)}/${media.name}-${width}.${hash}.png`,
    width,
    height: Math.round((width * media.height) / media.width),
    format: 'png',
  }
  return { logo, set: { source: media.sourcePath, variants: [logo] } }
}
