import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import slugify from '@sindresorhus/slugify'
import { glob } from 'tinyglobby'
import { VFile } from 'vfile'
import { createMarkdownProcessor, type MarkdownProcessor } from '../markdown/index.ts'
import { didYouMean } from '../problems/did-you-mean.ts'
import { report } from '../problems/report.ts'
import { renderBodyAt, splitFrontMatter } from './article.ts'
import { checkBodyLimits } from './body-limits.ts'
import { createContentStat, reportFileOutside } from './content-boundary.ts'
import { decodeSource } from './decode-source.ts'
import { pageKeys, pageSchema } from './schema.ts'
import { validate } from './validate.ts'
import { parseYamlSource, yamlTopLevelKeys } from './yaml-source.ts'

/** A page the newsroom writes ("Giới thiệu", "Liên hệ", "Quy định bình luận"), validated. */
export interface PageSource {
  /** Path of the Markdown file relative to the content folder, with `/`. */
  sourcePath: string
  /** Where it is published: `pages/lien-he.md` → `/lien-he/`, `pages/a/index.md` → `/a/`. */
  url: string
  title: string
  description?: string
  /** Whether the footer links it. */
  footer: boolean
  /** Place in the footer, lower first. */
  order: number
  /** The Markdown body; Eleventy renders it (Liquid first, so the newsroom's shortcodes and filters apply). */
  body: string
  /** Line of the file where the body starts. */
  bodyLine: number
}

/** A loaded page with its file, where a clash of its address is reported. */
export interface LoadedPage {
  page: PageSource
  file: VFile
}

/**
 * Reads and validates the newsroom's pages under `pages/`, reporting every problem at its place.
 * Bodies are rendered once here with the articles' Markdown processor, only to report what it
 * finds (an image, an embed from another host) at its line; Eleventy renders them for the site.
 *
 * @param contentDir The content folder.
 * @param embedHosts Hosts whose iframes bodies may embed (site.yml).
 * @returns The pages without errors, sorted by path, and a file per page.
 */
export async function loadPages(contentDir: string, embedHosts: readonly string[]): Promise<{ pages: LoadedPage[]; files: VFile[] }> {
  const paths = (await glob('pages/**/*.md', { cwd: contentDir })).sort()
  const processor = createMarkdownProcessor({ embedHosts })
  const statPage = createContentStat(contentDir)
  const pages: LoadedPage[] = []
  const files: VFile[] = []
  for (const sourcePath of paths) {
    const file = new VFile({ path: join(contentDir, sourcePath) })
    files.push(file)
    const found = statPage(file.path)
    if ('outside' in found) {
      reportFileOutside(file, contentDir, found.outside)
      continue
    }
    const page = readPage(sourcePath, await readFile(file.path), file, processor)
    if (page && !file.messages.some((message) => message.fatal === true)) pages.push({ page, file })
  }
  return { pages, files }
}

/** The URL of a page file: each folder and the file name made a slug, `index` naming its folder. */
export function pageUrlOf(sourcePath: string): string | undefined {
  const segments = sourcePath
    .replace(/^pages\//, '')
    .replace(/\.md$/, '')
    .split('/')
  if (segments.at(-1) === 'index') segments.pop()
  const slugs = segments.map((segment) => slugify(segment))
  if (slugs.some((slug) => slug === '')) return undefined
  return slugs.length === 0 ? '/' : `/${slugs.join('/')}/`
}

function readPage(sourcePath: string, bytes: Uint8Array, file: VFile, processor: MarkdownProcessor): PageSource | undefined {
  const value = decodeSource(bytes, file)
  if (value === undefined) return undefined
  file.value = value
  const url = pageUrlOf(sourcePath)
  if (url === undefined) report(file, 'empty-slug', { name: sourcePath.replace(/^pages\//, '') })
  const split = splitFrontMatter(value)
  if (!split) {
    report(file, 'missing-front-matter', {})
    return undefined
  }
  const parsed = parseYamlSource(split.matter, file)
  if (!parsed) return undefined
  for (const { key, position } of yamlTopLevelKeys(parsed.source)) {
    if (!pageKeys.includes(key)) report(file, 'unknown-key', { key, suggestion: didYouMean(key, pageKeys) }, position)
  }
  const data = validate(pageSchema, parsed.data ?? {}, parsed.source, file)
  if (split.body.trim() === '') report(file, 'empty-body', {}, { line: split.bodyLine, column: 1 })
  if (!checkBodyLimits(split.body, split.bodyLine, file)) return undefined
  if (!renderBodyAt(file, split, processor)) return undefined
  if (!data || url === undefined) return undefined
  return {
    sourcePath,
    url,
    title: data.title,
    ...(data.description === undefined ? {} : { description: data.description }),
    footer: data.footer,
    order: data.order,
    body: split.body,
    bodyLine: split.bodyLine,
  }
}
