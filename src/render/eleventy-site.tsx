import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import Eleventy, { type EleventyConfig } from '@11ty/eleventy'
import type { ArticleWithBody, FeedWithBodies, LatestFragment, ListingPage, Redirect, SiteModel, YearPage } from '../site/index.ts'
import { outputPathOf } from '../site/index.ts'
import {
  ArticlePage,
  HomePageView,
  LatestFragmentView,
  ListingPageView,
  NotFoundPage,
  RedirectPage,
  SearchPage,
  YearPageView,
  renderHeaders,
  renderNewsSitemap,
  renderOpenSearch,
  renderRedirects,
  renderRobots,
  renderRss,
  renderSitemap,
  renderSitemapIndex,
  pageContext,
  type PageContext,
} from '../../templates/index.ts'
import { renderDocument, renderFragment } from './render-page.tsx'
import { searchPreload } from './search-preload.ts'

/** What every page shows besides its own item: the part of the model a render thread receives. */
export type RenderModel = Parameters<typeof pageContext>[0]

/**
 * Which pages of the model to render (a kind left out is not rendered); articles and feeds come
 * with their bodies, which the model does not hold.
 */
export interface RenderSlice {
  articles?: readonly ArticleWithBody[]
  listings?: readonly ListingPage[]
  years?: readonly YearPage[]
  fragments?: readonly LatestFragment[]
  redirects?: readonly Redirect[]
  feeds?: readonly FeedWithBodies[]
  /** Home, sitemaps, CDN files, robots.txt, OpenSearch, 404 and search: files made from the whole model, given to render them. */
  singletons?: SiteModel
}

/** Options of {@link renderWithEleventy}. */
export interface EleventyRenderOptions {
  /** Folder pages are written to. */
  outputDir: string
  /** Folder for Eleventy's (empty) input directory. */
  cacheDir: string
  /** Published URLs of the fingerprinted assets. */
  assets: PageContext['assets']
  slice: RenderSlice
}

/**
 * Renders a slice of the site model with Eleventy: one virtual 11ty.js template per kind of page,
 * paginated over the slice. Templates are TSX components (or XML serialisers); Eleventy handles pagination,
 * output paths and writing.
 *
 * @param model What every page shows (the site model, or its part a render thread has).
 * @param options Where to write and what.
 * @returns How many files were written.
 */
export async function renderWithEleventy(model: RenderModel, options: EleventyRenderOptions): Promise<number> {
  const context = pageContext(model, options.assets)
  const { site, strings } = model
  const { articles = [], listings = [], years = [], fragments = [], redirects = [], feeds = [], singletons: whole } = options.slice
  const preload = whole ? await searchPreload(whole) : undefined
  const inputDir = join(options.cacheDir, 'eleventy-input')
  await mkdir(inputDir, { recursive: true })
  let written = 0
  const eleventy = new Eleventy(inputDir, options.outputDir, {
    quietMode: true,
    config(config: EleventyConfig) {
      // Profiled on 20,000 articles: 25 s of Eleventy's own 32 s went to its blocking mkdirSync and
      // writeFileSync, one pair per page on the main thread. Asynchronous writes leave those calls
      // to libuv's threads while the next pages render.
      config.configureTemplateHandling({ writeMode: 'async' })
      const each = <T,>(name: string, items: readonly T[], url: (item: T) => string, render: (item: T) => string): void => {
        written += items.length
        config.addTemplate(`${name}.11ty.js`, {
          data: { pagination: { data: 'items', size: 1, alias: 'item' }, items, permalink: (data: { item: T }) => outputPathOf(url(data.item)) },
          render: (data: { item: T }) => render(data.item),
        })
      }
      // `path` is the output file: `_redirects` and `_headers` have no extension but are files.
      const one = (name: string, path: string, render: () => string): void => {
        written++
        config.addTemplate(`${name}.11ty.js`, { data: { permalink: path }, render })
      }
      each(
        'article',
        articles,
        (article) => article.url,
        (article) => renderDocument(<ArticlePage article={article} context={context} />)
      )
      each(
        'listing',
        listings,
        (page) => page.url,
        (page) => renderDocument(<ListingPageView page={page} context={context} />)
      )
      each(
        'year',
        years,
        (page: YearPage) => page.url,
        (page) => renderDocument(<YearPageView page={page} context={context} />)
      )
      each(
        'fragment',
        fragments,
        (fragment: LatestFragment) => fragment.url,
        (fragment) => renderFragment(<LatestFragmentView fragment={fragment} strings={strings} />)
      )
      each(
        'redirect',
        redirects,
        (redirect: Redirect) => redirect.from,
        (redirect) => renderDocument(<RedirectPage redirect={redirect} site={site} strings={strings} />)
      )
      each(
        'feed',
        feeds,
        (feed: FeedWithBodies) => feed.url,
        (feed) => renderRss(feed, site.baseUrl)
      )
      if (!whole) return
      one('home', 'index.html', () => renderDocument(<HomePageView home={whole.home} years={whole.years} context={context} />))
      one('search', 'tim-kiem/index.html', () =>
        renderDocument(<SearchPage context={context} bundles={whole.searchBundles.map((bundle) => bundle.url).reverse()} preload={preload} />)
      )
      one('not-found', '404.html', () => renderDocument(<NotFoundPage context={context} />))
      each(
        'sitemap',
        whole.sitemaps.children,
        (child) => child.url,
        (child) => renderSitemap(child.entries)
      )
      one('sitemap-index', 'sitemap.xml', () => renderSitemapIndex(whole.sitemaps, site.baseUrl))
      one('sitemap-news', 'sitemap-news.xml', () => renderNewsSitemap(whole.sitemaps))
      one('robots', 'robots.txt', () => renderRobots(site.baseUrl))
      one('opensearch', 'opensearch.xml', () => renderOpenSearch(site, strings.search))
      one('redirects', '_redirects', () => renderRedirects(whole.redirects))
      one('headers', '_headers', () => renderHeaders(site))
    },
  })
  // Our own task lines report progress; Eleventy's summary line would be noise (errors still throw).
  eleventy.disableLogger()
  await eleventy.write()
  return written
}
