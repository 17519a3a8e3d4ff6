import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** The fields of a generated test article. */
export interface TestArticle {
  slug: string
  /** `YYYY-MM-DD HH:mm` */
  date: string
  locality: string
  author: string
  title?: string
  category?: string
  tags?: string[]
  aliases?: string[]
  /** Images of the content's media/ folder, listed in the front matter. */
  images?: Array<{ src: string; alt: string }>
}

/**
 * Writes a small valid article into a content folder, in the folder of its date.
 *
 * @param contentDir The content folder.
 * @param article Its fields.
 * @returns The file's path.
 */
export async function writeArticle(contentDir: string, article: TestArticle): Promise<string> {
  const [year, month] = article.date.split('-')
  const dir = join(contentDir, 'articles', year ?? '', month ?? '')
  await mkdir(dir, { recursive: true })
  const lines = [
    '---',
    `title: "${article.title ?? `Bài ${article.slug}`}"`,
    `date: ${article.date}`,
    `author: ${article.author}`,
    `locality: ${article.locality}`,
    ...(article.category ? [`category: ${article.category}`] : []),
    ...(article.tags ? [`tags: [${article.tags.join(', ')}]`] : []),
    `summary: "Tóm tắt ${article.slug}."`,
    ...(article.aliases ? [`aliases: [${article.aliases.map((alias) => `"${alias}"`).join(', ')}]`] : []),
    ...(article.images ? ['images:', ...article.images.flatMap((image) => [`  - src: "${image.src}"`, `    alt: "${image.alt}"`])] : []),
    '---',
    '',
    `Nội dung của bài [${article.slug}](/dia-phuong/${article.locality}/) có **chữ đậm**.`,
    '',
  ]
  const path = join(dir, `${article.slug}.md`)
  await writeFile(path, lines.join('\n'))
  return path
}

/**
 * Sets keys of site.yml (appended lines override nothing: the file is rewritten with the key).
 *
 * @param contentDir The content folder.
 * @param key A top-level key, e.g. `pageSize`.
 * @param value Its YAML value.
 */
export async function setSiteKey(contentDir: string, key: string, value: string): Promise<void> {
  const path = join(contentDir, 'site.yml')
  const text = (await readFile(path, 'utf8')).split('\n').filter((line) => !line.startsWith(`${key}:`))
  await writeFile(path, `${text.join('\n').trimEnd()}\n${key}: ${value}\n`)
}
