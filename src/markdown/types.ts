import type { ImageSet } from '../images/plan-image.ts'

/** An image an article lists in front matter, resolved to its published files. */
export interface FigureImage {
  /** The file name as the writer typed it in `images[].src` and in the body. */
  src: string
  /** The fallback `<img src>` (content-hashed file name). */
  url: string
  /** Width of the largest published variant, in pixels. */
  width: number
  /** Height of the largest published variant, in pixels. */
  height: number
  /** Every published variant: `<picture>` sources, social card, thumbnail. */
  set: ImageSet
  /** Alternative text. */
  alt: string
  /** Caption shown under the image. */
  caption: string
  /** Who took or owns the image, shown after the caption. */
  credit: string
}

declare module 'vfile' {
  interface DataMap {
    /** Images the article lists, by `src`; read by the figure plugin. */
    images: ReadonlyMap<string, FigureImage>
    /** Every `src` the front matter lists, including images that failed (already reported). */
    listedImages: ReadonlySet<string>
    /** `src` of each listed image the body places, in order; written by the figure plugin. */
    placedImages: string[]
    /** `src` of the lead image: eager and high priority when the body places it. */
    leadImage: string | undefined
  }
}
