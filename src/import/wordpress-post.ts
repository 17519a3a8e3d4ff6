import slugify from '@sindresorhus/slugify'
import { articleText, pageText, type ArticleFields, type ImportedFrom } from './front-matter-text.ts'
import { htmlToMarkdown, type BodyContext, type BodyImage, type ImageResolution } from './html-to-markdown.ts'
import { autoParagraphs } from './html-text.ts'
import type { ImportMap } from './import-map.ts'
import type { ImportRuleId } from './import-rules.ts'
import { expandShortcodes, type AttachmentInfo } from './shortcodes.ts'
import { approvedComments, plainText, type ImportedComment } from './wordpress-comments.ts'
import { wordpressDate } from './wordpress-dates.ts'
import { aliasOf, pagePath } from './old-address.ts'
import type { WxrItem } from './wxr-item.ts'

/** What converting a post needs from the run. */
export interface PostContext {
  timeZone: string
  attachments: ReadonlyMap<string, AttachmentInfo>
  attachmentsOf: (postId: string) => readonly string[]
  map: ImportMap
  /** `--locality`: for posts no rule of the map places. */
  defaultLocality: string | undefined
  /** The author id of a WordPress login. */
  authorId: (login: string) => string
  resolveImage: (url: string) => ImageResolution
  /** Reports a problem at the post. */
  report: (rule: ImportRuleId, reason: string) => void
  /** Article ids given out in this run, so two posts never share a file. */
  usedIds: Set<string>
  /** Problems reported once per run (an unmapped category), by key. */
  reportedOnce: Set<string>
  /** The digest of what an item's files are made from, recorded in them (`source`). */
  sourceOf?: (item: WxrItem) => string
  /** Whether the file at a path was made from that source and not edited since. */
  isCurrent?: (path: string, source: string) => boolean
}

/** A post or page turned into the project's files (paths relative to the content folder). */
export type ConvertedPost =
  | { kind: 'article'; id: string; path: string; text: string; images: string[]; aliases: number; draft: boolean; comments: ImportedComment[] }
  | { kind: 'page'; path: string; text: string; images: string[] }
  | { kind: 'skip'; reason: string }
  /** Made from the same source by the same code, and not edited: not converted again. */
  | { kind: 'current'; page: boolean; path: string; source: string; aliases: number; draft: boolean; comments: number }

// Statuses WordPress publishes, and those it keeps from readers: imported as drafts.
const published = new Set(['publish', 'future'])
const unpublished = new Set(['draft', 'pending', 'private'])

/** What converting a post's text needs: cloneable to a conversion thread, with its own resolver and report there. */
export type BodyInputs = Pick<PostContext, 'timeZone' | 'attachments' | 'attachmentsOf' | 'resolveImage' | 'report'>

/** A post placed and named in file order, its text not made yet ({@link finishPost} makes it, on any thread). */
export interface PlannedPost {
  kind: 'convert'
  path: string
  source: ImportedFrom
  aliases: string[]
  draft: boolean
  /** The author's id; for articles only. */
  author: string
  /** An article's id, date and place; a page has none. */
  placed?: { id: string; date: string; locality: string; category: string | undefined; tags: string[] }
}

/**
 * Turns a post or page of the export into an article or newsroom page.
 *
 * @param item The item.
 * @param context The run's registries, map, images and report.
 */
export function convertPost(item: WxrItem, context: PostContext): ConvertedPost {
  const planned = planPost(item, context)
  return planned.kind === 'convert' ? finishPost(item, planned, context) : planned
}

/**
 * The part of {@link convertPost} that depends on the posts before it, run in file order: what is
 * skipped, ids and paths given out, the author, whether the file is current.
 *
 * @param item The item.
 * @param context The run's registries, map, images and report.
 */
export function planPost(item: WxrItem, context: PostContext): Exclude<ConvertedPost, { kind: 'article' | 'page' }> | PlannedPost {
  if (item.type !== 'post' && item.type !== 'page') return { kind: 'skip', reason: `a ${item.type || 'typeless'} item` }
  if (!published.has(item.status) && !unpublished.has(item.status)) return { kind: 'skip', reason: `status ${item.status || 'none'}` }
  const slug = slugify(item.name || item.title) || `${item.type === 'page' ? 'trang' : 'bai'}-${item.id}`
  const placed = item.type === 'post' ? planArticle(item, slug, context) : undefined
  if (placed === 'skip') return { kind: 'skip', reason: 'no date or locality' }
  const path = placed ? `articles/${placed.id}.md` : pageFile(item, slug, context)
  const sourceDigest = context.sourceOf?.(item)
  const source: ImportedFrom = { from: 'wordpress', id: item.id, ...(sourceDigest === undefined ? {} : { source: sourceDigest }) }
  const aliases = placed ? aliasOf(item.link, placed.id) : []
  const draft = unpublished.has(item.status) || item.protected
  const author = context.authorId(item.creator)
  if (sourceDigest !== undefined && context.isCurrent?.(path, sourceDigest))
    return { kind: 'current', page: !placed, path, source: sourceDigest, aliases: aliases.length, draft, comments: placed ? countComments(item.comments) : 0 }
  return { kind: 'convert', path, source, aliases, draft, author, ...(placed ? { placed } : {}) }
}

/**
 * The text of a planned post: title, lead, body, images and comments. It depends on nothing but
 * the item, its plan and the inputs, so any thread makes the same bytes.
 *
 * @param item The item.
 * @param planned Its plan.
 * @param context The site's zone, the attachments, the image resolver and the report.
 */
export function finishPost(item: WxrItem, planned: PlannedPost, context: BodyInputs): ConvertedPost {
  const { path, source, aliases, draft, placed } = planned
  const title = titleOf(item)
  const summary = plainText(item.excerpt).replace(/\s+/g, ' ') || undefined
  if (item.protected) context.report('protected-post', `Post ${item.id} ("${title}") is password-protected.`)
  const converted = convertBody(item, context)
  // The loader refuses an article without a body: the lead stands in for it, or nothing is written.
  const body = converted.markdown === '' && summary ? { ...converted, markdown: `${summary}\n` } : converted
  if (body.markdown === '') {
    context.report('skipped-item', `${item.type === 'page' ? 'Page' : 'Post'} ${item.id} ("${item.title}") has no content and no excerpt.`)
    return { kind: 'skip', reason: 'empty' }
  }
  if (!placed) return { kind: 'page', path, text: pageText(title, summary, body.markdown, source), images: body.images.map((image) => image.src) }
  const { id, date } = placed
  const lead = leadImage(item, context)
  const images = lead ? [lead, ...body.images.filter((image) => image.src !== lead.src)] : body.images
  const fields: ArticleFields = {
    title,
    date,
    authors: [planned.author],
    locality: placed.locality,
    tags: placed.tags,
    aliases,
    images,
    draft,
  }
  if (placed.category) fields.category = placed.category
  if (summary) fields.summary = summary
  return {
    kind: 'article',
    id,
    path,
    text: articleText(fields, body.markdown, source),
    images: images.map((image) => image.src),
    aliases: fields.aliases.length,
    draft: fields.draft,
    comments: approvedComments(item.comments, context.timeZone),
  }
}

/** A page's file, at its old address's path; taken for this run, so two pages never share one. */
function pageFile(item: WxrItem, slug: string, context: PostContext): string {
  let path = pagePath(item.link, slug, (segment) => slugify(segment))
  if (context.usedIds.has(path)) path = path.replace(/\.md$/, `-${item.id}.md`)
  context.usedIds.add(path)
  return path
}

const titleOf = (item: WxrItem): string => plainText(item.title).replace(/\s+/g, ' ') || `(Không có tiêu đề) ${item.id}`

/** The comments {@link approvedComments} keeps, counted without reading their text (for a post not converted again). */
export const countComments = (comments: WxrItem['comments']): number =>
  comments.filter((comment) => comment.approved === '1' && (comment.type === '' || comment.type === 'comment') && comment.content.trim() !== '').length

/** An article's date, place and id (taken for this run), or why it is not written. */
function planArticle(item: WxrItem, slug: string, context: PostContext): PlannedPost['placed'] | 'skip' {
  const date = wordpressDate(item.dateGmt, item.date, context.timeZone)
  if (date === undefined) {
    context.report('skipped-item', `Post ${item.id} has no date that can be read ("${item.dateGmt}", "${item.date}").`)
    return 'skip'
  }
  const placed = place(item, context)
  if (placed.locality === undefined) {
    context.report('no-locality', `Post ${item.id} ("${titleOf(item)}") has no locality: no category or tag of it is mapped, and no --locality was given.`)
    return 'skip'
  }
  let id = `${date.slice(0, 4)}/${date.slice(5, 7)}/${slug}`
  if (context.usedIds.has(id)) id = `${id}-${item.id}`
  context.usedIds.add(id)
  return { ...placed, locality: placed.locality, id, date }
}

function convertBody(item: WxrItem, context: BodyInputs): { markdown: string; images: BodyImage[] } {
  const unknown = new Set<string>()
  const html = expandShortcodes(item.content, {
    postId: item.id,
    attachments: context.attachments,
    attachmentsOf: context.attachmentsOf,
    onUnknown: (name) => unknown.add(name),
  })
  for (const name of unknown) context.report('unknown-shortcode', `Post ${item.id}: shortcode [${name}] is not converted.`)
  const bodyContext: BodyContext = { resolveImage: context.resolveImage, onProblem: (rule, reason) => context.report(rule, `Post ${item.id}: ${reason}`) }
  return htmlToMarkdown(autoParagraphs(html), bodyContext)
}

/** The featured image (`_thumbnail_id`), the article's lead. */
function leadImage(item: WxrItem, context: BodyInputs): BodyImage | undefined {
  const thumbnail = item.meta.get('_thumbnail_id')
  if (thumbnail === undefined || thumbnail === '') return undefined
  const attachment = context.attachments.get(thumbnail)
  if (!attachment) {
    context.report('missing-media', `Post ${item.id}: the featured image (attachment ${thumbnail}) is not in the export.`)
    return undefined
  }
  const resolved = context.resolveImage(attachment.url)
  if (resolved === 'external') return undefined
  if ('missing' in resolved) {
    context.report('missing-media', `Post ${item.id}: the featured image ${attachment.url} is not in the --media folder (looked for ${resolved.missing}).`)
    return undefined
  }
  const image: BodyImage = { src: resolved.src }
  const alt = attachment.alt || attachment.caption
  if (alt) image.alt = alt
  if (attachment.caption) image.caption = attachment.caption
  return image
}

/** Locality, category and tags from the post's terms and the map. */
function place(item: WxrItem, context: PostContext): { locality: string | undefined; category: string | undefined; tags: string[] } {
  let locality: string | undefined
  let category: string | undefined
  const tags: string[] = []
  for (const term of item.terms) {
    const mappedLocality = context.map.localities.get(term.slug)
    const mappedCategory = context.map.categories.get(term.slug)
    if (mappedLocality || mappedCategory) {
      locality ??= mappedLocality
      category ??= mappedCategory
      continue
    }
    if (term.domain === 'category' && term.slug !== 'uncategorized' && !context.reportedOnce.has(`category:${term.slug}`)) {
      context.reportedOnce.add(`category:${term.slug}`)
      context.report('unmapped-category', `Category "${term.slug}" (${term.name}) is not in the map (first met in post ${item.id}).`)
    }
    if ((term.domain === 'post_tag' || term.domain === 'category') && term.slug !== 'uncategorized' && term.name && !tags.includes(term.name))
      tags.push(term.name.normalize('NFC'))
  }
  return { locality: locality ?? context.defaultLocality, category, tags }
}
