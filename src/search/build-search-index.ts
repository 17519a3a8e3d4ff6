import { join } from 'node:path'
import * as pagefind from 'pagefind'
import type { SiteModel } from '../site/index.ts'
import { searchRecord } from './search-record.tsx'

/** Options of {@link buildSearchIndex}. */
export interface SearchIndexOptions {
  /** The site being published (bundles go to `pagefind/<n>/` inside it). */
  outputDir: string
  /** Which bundles to build; all by default. */
  shards?: readonly number[]
}

/** A Pagefind run reported a problem: the build fails with its messages. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError'
}

/**
 * Builds the search bundles with Pagefind's Node API, one bundle at a time so the indexer's memory
 * stays bounded by the bundle size. Every `errors` array Pagefind returns is checked.
 *
 * @param model The site model (articles and their shards).
 * @param options Where to write.
 * @returns How many articles were indexed.
 */
export async function buildSearchIndex(model: SiteModel, options: SearchIndexOptions): Promise<number> {
  const byUrl = new Map(model.articles.map((article) => [article.url, article]))
  let indexed = 0
  try {
    for (const [number, shard] of model.searchShards.entries()) {
      if (options.shards && !options.shards.includes(number)) continue
      const created = await pagefind.createIndex({ forceLanguage: model.site.language })
      const index = created.index
      if (!index || created.errors.length > 0) throw new SearchIndexError(`Pagefind could not start: ${created.errors.join('; ')}`)
      for (const url of shard.articles) {
        const article = byUrl.get(url)
        if (!article) continue
        const added = await index.addHTMLFile({ url, content: searchRecord(article, model) })
        if (added.errors.length > 0) throw new SearchIndexError(`Pagefind could not index ${url}: ${added.errors.join('; ')}`)
        indexed++
      }
      const written = await index.writeFiles({ outputPath: join(options.outputDir, shard.bundle) })
      if (written.errors.length > 0) throw new SearchIndexError(`Pagefind could not write ${shard.bundle}: ${written.errors.join('; ')}`)
      await index.deleteIndex()
    }
  } finally {
    await pagefind.close()
  }
  return indexed
}
