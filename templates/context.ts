import type { SiteInfo, SiteModel } from '../src/site/index.ts'

/** Published URLs of the fingerprinted assets pages link to. */
export interface PageAssets {
  css: string
  articleScript: string
  searchScript: string
  commentsScript: string
}

/** What every page template receives besides its own item: the model's settings, words and registries, and the assets. */
export type PageContext = Pick<SiteModel, 'site' | 'strings' | 'localities' | 'authors' | 'categories' | 'navigation' | 'footerLinks'> & { assets: PageAssets }

/** Which section of the header a page belongs to, for `aria-current`. */
export interface CurrentSection {
  /** The front page. */
  home?: boolean
  /** A category id. */
  category?: string
  /** A district-level place id (see `LocalityModel.district`). */
  place?: string
  /** The page is the section's own landing page (`aria-current="page"`), not a page inside it. */
  self?: boolean
}

/**
 * The context pages of a site model share.
 *
 * @param model The site model.
 * @param assets Published asset URLs.
 */
export function pageContext(
  model: Pick<SiteModel, 'site' | 'strings' | 'localities' | 'authors' | 'categories' | 'navigation' | 'footerLinks'>,
  assets: PageAssets
): PageContext {
  return {
    site: model.site,
    strings: model.strings,
    localities: model.localities,
    authors: model.authors,
    categories: model.categories,
    navigation: model.navigation,
    footerLinks: model.footerLinks,
    assets,
  }
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
