import type { VFile } from 'vfile'
import type { ContentSources, LoadedArticle, LoadedContent } from '../content/index.ts'
import { hasErrors, report } from '../problems/report.ts'
import { checkAliases } from './aliases.ts'
import { articleUrlOf } from './urls.ts'

/**
 * The site's checks of loaded content, before anything is planned: the addresses it would publish
 * at. Two articles with one URL are `duplicate-url` (at the later one's date, in path order), and
 * the aliases and newsroom pages of the others are checked against every file the build writes
 * (see {@link checkAliases}). Problems go on the files the content stage loaded, at the places it
 * parsed; articles in `others` take their URLs without being reported on.
 *
 * @param content What loaded, with its files and places.
 */
export function checkUrls(content: LoadedContent): void {
  const { timeZone } = content.registries.site
  const byUrl = new Map((content.others ?? []).map((article) => [articleUrlOf(article, timeZone), article.sourcePath]))
  const unique: LoadedArticle[] = []
  for (const entry of content.articles) {
    const url = articleUrlOf(entry.article, timeZone)
    const other = byUrl.get(url)
    if (other !== undefined) {
      report(entry.file, 'duplicate-url', { url, other }, entry.datePlace)
      continue
    }
    byUrl.set(url, entry.article.sourcePath)
    unique.push(entry)
  }
  checkAliases(unique, content.registries, byUrl, content.pages)
}

/**
 * Runs the site's checks ({@link checkUrls}) on what a command loaded, so every command reports
 * them: the sources are kept only while no file has an error.
 *
 * @param loaded The result of `loadContent` (or of `checkArticles`): its files, what loaded, and the sources.
 * @returns The same result, without sources when a file has an error.
 */
export function checkSite<Loaded extends { files: VFile[]; loaded?: LoadedContent; sources?: ContentSources | undefined }>(loaded: Loaded): Loaded {
  if (loaded.loaded) checkUrls(loaded.loaded)
  return loaded.sources !== undefined && hasErrors(loaded.files) ? { ...loaded, sources: undefined } : loaded
}
