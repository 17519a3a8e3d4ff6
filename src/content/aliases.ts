import type { Position } from 'unist'
import type { VFile } from 'vfile'
import { authorUrl, categoryUrl, fixedUrls, localityUrl, outputPathOf } from '../site/urls.ts'
import type { AliasPlaces, ArticleSource } from './article.ts'
import type { Registries } from './registries.ts'
import { report } from './report.ts'

/** An article that loaded, with where its aliases were written. */
export interface LoadedArticle {
  article: ArticleSource
  file: VFile
  aliasPlaces: AliasPlaces
}

/**
 * Reports aliases that would overwrite a real page or another alias: a redirect page written over
 * an article would silently replace it.
 *
 * @param loaded Articles with their files and alias positions.
 * @param registries For the URLs of locality, author and category pages.
 */
export function checkAliases(loaded: readonly LoadedArticle[], registries: Registries): void {
  const taken = new Map<string, string>()
  const take = (url: string, what: string): void => {
    const path = outputPathOf(url)
    if (!taken.has(path)) taken.set(path, what)
  }
  for (const url of Object.values(fixedUrls)) take(url, `the page ${url}`)
  for (const locality of registries.localities) take(localityUrl(locality.id), `the locality page of "${locality.id}"`)
  for (const author of registries.authors) take(authorUrl(author.id), `the author page of "${author.id}"`)
  for (const { article } of loaded) {
    take(article.url, `the article ${article.sourcePath}`)
    const [, year, month] = article.url.split('/')
    take(`/${year}/`, `the archive of ${year}`)
    take(`/${year}/${month}/`, `the archive of ${month}/${year}`)
    if (article.category !== undefined) take(categoryUrl(article.category), `the category page of "${article.category}"`)
  }
  for (const { article, file, aliasPlaces } of loaded) {
    for (const [index, alias] of article.aliases.entries()) {
      const path = outputPathOf(alias)
      const other = taken.get(path)
      const place: Position | undefined = aliasPlaces[index]
      if (other !== undefined) report(file, 'alias-collision', { alias, other }, place)
      else taken.set(path, `an alias of ${article.sourcePath}`)
    }
  }
}
