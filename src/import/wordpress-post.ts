import slugify from '@sindresorhus/slugify'
import { articleText, pageText, type ArticleFields } from './front-matter-text.ts'
import { htmlToMarkdown, type BodyContext, type BodyImage, type ImageResolution } from './html-to-markdown.ts'
import { autoParagraphs } from './html-text.ts'
import type { ImportMap } from './import-map.ts'
import type { ImportRuleId } from './import-rules.ts'
import { expandShortcodes, type AttachmentInfo } from './shortcodes.ts'
import { approvedComments, plainText, type ImportedComment } from './wordpress-comments.ts'
import { wordpressDate } from './wordpress-dates.ts'
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
}

/** A post or page turned into the project's files (paths relative to the content folder). */
export type ConvertedPost =
  | { kind: 'article'; id: string; path: string; text: string; images: string[]; aliases: number; draft: boolean; comments: ImportedComment[] }
  | { kind: 'page'; path: string; text: string; images: string[] }
  | { kind: 'skip'; reason: string }

// Statuses WordPress publishes, and those it keeps from readers: imported as drafts.
const published = new Set(['publish', 'future'])
const unpublished = new Set(['draft', 'pending', 'private'])

/**
 * Turns a post or page of the export into an article or newsroom page.
 *
 * @param item The item.
 * @param context The run's registries, map, images and report.
 */
export function convertPost(item: WxrItem, context: PostContext): ConvertedPost {
  if (item.type !== 'post' && item.type !== 'page') return { kind: 'skip', reason: `a ${item.type || 'typeless'} item` }
  if (!published.has(item.status) && !unpublished.has(item.status)) return { kind: 'skip', reason: `status ${item.status || 'none'}` }
  const converted = convertBody(item, context)
  const slug = slugify(item.name || item.title) || `${item.type === 'page' ? 'trang' : 'bai'}-${item.id}`
  const title = plainText(item.title).replace(/\s+/g, ' ') || `(Không có tiêu đề) ${item.id}`
  if (item.protected) context.report('protected-post', `Post ${item.id} ("${title}") is password-protected.`)
  const summary = plainText(item.excerpt).replace(/\s+/g, ' ') || undefined
  // The loader refuses an article without a body: the lead stands in for it, or nothing is written.
  const body = converted.markdown === '' && summary ? { ...converted, markdown: `${summary}\n` } : converted
  if (body.markdown === '') {
    context.report('skipped-item', `${item.type === 'page' ? 'Page' : 'Post'} ${item.id} ("${item.title}") has no content and no excerpt.`)
    return { kind: 'skip', reason: 'empty' }
  }
  const source = { from: 'wordpress' as const, id: item.id }
  if (item.type === 'page')
    return { kind: 'page', path: `pages/${slug}.md`, text: pageText(title, summary, body.markdown, source), images: body.images.map((image) => image.src) }
  const date = wordpressDate(item.dateGmt, item.date, context.timeZone)
  if (date === undefined) {
    context.report('skipped-item', `Post ${item.id} has no date that can be read ("${item.dateGmt}", "${item.date}").`)
    return { kind: 'skip', reason: 'no date' }
  }
  const placed = place(item, context)
  if (placed.locality === undefined) {
    context.report('no-locality', `Post ${item.id} ("${title}") has no locality: no category or tag of it is mapped, and no --locality was given.`)
    return { kind: 'skip', reason: 'no locality' }
  }
  let id = `${date.slice(0, 4)}/${date.slice(5, 7)}/${slug}`
  if (context.usedIds.has(id)) id = `${id}-${item.id}`
  context.usedIds.add(id)
  const lead = leadImage(item, context)
  const images = lead ? [lead, ...body.images.filter((image) => image.src !== lead.src)] : body.images
  const fields: ArticleFields = {
    title,
    date,
    authors: [context.authorId(item.creator)],
    locality: placed.locality,
    tags: placed.tags,
    aliases: aliasOf(item.link, id),
    images,
    draft: unpublished.has(item.status) || item.protected,
  }
  if (placed.category) fields.category = placed.category
  if (summary) fields.summary = summary
  return {
    kind: 'article',
    id,
    path: `articles/${id}.md`,
    text: articleText(fields, body.markdown, source),
    images: images.map((image) => image.src),
    aliases: fields.aliases.length,
    draft: fields.draft,
    comments: approvedComments(item.comments, context.timeZone),
  }
}

function convertBody(item: WxrItem, context: PostContext): { markdown: string; images: BodyImage[] } {
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
function leadImage(item: WxrItem, context: PostContext): BodyImage | undefined {
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

/** The old permalink as an alias, unless it is the new address or only a query (`?p=12`). */
function aliasOf(link: string, id: string): string[] {
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return []
  }
  const path = readablePath(url.pathname)
  if (url.search !== '' || path === '/' || path.includes('//') || path.replace(/\/?$/, '/') === `/${id}/`) return []
  return [path]
}

/**
 * A path with its segments percent-decoded where that is safe (`/2019/10/công-an/`), as writers
 * read and type aliases; a segment that decodes to a space, `/`, `%`, `?` or `#` stays encoded.
 *
 * @param pathname A URL's path, percent-encoded.
 */
export function readablePath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => {
      try {
        const decoded = decodeURIComponent(segment)
        return /[\s/\\%?#\u0000-\u001f\u007f]/.test(decoded) ? segment : decoded.normalize('NFC')
      } catch {
        return segment
      }
    })
    .join('/')
}
