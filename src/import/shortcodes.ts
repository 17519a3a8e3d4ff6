import { escapeHtml } from './html-text.ts'

/** An attachment of the export, as shortcodes refer to it. */
export interface AttachmentInfo {
  url: string
  alt: string
  caption: string
  /** The post the file was uploaded to. */
  parent: string
}

/** What shortcode expansion needs from the import. */
export interface ShortcodeContext {
  postId: string
  attachments: ReadonlyMap<string, AttachmentInfo>
  /** Attachment ids by the post they were uploaded to, in export order. */
  attachmentsOf: (postId: string) => readonly string[]
  /** Reports a shortcode that is not converted (name, and what was done). */
  onUnknown: (name: string) => void
}

// WordPress's own get_shortcode_regex(): [[escaped]], [name attrs /], [name attrs]content[/name].
const shortcodePattern = /\[(\[?)([a-z][a-z0-9_-]*)(?![\w-])([^\]/]*(?:\/(?!\])[^\]/]*)*?)(?:(\/)\]|\](?:([\s\S]*?)\[\/\2\])?)(\]?)/g
const attributePattern = /([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)/g
const youtubeLine =
  /^[ \t]*(?:<p>)?[ \t]*(https?:\/\/(?:www\.|m\.)?(?:youtube\.com\/watch\?(?:[^\s<]*&(?:amp;)?)?v=|youtu\.be\/)([\w-]{11})[^\s<]*)[ \t]*(?:<\/p>)?[ \t]*$/gm

/**
 * Parses a shortcode's attributes.
 *
 * @param text What follows the shortcode's name, up to `]`.
 */
export function shortcodeAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {}
  for (const match of text.matchAll(attributePattern)) {
    const key = (match[1] ?? match[3] ?? match[5] ?? '').toLowerCase()
    attributes[key] = match[2] ?? match[4] ?? match[6] ?? ''
  }
  return attributes
}

/**
 * A YouTube player as the articles embed it (the privacy-enhanced host), or undefined for a URL
 * that is not a YouTube video.
 *
 * @param url A watch, short or embed address.
 */
export function youtubeEmbed(url: string): string | undefined {
  const id = /(?:youtube(?:-nocookie)?\.com\/(?:watch\?(?:.*&)?v=|embed\/)|youtu\.be\/)([\w-]{11})/.exec(url.replaceAll('&amp;', '&'))?.[1]
  if (id === undefined) return undefined
  return `<iframe src="https://www.youtube-nocookie.com/embed/${id}" title="Video YouTube" width="560" height="315" allowfullscreen></iframe>`
}

/**
 * Expands the shortcodes of a post's HTML into plain HTML: `[caption]` into a figure with its
 * caption, `[gallery]` into its figures, `[embed]`/`[youtube]` and a YouTube address alone on a
 * line (WordPress's auto-embed) into a player. Any other shortcode is reported, its tags removed
 * and its text kept.
 *
 * @param html The post's content.
 * @param context Attachments and the report.
 */
export function expandShortcodes(html: string, context: ShortcodeContext): string {
  const expanded = html.replace(
    shortcodePattern,
    (whole, open: string, name: string, attrs: string, _selfClosing, inner: string | undefined, close: string) => {
      if (open === '[' && close === ']') return whole.slice(1, -1)
      const attributes = shortcodeAttributes(attrs)
      const body = inner ?? ''
      switch (name) {
        case 'caption':
        case 'wp_caption':
          return captionFigure(body, attributes['caption'])
        case 'gallery':
          return galleryFigures(attributes, context)
        case 'embed':
        case 'youtube':
          return (
            youtubeEmbed(body.trim() || attributes['url'] || attrs.trim().replace(/^=/, '')) ??
            `<p><a href="${escapeHtml(body.trim())}">${escapeHtml(body.trim())}</a></p>`
          )
        default:
          context.onUnknown(name)
          return open + expandShortcodes(body, context) + close
      }
    }
  )
  return expanded.replace(youtubeLine, (line, url: string) => youtubeEmbed(url) ?? line)
}

function captionFigure(inner: string, captionAttribute: string | undefined): string {
  const image = /<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>/i.exec(inner)
  if (!image) return inner
  const caption = captionAttribute ?? inner.replace(image[0], '').trim()
  return `<figure>${image[0]}<figcaption>${caption}</figcaption></figure>`
}

function galleryFigures(attributes: Record<string, string>, context: ShortcodeContext): string {
  const ids = attributes['ids'] ?? attributes['include']
  const list = ids ? ids.split(',').map((id) => id.trim()) : context.attachmentsOf(attributes['id'] ?? context.postId)
  return list
    .map((id) => context.attachments.get(id))
    .filter((attachment) => attachment !== undefined)
    .map(
      (attachment) =>
        `<figure><img src="${escapeHtml(attachment.url)}" alt="${escapeHtml(attachment.alt)}">${attachment.caption ? `<figcaption>${escapeHtml(attachment.caption)}</figcaption>` : ''}</figure>`
    )
    .join('\n')
}
