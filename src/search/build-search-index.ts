import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import * as pagefind from 'pagefind'
import type { ArticleModel, SiteModel } from '../site/index.ts'
import { searchRecord } from './search-record.tsx'

/** Options of {@link buildSearchIndex}. */
export interface SearchIndexOptions {
  /** The site being published (bundles go to `pagefind/<n>/` inside it). */
  outputDir: string
  /** Which bundles to build; all by default. */
  shards?: readonly number[]
}

/** Files sent to Pagefind at once. */
const inFlight = 32

const unusedFiles = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js']

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
      // Pagefind answers each file over a pipe; keeping a few in flight hides the round trips.
      const urls = shard.articles.filter((url) => byUrl.has(url))
      for (let start = 0; start < urls.length; start += inFlight) {
        await Promise.all(
          urls.slice(start, start + inFlight).map(async (url) => {
            const added = await index.addHTMLFile({ url, content: searchRecord(byUrl.get(url) as ArticleModel, model) })
            if (added.errors.length > 0) throw new SearchIndexError(`Pagefind could not index ${url}: ${added.errors.join('; ')}`)
          })
        )
        indexed += Math.min(inFlight, urls.length - start)
      }
      const written = await index.writeFiles({ outputPath: join(options.outputDir, shard.bundle) })
      if (written.errors.length > 0) throw new SearchIndexError(`Pagefind could not write ${shard.bundle}: ${written.errors.join('; ')}`)
      // The search page uses Pagefind's JS API only; its prebuilt UIs would be dead weight on the CDN.
      await Promise.all(unusedFiles.map((name) => rm(join(options.outputDir, shard.bundle, name), { force: true })))
      await index.deleteIndex()
    }
  } finally {
    await pagefind.close()
  }
  return indexed
}
