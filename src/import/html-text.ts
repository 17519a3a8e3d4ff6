/**
 * Escapes text for an HTML attribute or element.
 *
 * @param text Plain text.
 */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}

const blockTags =
  'table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary|iframe'

/**
 * WordPress's `wpautop` in short: classic-editor posts keep paragraphs as blank lines, not `<p>`.
 * Blocks of text between blank lines become paragraphs and single newlines `<br>`; block-level
 * HTML is left as it is. Block-editor posts (with `<!-- wp:` comments) already have their tags.
 *
 * @param html A post's content.
 */
export function autoParagraphs(html: string): string {
  if (html.includes('<!-- wp:')) return html
  const opensBlock = new RegExp(`^\\s*</?(?:${blockTags})\\b`, 'i')
  const closesBlock = new RegExp(`</(?:${blockTags})>\\s*$`, 'i')
  return html
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== '')
    .map((chunk) => (opensBlock.test(chunk) && closesBlock.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`))
    .join('\n')
}
