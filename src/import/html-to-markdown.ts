import type { Element, Root as HastRoot, Parents } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { toText } from 'hast-util-to-text'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import { SKIP, visit } from 'unist-util-visit'
import { youtubeEmbed } from './shortcodes.ts'

/** An image of the converted body, to list in front matter. */
export interface BodyImage {
  src: string
  alt?: string
  caption?: string
}

/** How an image address of the old site is found in the content folder. */
export type ImageResolution = { src: string } | { missing: string } | 'external'

/** What converting a body needs from the import, and tells it. */
export interface BodyContext {
  /** Maps an `<img src>` of the old site to the content's copy (or says why not). */
  resolveImage: (url: string) => ImageResolution
  /** Reports a problem with the post, by rule. */
  onProblem: (rule: 'missing-media' | 'dropped-embed' | 'external-image', reason: string) => void
}

const parser = unified().use(rehypeParse, { fragment: true })
const toMarkdown = unified()
  .use(rehypeRemark, { handlers: { iframe: (_state, node) => ({ type: 'html', value: toHtml(node) }) } })
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true, listItemIndent: 'one' })

/**
 * Converts a post's HTML (shortcodes already expanded) to the project's Markdown: figures become
 * a paragraph holding only `![](src)` with alt and caption moved to the returned list, images of
 * the old site point at their copies, YouTube players are kept, other embeds, scripts and styles
 * are dropped.
 *
 * @param html The body.
 * @param context Image resolution and the report.
 * @returns The Markdown and the images it places, in order, each once.
 */
export function htmlToMarkdown(html: string, context: BodyContext): { markdown: string; images: BodyImage[] } {
  const tree = parser.parse(html)
  const images = new Map<string, BodyImage>()
  const place = (img: Element, caption: string | undefined): Element | undefined => {
    const url = String(img.properties['src'] ?? '')
    const alt = String(img.properties['alt'] ?? '').trim()
    const resolved = context.resolveImage(url)
    if (resolved === 'external') {
      context.onProblem('external-image', `Image ${url} is on another site.`)
      return img
    }
    if ('missing' in resolved) {
      context.onProblem('missing-media', `Image ${url} is not in the --media folder (looked for ${resolved.missing}).`)
      return undefined
    }
    const listed = images.get(resolved.src) ?? { src: resolved.src }
    const altText = alt || caption
    if (!listed.alt && altText) listed.alt = altText
    if (!listed.caption && caption) listed.caption = caption
    images.set(resolved.src, listed)
    return { type: 'element', tagName: 'img', properties: { src: resolved.src }, children: [] }
  }
  visit(tree, 'element', (node, index, parent) => {
    if (index === undefined || !parent) return
    const replace = (replacement: Element | undefined): [typeof SKIP, number] => {
      if (replacement) parent.children[index] = replacement
      else parent.children.splice(index, 1)
      return [SKIP, replacement ? index + 1 : index]
    }
    if (['script', 'style', 'noscript', 'form', 'input', 'button'].includes(node.tagName)) return replace(undefined)
    if (node.tagName === 'iframe' || node.tagName === 'embed' || node.tagName === 'object') {
      const src = String(node.properties['src'] ?? node.properties['data'] ?? '')
      const embed = youtubeEmbed(src)
      if (embed) return replace((parser.parse(embed).children[0] as Element | undefined) ?? undefined)
      context.onProblem('dropped-embed', `The embed ${src || `<${node.tagName}>`} was dropped.`)
      return replace(undefined)
    }
    const img = node.tagName === 'img' ? node : node.tagName === 'figure' || isImageLink(node) ? firstImage(node) : undefined
    if (!img) return
    if (node.tagName === 'figure') {
      const captionNode = findElement(node, 'figcaption')
      const caption = captionNode ? toText(captionNode).trim() || undefined : undefined
      const placed = place(img, caption)
      if (!placed) return replace(undefined)
      return replace({ type: 'element', tagName: 'p', properties: {}, children: [placed] })
    }
    return replace(place(img, undefined))
  })
  // Gutenberg's block comments and <!--more--> carry nothing a reader sees.
  visit(tree, 'comment', (_node, index, parent) => {
    if (index === undefined || !parent) return
    parent.children.splice(index, 1)
    return [SKIP, index]
  })
  unwrapLoneImages(tree)
  const markdown = String(toMarkdown.stringify(toMarkdown.runSync(tree) as never)).trim()
  return { markdown: markdown === '' ? '' : `${markdown}\n`, images: [...images.values()] }
}

/** `<a href="photo.jpg"><img></a>`, WordPress's "link to media file": the link goes, the image stays. */
function isImageLink(node: Element): boolean {
  if (node.tagName !== 'a') return false
  const href = String(node.properties['href'] ?? '')
  const elements = node.children.filter((child) => child.type === 'element')
  return elements.length === 1 && elements[0]?.tagName === 'img' && /\.(?:jpe?g|png|gif|webp|avif)(?:\?.*)?$/i.test(href)
}

function firstImage(node: Element): Element | undefined {
  return findElement(node, 'img')
}

function findElement(node: Element, tagName: string): Element | undefined {
  let found: Element | undefined
  visit(node, 'element', (child) => {
    if (found) return SKIP
    if (child.tagName === tagName) found = child
    return undefined
  })
  return found
}

/** A listed image alone in a `<div>` or the fragment becomes a paragraph, so it renders as a figure. */
function unwrapLoneImages(tree: HastRoot): void {
  visit(tree, (node, index, parent: Parents | undefined) => {
    if (index === undefined || !parent || (parent.type === 'element' && parent.tagName !== 'div')) return
    if (node.type === 'element' && node.tagName === 'img' && !/^[a-z]+:|^\/\//i.test(String(node.properties['src'] ?? ''))) {
      parent.children[index] = { type: 'element', tagName: 'p', properties: {}, children: [node] }
    }
  })
}
