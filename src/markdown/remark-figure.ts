import type { Image, Paragraph, Root, PhrasingContent } from 'mdast'
import type { Element, ElementContent } from 'hast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { report } from '../problems/report.ts'
import { didYouMean } from '../problems/did-you-mean.ts'
import { articleImageSizes } from '../images/image-sizes.ts'
import type { FigureImage } from './types.ts'

/**
 * Turns a paragraph holding only a listed image into a `<figure>` with its caption and credit,
 * points every listed image at its published file, and reports images the body places without
 * listing them in front matter.
 */
export function remarkFigure() {
  return (tree: Root, file: VFile): void => {
    const images = file.data.images ?? new Map<string, FigureImage>()
    const placed: string[] = []
    visit(tree, 'image', (node: Image, _index, parent) => {
      if (isExternal(node.url)) return
      const image = images.get(decodeSrc(node.url))
      if (!image) {
        if (file.data.listedImages?.has(decodeSrc(node.url))) return
        report(file, 'unlisted-image', { src: node.url, suggestion: didYouMean(node.url, images.keys()) }, node.position)
        return
      }
      const lead = placed.length === 0 && image.src === file.data.leadImage
      placed.push(image.src)
      if (parent?.type === 'paragraph' && isAlone(parent, node)) toFigure(parent, image, node.alt, lead)
      else Object.assign(node, { url: image.url, alt: node.alt || image.alt })
    })
    file.data.placedImages = placed
  }
}

/**
 * Builds a responsive `<picture>` for an image: AVIF and WebP sources and a JPEG (or PNG) `<img>`
 * with its size, so the page does not shift as it loads. The lead image loads first; others lazily.
 *
 * @param image The image.
 * @param alt Alt text written in the body, which wins over front matter.
 * @param lead Whether this is the lead image at the top of the article.
 */
export function pictureElement(image: FigureImage, alt?: string | null, lead = false): Element {
  const sources: ElementContent[] = image.set.sources.map((source) => ({
    type: 'element',
    tagName: 'source',
    properties: { type: source.type, srcSet: source.srcset, sizes: articleImageSizes },
    children: [],
  }))
  const img: Element = {
    type: 'element',
    tagName: 'img',
    properties: {
      src: image.url,
      srcSet: image.set.fallback.srcset,
      sizes: articleImageSizes,
      alt: alt || image.alt,
      width: image.width,
      height: image.height,
      ...(lead ? { fetchPriority: 'high' } : { loading: 'lazy' }),
      decoding: 'async',
    },
    children: [],
  }
  return { type: 'element', tagName: 'picture', properties: {}, children: [...sources, img] }
}

/** The caption and credit of an image, if it has either. */
export function captionElement(image: FigureImage): Element | undefined {
  const caption: ElementContent[] = []
  if (image.caption) caption.push({ type: 'text', value: image.caption })
  if (image.credit) {
    if (caption.length > 0) caption.push({ type: 'text', value: ' ' })
    caption.push({ type: 'element', tagName: 'span', properties: { className: ['credit'] }, children: [{ type: 'text', value: image.credit }] })
  }
  return caption.length > 0 ? { type: 'element', tagName: 'figcaption', properties: {}, children: caption } : undefined
}

function toFigure(paragraph: Paragraph, image: FigureImage, alt: string | null | undefined, lead: boolean): void {
  const caption = captionElement(image)
  paragraph.data = {
    hName: 'figure',
    hProperties: lead ? { className: ['lead-figure'] } : {},
    hChildren: caption ? [pictureElement(image, alt, lead), caption] : [pictureElement(image, alt, lead)],
  }
}

function isAlone(paragraph: Paragraph, image: Image): boolean {
  return paragraph.children.every((child: PhrasingContent) => child === image || (child.type === 'text' && child.value.trim() === ''))
}

function isExternal(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')
}

function decodeSrc(url: string): string {
  try {
    return decodeURIComponent(url)
  } catch {
    return url
  }
}
