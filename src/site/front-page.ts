import { push } from './group.ts'
import type { ArticleModel, ArticleTeaser, HomePage, LocalityModel } from './model.ts'

/** How many stories each part of the front page shows. */
export interface FrontPageSizes {
  /** Stories in the grid under the lead. @default 4 */
  secondary: number
  /** Stories per category section. @default 4 */
  perSection: number
  /** Stories per district-level place. @default 3 */
  perPlace: number
  /** Headlines in "Tin mới". @default 8 */
  latest: number
}

/** The front page's default sizes: a phone screenful per part. */
export const frontPageSizes = { secondary: 4, perSection: 4, perPlace: 3, latest: 8 } satisfies FrontPageSizes

/** What {@link planFrontPage} needs besides the articles. */
export interface FrontPageContext {
  /** Teasers by article URL. */
  teasers: ReadonlyMap<string, ArticleTeaser>
  /** Category ids, registry order. */
  categories: readonly string[]
  /** District-level place ids, registry order. */
  places: readonly string[]
  localities: Record<string, LocalityModel>
  sizes?: FrontPageSizes
}

/**
 * Plans the front page. The lead and secondary stories are the newest `featured` articles, filled up
 * with the newest others when fewer are featured; then each category's newest, each district-level
 * place's newest (the place and every place under it), each part skipping the articles an earlier
 * part shows and left out when nothing is left to show; and "Tin mới", the newest articles but the
 * top stories, in order (a river of headlines, so it may repeat a section's story).
 *
 * @param articles Published articles, newest first.
 * @param context Teasers, the order of sections and places, and the locality tree.
 */
export function planFrontPage(articles: readonly ArticleModel[], context: FrontPageContext): HomePage {
  const sizes = context.sizes ?? frontPageSizes
  const shown = new Set<string>()
  const take = (candidates: Iterable<ArticleModel>, count: number): ArticleModel[] => {
    const picked: ArticleModel[] = []
    for (const article of candidates) {
      if (picked.length === count) break
      if (shown.has(article.url)) continue
      shown.add(article.url)
      picked.push(article)
    }
    return picked
  }
  const teaser = (article: ArticleModel): ArticleTeaser => context.teasers.get(article.url) as ArticleTeaser
  const top = take([...articles.filter((article) => article.featured), ...articles], 1 + sizes.secondary)
  const [first, ...rest] = top
  // "Tin mới" is the chronological river: everything but the top stories, newest first, even when a
  // section below also shows it.
  const topUrls = new Set(top.map((article) => article.url))
  const latest = articles
    .filter((article) => !topUrls.has(article.url))
    .slice(0, sizes.latest)
    .map(teaser)

  const byCategory = new Map<string, ArticleModel[]>()
  const byPlace = new Map<string, ArticleModel[]>()
  for (const article of articles) {
    if (article.category !== undefined) push(byCategory, article.category, article)
    const district = context.localities[article.locality]?.district
    if (district !== undefined) push(byPlace, district, article)
  }
  const sections = context.categories.flatMap((category) => {
    const picked = take(byCategory.get(category) ?? [], sizes.perSection)
    return picked.length > 0 ? [{ category, articles: picked.map(teaser) }] : []
  })
  const places = context.places.flatMap((locality) => {
    const picked = take(byPlace.get(locality) ?? [], sizes.perPlace)
    return picked.length > 0 ? [{ locality, articles: picked.map(teaser) }] : []
  })
  const home: HomePage = { secondary: rest.map(teaser), sections, places, latest }
  if (first) {
    const image = first.lead
    home.lead = image ? { teaser: teaser(first), image } : { teaser: teaser(first) }
  }
  return home
}
