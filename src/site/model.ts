import type { FigureImage } from '../markdown/index.ts'
import type { Pagination } from './paginate.ts'
import type { CommentModel } from './comments.ts'
import type { SearchBundle } from './search-bundles.ts'
import type { Strings } from './strings.ts'

/**
 * The site model: what loading and planning produce and templates read. Plain, serialisable data
 * (no functions, no class instances) so any slice of it can go to another process or a cache.
 */
export interface SiteModel {
  site: SiteInfo
  strings: Strings
  /** Every locality by id. */
  localities: Record<string, LocalityModel>
  /** Every author by id. */
  authors: Record<string, AuthorModel>
  /** Every category in use (or in the registry) by id. */
  categories: Record<string, CategoryModel>
  /** Published articles, newest first. */
  articles: ArticleModel[]
  /** What every page's header links to: registry data only, so old pages never change with articles. */
  navigation: Navigation
  home: HomePage
  /** Locality, author, category and month pages, landing and numbered. */
  listings: ListingPage[]
  /** `/YYYY/` pages. */
  years: YearPage[]
  /** RSS feeds: the site's and each locality's. */
  feeds: Feed[]
  sitemaps: Sitemaps
  /** Old paths (aliases) to their articles. */
  redirects: Redirect[]
  /** Latest-news fragments per locality, fetched by article pages. */
  fragments: LatestFragment[]
  /** Search bundles, oldest articles first. */
  searchBundles: SearchBundle[]
  /** Pages the newsroom writes (`pages/**\/*.md`), by source path; Eleventy renders them. */
  newsroomPages: NewsroomPage[]
  /** Newsroom pages the footer links, in their `order`, then by title. */
  footerLinks: Array<{ title: string; url: string }>
}

/** A page the newsroom writes ("Giới thiệu", "Liên hệ"…): Markdown that Eleventy renders with the site's layout. */
export interface NewsroomPage {
  url: string
  title: string
  description?: string
  /** The Markdown body (Liquid runs first, then the articles' Markdown processor). */
  body: string
  /** Path of the file in the content folder, for Eleventy's page data. */
  sourcePath: string
}

/** The header's sections: the paper's categories and a menu of district-level places. */
export interface Navigation {
  /** The province: the root of the locality tree. */
  root?: string
  /** District-level places (the root's children), registry order. */
  places: string[]
  /** Category ids, registry order. */
  categories: string[]
}

/** Settings templates need. */
export interface SiteInfo {
  title: string
  description: string
  /** Absolute origin and path prefix, without trailing slash. */
  baseUrl: string
  /** `vi` */
  language: string
  /** Open Graph locale, e.g. `vi_VN`. */
  ogLocale: string
  timeZone: string
  publisherName: string
  /** The published logo's site path (`/media/…png`), or the https URL site.yml gives. */
  publisherLogo: string
  /** The paper's pages elsewhere (`Organization.sameAs`). */
  publisherSameAs: string[]
  /** Where readers' comments are posted; absent when comments are off. */
  commentEndpoint?: string
  /** URLs of the site's icons (32, 180 and 192 px PNGs); absent when site.yml names no `icon`. */
  icons?: { favicon: string; touch: string; large: string }
  /** The paper's X (Twitter) `@handle`, for `twitter:site`. */
  twitter?: string
  /** Hosts whose iframes bodies may embed (site.yml; the CSP's `frame-src`). */
  embedHosts: string[]
}

/** A date as readers and machines see it. */
export interface DisplayDate {
  /** ISO 8601 with offset, for `<time datetime>` and JSON-LD. */
  iso: string
  /** `Thứ năm, 24/10/2019 - 09:15` in the site's zone. */
  text: string
}

/** A place in the locality tree. */
export interface LocalityModel {
  id: string
  name: string
  kind: string
  /** `/dia-phuong/<id>/` */
  url: string
  /** `/dia-phuong/<id>/feed.xml` */
  feed: string
  /** Latest-news fragment. */
  fragment: string
  /** `Thành phố`: the kind in Vietnamese sentence case, as headings show it. */
  kindLabel: string
  /** Ancestor ids, root first. */
  ancestors: string[]
  /** The district-level place it lies in (itself for one), for the header's current section. */
  district?: string
  /** Child ids, in registry order. */
  children: string[]
  /** Published articles of this place and the places under it. */
  articleCount: number
}

/** A person on bylines. */
export interface AuthorModel {
  id: string
  name: string
  bio: string
  /** `/tac-gia/<id>/` */
  url: string
  /** `/tac-gia/<id>/feed.xml` */
  feed: string
  /** The author's own page elsewhere, if any. */
  sameAs?: string
}

/** A section of the paper. */
export interface CategoryModel {
  id: string
  name: string
  /** `/chuyen-muc/<id>/` */
  url: string
  /** `/chuyen-muc/<id>/feed.xml` */
  feed: string
}

/** A short link to an article, as in "Tin liên quan". */
export interface ArticleLink {
  url: string
  title: string
  date: DisplayDate
}

/** Everything an article page shows. */
export interface ArticleModel {
  id: string
  url: string
  title: string
  summary: string
  date: DisplayDate
  /** Epoch ms of publication, for sorting and windows. */
  published: number
  updated?: DisplayDate
  correction?: string
  /** Author ids, byline order. */
  authors: string[]
  /** Locality id. */
  locality: string
  category?: string
  tags: string[]
  /** The first listed image: the page's social card and crops, the teaser's thumbnail, the feeds' enclosure. */
  lead?: FigureImage
  /** The lead figure to show above the body, when the body does not place it itself. */
  leadFigure?: FigureImage
  /** Hash of the body and images (see `ArticleSource.digest`): keys use it instead of both. */
  digest: string
  /** Up to five older articles: same locality first, then shared tags or category. */
  related: ArticleLink[]
  aliases: string[]
  /** The editors put it on the front page (front matter `featured: true`). */
  featured: boolean
  /** Whether the page carries the comment form. */
  comments: boolean
  /** Approved comments, replies nested, oldest first. */
  commentThread: CommentModel[]
  /** Approved comments at every level. */
  commentCount: number
}

/**
 * An article with its body's sanitised HTML, as its page and search record are made: bodies are
 * read only for what is made in a build (see `BodyStore`), never kept in the model.
 */
export type ArticleWithBody = ArticleModel & { bodyHtml: string }

/** An article as an index lists it. */
export interface ArticleTeaser {
  url: string
  title: string
  summary: string
  date: DisplayDate
  /** The day part of the date (`Thứ năm, 24/10/2019`), for grouping by day. */
  day: string
  /** Author names, byline order. */
  byline: string[]
  /** The lead image, for a thumbnail. */
  lead?: { url: string; width: number; height: number; alt: string }
}

/** The front page's lead story: a teaser with its full responsive lead image. */
export interface LeadStory {
  teaser: ArticleTeaser
  image?: FigureImage
}

/**
 * The front page, top to bottom: the lead story, the secondary stories, a section per category and
 * a block per district-level place (none repeating an article shown above it), and "Tin mới"
 * (headlines only, newest first, all but the top stories).
 */
export interface HomePage {
  lead?: LeadStory
  secondary: ArticleTeaser[]
  /** Categories with articles not shown above, registry order. */
  sections: Array<{ category: string; articles: ArticleTeaser[] }>
  /** District-level places with articles not shown above, registry order. */
  places: Array<{ locality: string; articles: ArticleTeaser[] }>
  /** The newest articles but the lead and secondary stories. */
  latest: ArticleTeaser[]
}

/** One page of an index: a locality, an author, a category or a month. */
export interface ListingPage {
  kind: 'locality' | 'author' | 'category' | 'month'
  url: string
  /** The heading: a place, a person, a section, "Tháng 10/2019". */
  title: string
  /** The locality, author or category id; `YYYY/MM` for months. */
  subject: string
  /** A locality's landing page: the places under it that have articles, registry order. */
  places?: string[]
  /** A category's landing page: its newest story, shown large before the list. */
  lead?: LeadStory
  /** Newest first (after the lead, when there is one). */
  articles: ArticleTeaser[]
  pagination: Pagination
}

/** `/YYYY/`: the months of a year with their article counts. */
export interface YearPage {
  year: number
  url: string
  months: Array<{ month: number; url: string; count: number }>
}

/** An RSS 2.0 feed, ready to serialise. */
export interface Feed {
  /** Path of the feed file. */
  url: string
  title: string
  /** Absolute URL of the HTML page the feed follows. */
  link: string
  description: string
  language: string
  /** RFC 822 date of the newest item. */
  lastBuildDate?: string
  items: FeedItem[]
}

/** One article in a feed. */
export interface FeedItem {
  /** Absolute permalink, also the guid. */
  link: string
  title: string
  description: string
  /** RFC 822 in the site's zone. */
  pubDate: string
  creators: string[]
  categories: string[]
  /** The article's id: its body, with absolute URLs, is read when the feed is rendered. */
  article: string
  /** The article's digest (see `ArticleModel.digest`), standing for its body in the feed's key. */
  digest: string
  enclosure?: { url: string; type: string }
}

/** A feed as it is rendered: each item with its article's body, URLs made absolute. */
export type FeedWithBodies = Omit<Feed, 'items'> & { items: Array<FeedItem & { contentHtml: string }> }

/** Sitemaps: an index over children of at most `limit` URLs, and the news sitemap. */
export interface Sitemaps {
  children: Array<{ url: string; lastmod: string; entries: Array<{ loc: string; lastmod: string }> }>
  news: Array<{ loc: string; title: string; published: string }>
  /**
   * When no article is in the news window: the newest article, listed without news metadata, so the
   * news sitemap is never an empty `<urlset>` (Google's documentation allows older URLs in a news
   * sitemap once their `<news:news>` is removed).
   */
  newest?: { loc: string; lastmod: string }
  publicationName: string
  language: string
}

/** An old path that now lives elsewhere. */
export interface Redirect {
  from: string
  /** Site path of the article. */
  to: string
}

/** The latest articles of a locality, as a fragment article pages fetch. */
export interface LatestFragment {
  url: string
  locality: string
  articles: ArticleLink[]
}
