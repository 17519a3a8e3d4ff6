import type { Image, Paragraph, Root, PhrasingContent } from 'mdast'
import type { Element, ElementContent } from 'hast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { report } from '../content/report.ts'
import { didYouMean } from '../content/did-you-mean.ts'
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
      placed.push(image.src)
      if (parent?.type === 'paragraph' && isAlone(parent, node)) toFigure(parent, image, node.alt)
      else Object.assign(node, { url: image.url, alt: node.alt || image.alt })
    })
    file.data.placedImages = placed
  }
}

/** Builds the figure element for an image (also used for the lead figure of a page). */
export function figureElement(image: FigureImage, alt?: string | null): Element {
  const caption: ElementContent[] = []
  if (image.caption) caption.push({ type: 'text', value: image.caption })
  if (image.credit) {
    if (caption.length > 0) caption.push({ type: 'text', value: ' ' })
    caption.push({ type: 'element', tagName: 'span', properties: { className: ['credit'] }, children: [{ type: 'text', value: image.credit }] })
  }
  const img: Element = {
    type: 'element',
    tagName: 'img',
    properties: { src: image.url, alt: alt || image.alt, width: image.width, height: image.height, loading: 'lazy', decoding: 'async' },
    children: [],
  }
  const children: ElementContent[] = [img]
  if (caption.length > 0) children.push({ type: 'element', tagName: 'figcaption', properties: {}, children: caption })
  return { type: 'element', tagName: 'figure', properties: {}, children }
}

function toFigure(paragraph: Paragraph, image: FigureImage, alt: string | null | undefined): void {
  const figure = figureElement(image, alt)
  paragraph.data = { hName: 'figure', hProperties: {}, hChildren: figure.children }
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
