import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize'

/**
 * What raw HTML and Markdown may produce: GitHub's allowlist, plus figures with captions,
 * responsive pictures with loading hints, and iframes (whose hosts `rehypeEmbedHosts` has already checked).
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'picture', 'source', 'iframe'],
  attributes: {
    ...defaultSchema.attributes,
    img: [...(defaultSchema.attributes?.['img'] ?? []), 'width', 'height', 'loading', 'decoding', 'srcSet', 'sizes', 'fetchPriority'],
    source: ['type', 'srcSet', 'sizes'],
    figure: [['className', 'lead-figure']],
    span: [...(defaultSchema.attributes?.['span'] ?? []), ['className', 'credit']],
    iframe: ['src', 'title', 'width', 'height', 'allowFullScreen', 'loading', 'allow', 'referrerPolicy'],
  },
  protocols: { ...defaultSchema.protocols, src: ['https'] },
  // A <style> element goes with its rules, as a <script> does: never left in the page as text.
  strip: [...(defaultSchema.strip ?? []), 'style'],
}
