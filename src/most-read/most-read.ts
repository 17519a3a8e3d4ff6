import { VFile } from 'vfile'
import { loadContent } from '../content/index.ts'
import { lockOutput } from '../publish/index.ts'
import { checkSite, planSite } from '../site/index.ts'
import { indexArticles, indexedPaths } from './article-index.ts'
import { articleIndexPath, contentStamp, type IndexMiss, readArticleIndex, writeArticleIndex } from './article-index-file.ts'
import { type ArticlePaths, articlePaths } from './article-paths.ts'
import { mostReadFolder } from './fragment-urls.ts'
import { reportMostRead } from './most-read-rules.ts'
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
  /**
   * The build's cache: its article index of the content (see `readArticleIndex`), else the content
   * loads warm from it and the index is written there. @default no cache, the content is loaded
   */
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
 * The published articles by path, and the lists to make: from the article index the build wrote
 * (a second at 100,000 articles) when it was made from the content as it is now, else from the
 * content planned as a build plans it, which then writes the index for the next run. Only this is
 * kept while the logs are read: the content and the site model (hundreds of MB at 100,000
 * articles) can be collected, and of the content's files only those with problems stay.
 */
async function readArticles(
  options: Pick<MostReadOptions, 'contentDir' | 'cacheDir' | 'now'>
): Promise<{ ok: false; files: VFile[] } | { ok: true; files: VFile[]; paths: ArticlePaths; scopes: RankScopes }> {
  const { cacheDir, contentDir, now } = options
  // Taken before the content loads: an article edited meanwhile leaves a stamp the index will not match.
  const stamp = cacheDir === undefined ? undefined : await contentStamp(contentDir)
  const read = cacheDir === undefined || stamp === undefined ? undefined : await readArticleIndex(cacheDir, contentDir, stamp)
  if (read !== undefined && 'index' in read) return { ok: true, files: [], ...indexedPaths(read.index, now) }
  // Front matter only (no body is shown or counted): what the build cached is reused, nothing is
  // written to or pruned from its caches, and a cold load renders no Markdown.
  const loaded = checkSite(await loadContent({ contentDir, bodyGroups: [], lean: true, ...(cacheDir === undefined ? {} : { cacheDir }) }))
  const { sources } = loaded
  if (sources === undefined) return { ok: false, files: loaded.files }
  const files = loaded.files.filter((file) => file.messages.length > 0)
  if (cacheDir !== undefined && stamp !== undefined && read !== undefined && 'miss' in read) {
    await writeArticleIndex(cacheDir, contentDir, stamp, () => indexArticles(sources, stamp))
    files.push(indexMissed(read.miss, articleIndexPath(cacheDir, contentDir), contentDir))
  }
  const model = planSite(sources, { now })
  return {
    ok: true,
    files,
    paths: articlePaths(model),
    scopes: { categories: Object.keys(model.categories).sort(), districts: [...model.navigation.places] },
  }
}

/** The warning that the content was loaded for want of a current article index. */
function indexMissed(miss: IndexMiss, path: string, contentDir: string): VFile {
  const file = new VFile({ path })
  const reasons: Record<IndexMiss, string> = {
    missing: `No article index of ${contentDir} in the cache: the content was loaded instead.`,
    stale: `The article index was made from other content (or code) than ${contentDir} holds now: the content was loaded instead.`,
    unreadable: 'The article index could not be read (cut short or edited): the content was loaded instead.',
  }
  reportMostRead(file, 'no-article-index', reasons[miss])
  return file
}
