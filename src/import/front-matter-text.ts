import type { BodyImage } from './html-to-markdown.ts'

/**
 * A YAML double-quoted string (JSON's escapes are YAML's), in NFC like everything the loader reads.
 *
 * @param text Any text.
 */
export function quote(text: string): string {
  return JSON.stringify(text.normalize('NFC')).replaceAll('\u2028', '\\L').replaceAll('\u2029', '\\P')
}

/** What an imported article's front matter holds, in the order writers see it in content/. */
export interface ArticleFields {
  title: string
  /** `YYYY-MM-DD HH:mm` in the site's zone. */
  date: string
  authors: string[]
  locality: string
  category?: string
  tags: string[]
  summary?: string
  aliases: string[]
  images: BodyImage[]
  draft: boolean
}

/** Where an imported file came from. */
export interface ImportedFrom {
  from: 'wordpress' | 'html'
  id: string
  /** The digest of what the file was made from (the item, its images, the options, the code). */
  source?: string
}

/** The placeholder the digest is computed over, then replaced by the digest itself. */
export const digestPlaceholder = '""'

/**
 * The `imported:` line, with a placeholder for the digest.
 *
 * @param source Where the file came from.
 */
export function importedLine(source: ImportedFrom): string {
  const made = source.source === undefined ? '' : `source: "${source.source}", `
  return `imported: {from: ${source.from}, id: ${quote(source.id)}, ${made}digest: ${digestPlaceholder}}\n`
}

/**
 * An article file as the project writes them (see content/articles): front matter in the usual
 * order, flow lists for ids, tags and aliases, images as a block list, then the body.
 *
 * @param fields The front matter.
 * @param body Markdown.
 * @param source Where it came from (the digest is filled in later).
 */
export function articleText(fields: ArticleFields, body: string, source: ImportedFrom): string {
  const lines = [`title: ${quote(fields.title)}`, `date: ${fields.date}`, `authors: [${fields.authors.join(', ')}]`, `locality: ${fields.locality}`]
  if (fields.category) lines.push(`category: ${fields.category}`)
  lines.push(`tags: [${fields.tags.map(quote).join(', ')}]`)
  if (fields.summary) lines.push(`summary: ${quote(fields.summary)}`)
  if (fields.aliases.length > 0) lines.push(`aliases: [${fields.aliases.map(quote).join(', ')}]`)
  if (fields.images.length > 0) {
    lines.push('images:')
    for (const image of fields.images) {
      lines.push(`  - src: ${quote(image.src)}`)
      if (image.alt) lines.push(`    alt: ${quote(image.alt)}`)
      if (image.caption) lines.push(`    caption: ${quote(image.caption)}`)
    }
  }
  if (fields.draft) lines.push('draft: true')
  return `---\n${lines.join('\n')}\n${importedLine(source)}---\n\n${body.normalize('NFC')}`
}

/**
 * A newsroom page (`pages/<slug>.md`): title, description and the body.
 *
 * @param title The page's title.
 * @param description Its description, when the old page had an excerpt.
 * @param body Markdown.
 * @param source Where it came from.
 */
export function pageText(title: string, description: string | undefined, body: string, source: ImportedFrom): string {
  const lines = [`title: ${quote(title)}`]
  if (description) lines.push(`description: ${quote(description)}`)
  return `---\n${lines.join('\n')}\n${importedLine(source)}---\n\n${body.normalize('NFC')}`
}

/**
 * An approved comment (`comments/<article-id>/<id>.yml`, Staticman's shape): never an e-mail,
 * an IP address or a website.
 *
 * @param comment Its id, parent, name, plain-text message and local date.
 * @param source Where it came from.
 */
export function commentText(comment: { id: string; parent?: string; name: string; message: string; date: string }, source: ImportedFrom): string {
  const lines = [`_id: ${quote(comment.id)}`]
  if (comment.parent !== undefined) lines.push(`_parent: ${quote(comment.parent)}`)
  lines.push(`name: ${quote(comment.name)}`, `message: ${quote(comment.message)}`, `date: ${comment.date}`)
  return `${lines.join('\n')}\n${importedLine(source)}`
}
