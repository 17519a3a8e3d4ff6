import { UsageError } from '../shared/usage-error.ts'
import { resolveNow } from '../shared/operator-input.ts'
import { checkContentDir } from './cli-options.ts'
import type { RunCode } from './command.ts'
import { mkdir, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import slugify from '@sindresorhus/slugify'
import { stringify } from 'yaml'
import { loadRegistries, partsInZone, placeholders } from '../content/index.ts'
import { didYouMean, formatProblems, hasErrors, withSuggestion } from '../problems/index.ts'

/** Options of {@link createArticle}. */
export interface NewArticleOptions {
  contentDir: string
  title: string
  /** Locality id from localities.yml. */
  locality: string
  /** Author id from authors.yml. */
  author: string
  /** The build's "now" in epoch ms; the article's date when `date` is absent. */
  now: number
  /** `YYYY-MM-DD HH:mm` in the site's zone. */
  date?: string
}

const pad = (value: number): string => String(value).padStart(2, '0')

/**
 * The text of a new article: valid front matter, marked as a draft, with a lead and a body to
 * replace (`check` warns until they are).
 *
 * @param fields Title, local date, locality and author.
 */
export function articleTemplate(fields: { title: string; date: string; locality: string; author: string }): string {
  const frontMatter = stringify(
    {
      title: fields.title,
      date: fields.date,
      authors: [fields.author],
      locality: fields.locality,
      tags: [],
      summary: placeholders.lead,
      images: [],
      draft: true,
    },
    { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', flowCollectionPadding: false }
  ).replace(/^date: "(.*)"$/m, 'date: $1')
  return `---\n${frontMatter}---\n\n${placeholders.body}\n`
}

/**
 * Writes `articles/YYYY/MM/<slug>.md` for a new article; never overwrites a file.
 *
 * @param options Title, registry ids and the date.
 * @returns The path written, or what went wrong.
 */
export async function createArticle(options: NewArticleOptions): Promise<{ path: string } | { error: string }> {
  const { registries, files } = await loadRegistries(options.contentDir)
  if (!registries || hasErrors(files)) return { error: formatProblems(files, process.cwd()) }
  const localityIds = registries.localities.map((locality) => locality.id)
  if (!localityIds.includes(options.locality)) {
    // A wrong option is a usage error (exit 2), as for every command; the content is fine.
    throw new UsageError(
      `--locality: ${withSuggestion(`Unknown locality "${options.locality}".`, didYouMean(options.locality, registries.localities))}`,
      'Give --locality an id from localities.yml.'
    )
  }
  const authorIds = registries.authors.map((author) => author.id)
  if (!authorIds.includes(options.author)) {
    throw new UsageError(
      `--author: ${withSuggestion(`Unknown author "${options.author}".`, didYouMean(options.author, registries.authors))}`,
      'Give --author an id from authors.yml.'
    )
  }
  const { year, month, day, hour, minute } = partsInZone(options.now, registries.site.timeZone)
  const date = options.date ?? `${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}`
  const folderMatch = /^(\d{4})-(\d{2})/.exec(date)
  if (!folderMatch) throw new UsageError(`--date: "${date}" is not a date.`, 'Write --date "YYYY-MM-DD HH:mm", e.g. --date "2026-12-05 08:30".')
  const slug = slugify(options.title)
  const dir = join(options.contentDir, 'articles', folderMatch[1] as string, folderMatch[2] as string)
  const path = join(dir, `${slug}.md`)
  await mkdir(dir, { recursive: true })
  try {
    await writeFile(path, articleTemplate({ title: options.title.normalize('NFC'), date, locality: options.locality, author: options.author }), { flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return { error: `${relative(process.cwd(), path)} already exists; it was left untouched. Choose another title.` }
    throw error
  }
  return { path: relative(process.cwd(), path) }
}

/** The options of `toasoan new`, parsed (see `commands/new.ts`). */
export interface NewArgs {
  content: string
  locality?: string | undefined
  author?: string | undefined
  date?: string | undefined
  now?: string | undefined
}

/**
 * Runs `toasoan new "Tiêu đề" --locality ID --author ID`.
 *
 * @param values The parsed options.
 * @param positionals The title's words.
 * @returns 0 written, 1 the registries do not load or the file exists.
 * @throws {UsageError} Without a title, a locality or an author, or with an unknown one.
 */
export async function newArticleCommand(values: NewArgs, positionals: readonly string[]): Promise<RunCode> {
  const title = positionals.join(' ').trim()
  const missing = [
    ...(title ? [] : ['a title']),
    ...(values.locality === undefined ? ['--locality'] : []),
    ...(values.author === undefined ? ['--author'] : []),
  ]
  if (missing.length > 0 || values.locality === undefined || values.author === undefined)
    throw new UsageError(`new needs ${missing.join(', ')}.`, 'Write toasoan new "Tiêu đề" --locality ID --author ID [--date "YYYY-MM-DD HH:mm"].')
  const now = resolveNow(values.now)
  await checkContentDir(values.content)
  const result = await createArticle({
    contentDir: values.content,
    title,
    locality: values.locality,
    author: values.author,
    now,
    ...(values.date === undefined ? {} : { date: values.date }),
  })
  if ('error' in result) {
    console.error(result.error)
    return 1
  }
  console.log(`Created ${result.path}`)
  return 0
}
