import type { Point } from 'unist'
import { childrenNamed, childText, textOf, type XmlElement } from './xml-stream.ts'

/** A term a post is filed under: a category or a tag. */
export interface WxrTerm {
  /** `category` or `post_tag`. */
  domain: string
  /** The term's slug (percent-decoded). */
  slug: string
  name: string
}

/** A comment as WordPress exported it; e-mail and IP are never read into it. */
export interface WxrComment {
  id: string
  parent: string
  author: string
  /** `comment_date_gmt`, `YYYY-MM-DD HH:mm:ss`. */
  dateGmt: string
  /** `comment_date`, the blog's wall clock (when the GMT date is zero). */
  date: string
  content: string
  /** `1` approved, `0` pending, `spam`, `trash`. */
  approved: string
  /** `''` or `comment` for readers' comments; `pingback`, `trackback`… */
  type: string
}

/** An `<item>` of the export: a post, page, attachment, menu item, revision… */
export interface WxrItem {
  id: string
  title: string
  /** The permalink on the old site. */
  link: string
  /** `post_name`, percent-decoded (WordPress stores Vietnamese slugs encoded). */
  name: string
  type: string
  status: string
  /** `post_date_gmt`; `0000-00-00 00:00:00` for drafts. */
  dateGmt: string
  /** `post_date`, the blog's wall clock. */
  date: string
  creator: string
  /** A password-protected post's password is never imported; only that it had one. */
  protected: boolean
  content: string
  excerpt: string
  parent: string
  /** For attachments: the file's URL. */
  attachmentUrl: string
  terms: WxrTerm[]
  meta: Map<string, string>
  comments: WxrComment[]
  place: Point
}

/** A `<wp:author>` of the export, without its e-mail. */
export interface WxrAuthor {
  login: string
  displayName: string
  place: Point
}

/**
 * Percent-decodes a slug, leaving it as it is when it is not valid UTF-8 escapes.
 *
 * @param value A `post_name` or term slug.
 */
export function decodeSlug(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/**
 * Reads an `<item>` element.
 *
 * @param element The element, as streamed.
 */
export function readItem(element: XmlElement): WxrItem {
  const meta = new Map<string, string>()
  for (const entry of childrenNamed(element, 'wp:postmeta')) meta.set(childText(entry, 'wp:meta_key'), childText(entry, 'wp:meta_value'))
  return {
    id: childText(element, 'wp:post_id').trim(),
    title: childText(element, 'title').trim(),
    link: childText(element, 'link').trim(),
    name: decodeSlug(childText(element, 'wp:post_name').trim()),
    type: childText(element, 'wp:post_type').trim(),
    status: childText(element, 'wp:status').trim(),
    dateGmt: childText(element, 'wp:post_date_gmt').trim(),
    date: childText(element, 'wp:post_date').trim(),
    creator: childText(element, 'dc:creator').trim(),
    protected: childText(element, 'wp:post_password') !== '',
    content: childText(element, 'content:encoded'),
    excerpt: childText(element, 'excerpt:encoded'),
    parent: childText(element, 'wp:post_parent').trim(),
    attachmentUrl: childText(element, 'wp:attachment_url').trim(),
    terms: childrenNamed(element, 'category').map((term) => ({
      domain: term.attributes['domain'] ?? 'category',
      slug: decodeSlug(term.attributes['nicename'] ?? ''),
      name: textOf(term).trim(),
    })),
    meta,
    comments: childrenNamed(element, 'wp:comment').map(readComment),
    place: element.place,
  }
}

function readComment(element: XmlElement): WxrComment {
  // comment_author_email and comment_author_IP are deliberately not read: they never leave the export.
  return {
    id: childText(element, 'wp:comment_id').trim(),
    parent: childText(element, 'wp:comment_parent').trim() || '0',
    author: childText(element, 'wp:comment_author').trim(),
    dateGmt: childText(element, 'wp:comment_date_gmt').trim(),
    date: childText(element, 'wp:comment_date').trim(),
    content: childText(element, 'wp:comment_content'),
    approved: childText(element, 'wp:comment_approved').trim(),
    type: childText(element, 'wp:comment_type').trim(),
  }
}

/**
 * Reads a `<wp:author>` element; its e-mail is not read.
 *
 * @param element The element, as streamed.
 */
export function readAuthor(element: XmlElement): WxrAuthor {
  const login = childText(element, 'wp:author_login').trim()
  return { login, displayName: childText(element, 'wp:author_display_name').trim() || login, place: element.place }
}
