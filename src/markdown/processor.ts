import rehypeExternalLinks from 'rehype-external-links'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize from 'rehype-sanitize'
import rehypeSlug from 'rehype-slug'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified, type Processor } from 'unified'
import type { Root as HastRoot } from 'hast'
import type { Root as MdastRoot } from 'mdast'
import type { VFile } from 'vfile'
import { rehypeEmbedHosts } from './rehype-embed-hosts.ts'
import { remarkFigure } from './remark-figure.ts'
import { sanitizeSchema } from './sanitize-schema.ts'
import type { FigureImage } from './types.ts'

/** Options of the Markdown processor. */
export interface MarkdownOptions {
  /** Hosts whose iframes are kept in bodies. @default [] */
  embedHosts?: readonly string[]
}

/** A frozen processor from Markdown to sanitised HTML. */
export type MarkdownProcessor = Processor<MdastRoot, MdastRoot, HastRoot, HastRoot, string>

/**
 * Builds the one Markdown processor of a build. Raw HTML is parsed, then only what the allowlist
 * permits survives; heading ids and link attributes are added after sanitising so they are ours.
 *
 * @param options Site settings the processor depends on.
 */
export function createMarkdownProcessor(options: MarkdownOptions = {}): MarkdownProcessor {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkFigure)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeEmbedHosts, { hosts: options.embedHosts ?? [] })
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeSlug)
    .use(rehypeExternalLinks, { rel: ['noopener'] })
    .use(rehypeStringify)
    .freeze()
}

/**
 * Renders an article body. Problems (unlisted images, removed embeds) are reported on `file`.
 *
 * @param processor The build's processor.
 * @param file The body, padded so its lines are those of the article file.
 * @param images The images the article lists and that exist, by `src`.
 * @param listed Every `src` the article lists (those missing on disk are reported already).
 * @param leadImage `src` of the lead image, rendered eagerly when the body opens with it.
 * @returns The HTML and the images the body places.
 */
export function renderMarkdown(
  processor: MarkdownProcessor,
  file: VFile,
  images: ReadonlyMap<string, FigureImage>,
  listed: ReadonlySet<string> = new Set(images.keys()),
  leadImage?: string
): { html: string; placedImages: string[] } {
  file.data.images = images
  file.data.listedImages = listed
  file.data.leadImage = leadImage
  const tree = processor.runSync(processor.parse(file), file)
  const html = processor.stringify(tree, file)
  return { html, placedImages: file.data.placedImages ?? [] }
}
