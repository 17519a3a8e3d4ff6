import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { parse, stringify } from 'yaml'
import { ownPhotograph } from '../corpus/index.ts'

/** The added article's date: after every generated one (they end at 2025-12-31 22:59), before the bench's "now". */
export const addedArticleDate = '2025-12-31 23:30'

/** The added article's file, in the folder of its date. */
export const addedArticlePath = 'articles/2025/12/bai-viet-them-de-do-hieu-nang.md'

/** The paragraph the "edit body" scenario appends. */
export const editParagraph = 'Đoạn văn này được thêm vào để đo thời gian dựng lại trang sau khi sửa nội dung một bài viết cũ.'

/** An article file's front matter and body. */
export interface ArticleText {
  data: Record<string, unknown>
  body: string
}

/**
 * Splits an article file into its front matter (parsed) and body.
 *
 * @param text The file's text.
 */
export function splitArticle(text: string): ArticleText {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text)
  if (!match) throw new Error('not an article: no front matter between --- lines')
  return { data: parse(match[1] ?? '') as Record<string, unknown>, body: match[2] ?? '' }
}

/**
 * A new article shaped like an existing one (the same locality, authors, category and tags), with
 * its own title and date, no old addresses, and a short body; no image, or a lead photograph.
 *
 * @param template An existing article's text.
 * @param date Its date, as articles write it (`YYYY-MM-DD HH:mm`).
 * @param photograph A file of media/ to show as its lead image. @default none
 */
export function addedArticleText(template: string, date: string, photograph?: string): string {
  const { data } = splitArticle(template)
  const { aliases: _aliases, images: _images, ...rest } = data
  const front = {
    ...rest,
    title: 'Bài viết thêm vào để đo thời gian dựng lại trang',
    date,
    summary: 'Một bài viết mới, thêm vào kho bài sau khi đã dựng trang.',
    ...(photograph === undefined ? {} : { images: [{ src: photograph, alt: 'Ảnh của bài viết mới' }] }),
  }
  return `---\n${stringify(front)}---\n\n${editParagraph}\n`
}

/**
 * The same article with one more paragraph at the end of its body.
 *
 * @param text The article's text.
 * @param paragraph The paragraph.
 */
export function editedArticleText(text: string, paragraph: string): string {
  return `${text.replace(/\s*$/, '')}\n\n${paragraph}\n`
}

async function sortedArticles(contentDir: string): Promise<string[]> {
  const entries = await readdir(join(contentDir, 'articles'), { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}

/**
 * Writes one new article, the newest of the archive, shaped like the newest existing one.
 *
 * @param contentDir The content folder (a private copy: it is changed).
 * @param nth The first added article, or a later one (its own file, a minute later).
 * @param ownPhotographs Give it a photograph of its own (see `npm run corpus -- --own-photographs`).
 * @returns The new file's path.
 */
export async function addArticle(contentDir: string, nth = 1, ownPhotographs = false): Promise<string> {
  const files = await sortedArticles(contentDir)
  const newest = files.at(-1)
  if (!newest) throw new Error(`${contentDir} has no articles to copy the shape of`)
  const template = await readFile(newest, 'utf8')
  // The second and later added articles: their own file, a minute later each.
  const path = join(contentDir, nth === 1 ? addedArticlePath : addedArticlePath.replace(/\.md$/, `-${nth}.md`))
  const date = nth === 1 ? addedArticleDate : addedArticleDate.replace(/:30$/, `:${String(30 + nth).padStart(2, '0')}`)
  await mkdir(dirname(path), { recursive: true })
  // A photograph of its own, as the corpus's articles have then: named after it, made anew.
  const photograph = ownPhotographs ? `${basename(path, '.md')}-1.jpg` : undefined
  if (photograph !== undefined) await writeFile(join(contentDir, 'media', photograph), await ownPhotograph(photograph))
  await writeFile(path, addedArticleText(template, date, photograph))
  return path
}

/**
 * Appends a paragraph to the oldest article's body. The file is replaced, not written in place, so
 * a hard-linked copy of the corpus is left alone.
 *
 * @param contentDir The content folder (a private copy: it is changed).
 * @returns The edited file's path.
 */
export async function editArticle(contentDir: string): Promise<string> {
  const oldest = (await sortedArticles(contentDir))[0]
  if (!oldest) throw new Error(`${contentDir} has no articles to edit`)
  const text = await readFile(oldest, 'utf8')
  await writeFile(`${oldest}.tmp`, editedArticleText(text, editParagraph))
  await rename(`${oldest}.tmp`, oldest)
  return oldest
}
