import type { FigureImage } from '../markdown/index.ts'
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
  /** Published articles, newest first. */
  articles: ArticleModel[]
  /** Localities linked from every page's header, in order. */
  navigation: string[]
  /** Pages that list articles. */
  indexes: IndexPage[]
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
  publisherLogo?: string
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
  /** Ancestor ids, root first. */
  ancestors: string[]
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
  /** The author's own page elsewhere, if any. */
  sameAs?: string
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
  updated?: DisplayDate
  correction?: string
  /** Author ids, byline order. */
  authors: string[]
  /** Locality id. */
  locality: string
  category?: string
  tags: string[]
  /** All listed images; the first is the lead. */
  images: FigureImage[]
  /** The lead figure to show above the body, when the body does not place it itself. */
  leadFigure?: FigureImage
  bodyHtml: string
  /** Up to five older articles: same locality first, then shared tags or category. */
  related: ArticleLink[]
  aliases: string[]
  comments: boolean
}

/** An article as an index lists it. */
export interface ArticleTeaser {
  url: string
  title: string
  summary: string
  date: DisplayDate
  /** Author names, byline order. */
  byline: string[]
  /** The lead image, for a thumbnail. */
  lead?: { url: string; width: number; height: number; alt: string }
}

/** A page listing articles: the home page, a locality, an author. */
export interface IndexPage {
  kind: 'home' | 'locality' | 'author'
  url: string
  title: string
  /** The locality or author the page is about. */
  subject?: string
  /** Newest first. */
  articles: ArticleTeaser[]
}
