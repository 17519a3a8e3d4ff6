export { createMarkdownProcessor, renderMarkdown, type MarkdownOptions, type MarkdownProcessor } from './processor.ts'
export { figureElement, remarkFigure } from './remark-figure.ts'
export { rehypeEmbedHosts, type EmbedHostsOptions } from './rehype-embed-hosts.ts'
export type { FigureImage } from './types.ts'
