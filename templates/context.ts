import type { AuthorModel, CategoryModel, LocalityModel, SiteInfo, Strings } from '../src/site/index.ts'

/** What every page template receives besides its own item: settings, words and registries. */
export interface PageContext {
  site: SiteInfo
  strings: Strings
  localities: Record<string, LocalityModel>
  authors: Record<string, AuthorModel>
  categories: Record<string, CategoryModel>
  /** Localities linked from the header. */
  navigation: string[]
  /** Published URLs of fingerprinted assets. */
  assets: { css: string; articleScript: string; searchScript: string; commentsScript: string }
}

/**
 * Makes a site path absolute with the site's base URL (for canonical links, feeds and cards).
 *
 * @param site The site settings.
 * @param path A path starting with `/`.
 */
export function absoluteUrl(site: SiteInfo, path: string): string {
  return `${site.baseUrl}${path}`
}
