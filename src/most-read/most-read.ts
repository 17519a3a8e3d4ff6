import type { VFile } from 'vfile'
import { loadContent } from '../content/index.ts'
import { lockOutput } from '../publish/index.ts'
import { checkSite, planSite } from '../site/index.ts'
import { type ArticlePaths, articlePaths } from './article-paths.ts'
import { mostReadFolder } from './fragment-urls.ts'
import { type RankScopes, rankArticles, serialiseList } from './rank-articles.ts'
import { type SourceSummary, readSources } from './read-sources.ts'
import { createReaderCounter, type LeftOut } from './reader-counter.ts'
import type { ReadWindow } from './windows.ts'
import { type FragmentsWritten, writeFragments } from './write-fragments.ts'

/** Options of {@link mostRead}. */
export interface MostReadOptions {
  /** Log files, folders of them, or exports. */
  sources: readonly string[]
  /** The content folder: which articles are published, their URLs, aliases, categories and places. */
  contentDir: string
  /** The built site the fragments go into. */
  outDir: string
  /** The build's cache, so the content loads warm. @default no cache */
  cacheDir?: string
  /** The windows counted. */
  windows: readonly ReadWindow[]
  /** The end of every window, epoch ms. */
  now: number
  /** How long to wait for a build or deploy holding the output (ms). @default 0 */
  wait?: number
}

/** What {@link mostRead} did. */
export interface MostReadResult {
  /** Whether the fragments were written (no error in the content or the sources). */
  ok: boolean
  /** The content's and the sources' files with their problems. */
  files: VFile[]
  sources?: SourceSummary
  counted?: number
  leftOut?: LeftOut
  written?: FragmentsWritten
  /** Articles in the lists of the first window, site-wide. */
  top?: Array<{ url: string; title: string }>
}

/**
 * Counts readers of the published articles in access logs or exports and writes the "Đọc nhiều"
 * fragments (site-wide, per category, per district-level place, ten per window) into the built
 * site, touching only the fragments whose lists changed. No page is rebuilt.
 *
 * @param options Sources, content, output, windows and "now".
 */
export async function mostRead(options: MostReadOptions): Promise<MostReadResult> {
  const content = await readArticles(options)
  if (!content.ok) return { ok: false, files: content.files }
  const { paths, scopes } = content
  const counter = createReaderCounter(paths, options.windows, options.now)
  const sources = await readSources(options.sources, counter.add)
  const files = [...content.files, ...sources.files]
  if (sources.files.some((file) => file.messages.some((message) => message.fatal === true))) return { ok: false, files, sources }
  const readers = new Map(options.windows.map((window) => [window.name, counter.readers(window.name)]))
  const lists = rankArticles(paths.articles, readers, scopes)
  const release = await lockOutput(options.outDir, 'most-read', { wait: options.wait ?? 0 })
  try {
    const written = await writeFragments(options.outDir, mostReadFolder, new Map(lists.map((list) => [list.url, serialiseList(list)])))
    const first = options.windows[0]?.name ?? ''
    const top = (lists[0]?.windows[first] ?? []).map(({ url, title }) => ({ url, title }))
    return { ok: true, files, sources, ...counter.tally(), written, top }
  } finally {
    await release()
  }
}

/**
 * The published articles by path, and the lists to make, from the content planned as a build plans
 * it. Only this is kept while the logs are read: the content and the site model (hundreds of MB
 * at 100,000 articles) can be collected, and of the content's files only those with problems stay.
 */
async function readArticles(
  options: Pick<MostReadOptions, 'contentDir' | 'cacheDir' | 'now'>
): Promise<{ ok: false; files: VFile[] } | { ok: true; files: VFile[]; paths: ArticlePaths; scopes: RankScopes }> {
  const loaded = checkSite(await loadContent({ contentDir: options.contentDir, ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }) }))
  if (loaded.sources === undefined) return { ok: false, files: loaded.files }
  const model = planSite(loaded.sources, { now: options.now })
  return {
    ok: true,
    files: loaded.files.filter((file) => file.messages.length > 0),
    paths: articlePaths(model),
    scopes: { categories: Object.keys(model.categories).sort(), districts: [...model.navigation.places] },
  }
}
