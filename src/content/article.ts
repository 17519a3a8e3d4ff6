import { createHash } from 'node:crypto'
import { basename, dirname, extname, relative } from 'node:path'
import slugify from '@sindresorhus/slugify'
import matter from 'gray-matter'
import type { Position } from 'unist'
import { VFile } from 'vfile'
import type { ImageSet } from '../images/plan-image.ts'
import { renderMarkdown, type FigureImage, type MarkdownCache, type MarkdownProcessor } from '../markdown/index.ts'
import { archiveYearsText, inArchiveYears, parseArticleDate, partsInZone, type ArticleDate } from './dates.ts'
import { bodyLimits, checkBodyLimits } from './body-limits.ts'
import { decodeSource } from './decode-source.ts'
import { didYouMean } from '../problems/did-you-mean.ts'
import { toPosix, type MediaFile, type MediaReader } from './media.ts'
import type { Registries } from './registries.ts'
import { report } from '../problems/report.ts'
import { frontMatterKeys, frontMatterSchema, type FrontMatter } from './schema.ts'
import { validate } from './validate.ts'
import { resolveImages } from './article-images.ts'
import { bodyPlaceholder, placeholders } from './placeholders.ts'
import { parseYamlSource, yamlPosition, yamlTopLevelKeys, type YamlSource } from './yaml-source.ts'

/** An article that passed validation: everything a page needs, nothing to look up again. */
export interface ArticleSource {
  /** Stable id: `YYYY/MM/<slug>`, the folder from the date in the site's zone (the site plans the URL, see `articleUrlOf`). */
  id: string
  /** Path of the Markdown file relative to the content folder, with `/`. */
  sourcePath: string
  /** From the file name; stays when the title changes. */
  slug: string
  title: string
  /** The lead (sapo); may be empty. */
  summary: string
  date: ArticleDate
  updated?: ArticleDate
  /** A note on what was corrected, shown with `updated`. */
  correction?: string
  /** Author ids, in byline order. */
  authors: string[]
  /** Locality id. */
  locality: string
  category?: string
  tags: string[]
  /**
   * The first listed image, resolved: the one pages, teasers, feeds and search results show. The
   * others live in the body's HTML (rendered at load) and in `digest`, so the article does not keep
   * them: at 100,000 articles with their own photographs the image sets were most of the source
   * cache and of the heap.
   */
  lead?: FigureImage
  /** Absolute paths of the files of every listed image that resolved, the lead's first: what a build shard processes for the article. */
  imageFiles: string[]
  /** Whether the body places the lead image itself (else the page shows it on top). */
  leadPlaced: boolean
  /**
   * SHA-256 of the body and the images, computed once when the file is parsed and kept in the
   * source cache: page and search keys use it instead of hashing 100,000 bodies on every build.
   */
  digest: string
  draft: boolean
  /** `false` turns comments off for this article. */
  comments?: boolean
  /** The editors put it on the front page's lead and secondary stories. */
  featured?: true
  /** Old URL paths that redirect here. */
  aliases: string[]
}

/** Where each alias was written, for problems found across files. */
export type AliasPlaces = Array<Position | undefined>

/**
 * An article that loaded, with its file and the places the site's checks across files report at
 * (see `checkSite`): they find problems no single file shows, after loading.
 */
export interface LoadedArticle {
  article: ArticleSource
  file: VFile
  /** Where `date` was written (unknown for a date that is not in the front matter's text): a URL another article has is reported there. */
  datePlace: Position | undefined
  /** Where each alias was written. */
  aliasPlaces: AliasPlaces
}

/** What loading an article needs besides its text. */
export interface ArticleContext {
  /** Absolute content folder. */
  contentDir: string
  registries: Registries
  localityIds: ReadonlySet<string>
  authorIds: ReadonlySet<string>
  /** Known category ids, or `undefined` when the paper keeps no category registry. */
  categoryIds: ReadonlySet<string> | undefined
  processor: MarkdownProcessor
  readMedia: MediaReader
  /** Records each media file an article uses, by source path. */
  media: Map<string, MediaFile>
  /** Rendered bodies by content hash; absent to always render. */
  markdownCache?: MarkdownCache
  /** Planned image files by source hash: an image used by many articles is planned once. */
  imageSets?: Map<string, ImageSet>
  /** Identity of the image encoder, part of every published image name (see `imageEncoder`). @default '' */
  encoder?: string
  /**
   * `false` reads the front matter only: the body is not rendered, nor checked beyond being there
   * (a build shard needs every article's front matter but only its share of bodies). Such an
   * article has no HTML and a digest no rendered article can have (see {@link unrenderedDigest}),
   * so no cache entry made from it can stand for the real article. @default true
   */
  bodies?: boolean
}

/** The digest of an article read without its body: never that of a rendered one, whose is hex only. */
export function unrenderedDigest(body: string): string {
  return `unrendered:${createHash('sha256').update(body).digest('hex')}`
}

/** Whether an article was read without its body (see {@link ArticleContext.bodies}). */
export function isUnrendered(article: { digest: string }): boolean {
  return article.digest.startsWith('unrendered:')
}

/**
 * Validates one article and renders its body. Every problem is reported on the returned file
 * at its line and column; the article is returned only when it has no error, with its body's
 * sanitised HTML beside it (none when read without it, see {@link ArticleContext.bodies}) and
 * every listed image that resolved (the article keeps only its lead).
 *
 * @param path Absolute path of the Markdown file.
 * @param contents Its bytes (or its text), decoded by {@link decodeSource}.
 * @param context Registries and shared build state.
 */
export async function loadArticle(
  path: string,
  contents: Uint8Array | string,
  context: ArticleContext
): Promise<{ article?: ArticleSource; body?: string; images?: FigureImage[]; file: VFile; datePlace?: Position; aliasPlaces?: AliasPlaces }> {
  const file = new VFile({ path })
  const value = decodeSource(contents, file)
  if (value === undefined) return { file }
  file.value = value
  const slug = slugify(basename(path, extname(path)))
  if (slug === '') report(file, 'empty-slug', { name: basename(path) })
  const split = splitFrontMatter(value)
  if (!split) {
    report(file, 'missing-front-matter', {})
    return { file }
  }
  const parsed = parseYamlSource(split.matter, file)
  if (!parsed) return { file }
  const { source } = parsed
  for (const { key, position } of yamlTopLevelKeys(source)) {
    if (!frontMatterKeys.includes(key)) report(file, 'unknown-key', { key, suggestion: didYouMean(key, frontMatterKeys) }, position)
  }
  const data = validate(frontMatterSchema, parsed.data ?? {}, source, file)
  const bodyPlace = { line: split.bodyLine, column: 1 }
  if (split.body.trim() === '') report(file, 'empty-body', {}, bodyPlace)
  if (!data) return { file }
  if (data.summary?.includes(placeholders.lead)) report(file, 'placeholder-text', { text: placeholders.lead }, yamlPosition(source, ['summary']))
  const placeholder = bodyPlaceholder(split.body, split.bodyLine)
  if (placeholder) report(file, 'placeholder-text', { text: placeholders.body }, placeholder)

  const { timeZone } = context.registries.site
  const date = readDate(data.date, 'date', source, file, timeZone)
  const updated = data.updated === undefined ? undefined : readDate(data.updated, 'updated', source, file, timeZone)
  const authors = checkAuthors(data, source, file, context)
  if (!context.localityIds.has(data.locality)) {
    report(
      file,
      'unknown-locality',
      { id: data.locality, suggestion: didYouMean(data.locality, context.registries.localities) },
      yamlPosition(source, ['locality'])
    )
  }
  if (data.category !== undefined && context.categoryIds && !context.categoryIds.has(data.category)) {
    report(
      file,
      'unknown-category',
      { id: data.category, suggestion: didYouMean(data.category, context.registries.categories ?? context.categoryIds) },
      yamlPosition(source, ['category'])
    )
  }
  const images = await resolveImages(data, source, file, context)
  let body: { html: string; placedImages: string[]; digest: string }
  if (context.bodies === false) body = { html: '', placedImages: [], digest: unrenderedDigest(split.body) }
  else {
    const rendered = await renderBody(
      file,
      split,
      images,
      data.images.map((image) => image.src),
      context
    )
    if (!rendered) return { file }
    const { html, placedImages } = rendered
    for (const [index, image] of images.entries()) {
      if (index > 0 && !placedImages.includes(image.src)) report(file, 'unplaced-image', { src: image.src }, yamlPosition(source, ['images', index, 'src']))
    }
    body = { html, placedImages, digest: createHash('sha256').update(html).update('\0').update(JSON.stringify(images)).digest('hex') }
  }
  if (file.messages.some((message) => message.fatal === true) || !date || (data.updated !== undefined && !updated)) return { file }

  const { year, month } = partsInZone(date.epoch, timeZone)
  const folder = `${year}/${String(month).padStart(2, '0')}`
  const sourcePath = toPosix(relative(context.contentDir, path))
  const filedUnder = toPosix(dirname(sourcePath)).replace(/^articles\/?/, '')
  if (/^\d{4}\/\d{2}$/.test(filedUnder) && filedUnder !== folder) {
    report(file, 'folder-date-mismatch', { folder: filedUnder, expected: folder }, yamlPosition(source, ['date']))
  }
  const article: ArticleSource = {
    id: `${folder}/${slug}`,
    sourcePath,
    slug,
    title: data.title,
    summary: data.summary ?? '',
    date,
    authors,
    locality: data.locality,
    tags: data.tags,
    imageFiles: images.map((image) => image.set.source),
    leadPlaced: images[0] !== undefined && body.placedImages.includes(images[0].src),
    digest: body.digest,
    draft: data.draft,
    aliases: data.aliases,
  }
  if (images[0]) article.lead = images[0]
  if (updated) article.updated = updated
  if (data.correction !== undefined) article.correction = data.correction
  if (data.category !== undefined) article.category = data.category
  if (data.comments !== undefined) article.comments = data.comments
  if (data.featured) article.featured = true
  const datePlace = yamlPosition(source, ['date'])
  const aliasPlaces = data.aliases.map((_, index) => yamlPosition(source, ['aliases', index]))
  // The body travels beside the article: the source cache keeps it apart (see `BodyStore`).
  // The images travel beside it too, for the cache entry's media (the article keeps its lead only).
  const loaded = context.bodies === false ? { article, images, file, aliasPlaces } : { article, body: body.html, images, file, aliasPlaces }
  return datePlace ? { ...loaded, datePlace } : loaded
}

/**
 * Splits front matter from the body with gray-matter, keeping line numbers: the YAML text starts
 * on the line of the opening `---`, and the body's first line number is returned.
 *
 * @param text The whole file.
 */
export function splitFrontMatter(text: string): { matter: string; body: string; bodyLine: number } | undefined {
  if (!/^---[ \t]*\r?\n/.test(text)) return undefined
  // The YAML is parsed by us (with positions), so gray-matter only splits.
  const result = matter(text, { engines: { yaml: () => ({}) } })
  if (!text.endsWith(result.content)) return undefined
  const bodyStart = text.length - result.content.length
  const bodyLine = text.slice(0, bodyStart).split('\n').length
  return { matter: result.matter, body: result.content, bodyLine }
}

async function renderBody(
  file: VFile,
  split: { body: string; bodyLine: number },
  images: FigureImage[],
  listed: string[],
  context: ArticleContext
): Promise<{ html: string; placedImages: string[] } | undefined> {
  if (!checkBodyLimits(split.body, split.bodyLine, file)) return undefined
  const cache = context.markdownCache
  const key = cache?.key(split.body, images, listed)
  const cached = key === undefined ? undefined : await cache?.get(key)
  if (cached) return cached
  const rendered = renderBodyAt(file, split, context.processor, images, listed)
  if (!rendered) return undefined
  // Only clean renders are cached: a body with problems is rendered again so they are reported again.
  if (cache && key !== undefined && rendered.clean) await cache.set(key, { html: rendered.html, placedImages: rendered.placedImages })
  return rendered
}

/**
 * Renders a body (of an article or a newsroom page) with its positions those of the whole file:
 * the body's problems are reported on `file`, and a shape the parsers cannot nest is
 * `body-too-deep`, never a crash of the build. The body limits are checked first by the caller.
 *
 * @param file The whole file, where problems go.
 * @param split The body and the line it starts on.
 * @param processor The build's Markdown processor.
 * @param images The images the file lists and that exist; the first is the lead.
 * @param listed Every `src` the file lists.
 * @returns The HTML, the images placed, and whether the body had no problem; nothing when too deep.
 */
export function renderBodyAt(
  file: VFile,
  split: { body: string; bodyLine: number },
  processor: MarkdownProcessor,
  images: readonly FigureImage[] = [],
  listed: readonly string[] = []
): { html: string; placedImages: string[]; clean: boolean } | undefined {
  // Padding with the front matter's line count makes Markdown positions those of the file.
  const body = new VFile({ path: file.path, value: '\n'.repeat(split.bodyLine - 1) + split.body })
  try {
    const { html, placedImages } = renderMarkdown(processor, body, new Map(images.map((image) => [image.src, image])), new Set(listed), images[0]?.src)
    file.messages.push(...body.messages)
    return { html, placedImages, clean: body.messages.length === 0 }
  } catch (error) {
    // The limits are upper bounds of the nesting the parsers build, so this is a last resort
    // for a shape they do not foresee: a problem at the body, never a crash of the build.
    if (!(error instanceof RangeError)) throw error
    report(file, 'body-too-deep', { what: 'its elements', limit: bodyLimits.nesting }, { line: split.bodyLine, column: 1 })
    return undefined
  }
}

function readDate(value: string, field: string, source: YamlSource, file: VFile, timeZone: string): ArticleDate | undefined {
  const date = parseArticleDate(value, timeZone)
  if ('error' in date) {
    report(file, 'invalid-date', { field, value, reason: date.error }, yamlPosition(source, [field]))
    return undefined
  }
  if (!inArchiveYears(date.epoch)) {
    report(file, 'date-out-of-range', { field, value, range: archiveYearsText }, yamlPosition(source, [field]))
    return undefined
  }
  return date
}

function checkAuthors(data: FrontMatter, source: YamlSource, file: VFile, context: ArticleContext): string[] {
  const field = data.authors !== undefined ? 'authors' : 'author'
  const written = data.authors ?? data.author
  if (written === undefined) {
    report(file, 'missing-field', { field: 'authors' }, yamlPosition(source, []))
    return []
  }
  const ids = typeof written === 'string' ? [written] : written
  for (const [index, id] of ids.entries()) {
    if (context.authorIds.has(id)) continue
    const place: Position | undefined = yamlPosition(source, typeof written === 'string' ? [field] : [field, index])
    report(file, 'unknown-author', { id, suggestion: didYouMean(id, context.registries.authors) }, place)
  }
  return ids
}
