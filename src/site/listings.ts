import type { ArticleModel, ArticleTeaser, AuthorModel, CategoryModel, HomePage, ListingPage, LocalityModel, YearPage } from './model.ts'
import { paginate } from './paginate.ts'
import type { Strings } from './strings.ts'
import { planFrontPage } from './front-page.ts'
import { push } from './group.ts'
import { teaserOf } from './teasers.ts'
import { monthUrl, yearUrl } from './urls.ts'

/** What {@link planListings} needs besides the articles. */
export interface ListingContext {
  localities: Record<string, LocalityModel>
  authors: Record<string, AuthorModel>
  categories: Record<string, CategoryModel>
  strings: Strings
  /** Articles per page. */
  pageSize: number
  /** Ids of the district-level places that get a block on the front page. */
  homeBlocks: string[]
}

/**
 * Plans every page that lists articles: each locality (its own articles and those of the places
 * under it), author, category and month, paginated archive-stably; the year pages; and the home
 * page. Also sets each locality's article count.
 *
 * @param articles Published articles, newest first.
 * @param context Registries, words and page size.
 */
export function planListings(
  articles: readonly ArticleModel[],
  context: ListingContext
): { listings: ListingPage[]; years: YearPage[]; home: HomePage; byLocality: Map<string, ArticleModel[]> } {
  const { localities, authors, categories, strings, pageSize } = context
  const byLocality = new Map<string, ArticleModel[]>()
  const byAuthor = new Map<string, ArticleTeaser[]>()
  const byCategory = new Map<string, ArticleTeaser[]>()
  const byMonth = new Map<string, ArticleTeaser[]>()
  const teasers = new Map<string, ArticleTeaser>()
  const categoryLeads = new Map<string, ArticleModel>()
  for (const article of articles) {
    const teaser = teaserOf(article, authors)
    teasers.set(article.url, teaser)
    const locality = localities[article.locality]
    for (const id of locality ? [...locality.ancestors, locality.id] : []) push(byLocality, id, article)
    for (const id of article.authors) push(byAuthor, id, teaser)
    if (article.category !== undefined) push(byCategory, article.category, teaser)
    if (article.category !== undefined && !categoryLeads.has(article.category)) categoryLeads.set(article.category, article)
    push(byMonth, article.url.split('/').slice(1, 3).join('/'), teaser)
  }
  const teasersOf = (list: readonly ArticleModel[] | undefined): ArticleTeaser[] => (list ?? []).map((article) => teasers.get(article.url) as ArticleTeaser)
  const listings: ListingPage[] = []
  const add = (kind: ListingPage['kind'], subject: string, title: string, landing: string, items: ArticleTeaser[]): void => {
    for (const slice of paginate(items, landing, pageSize))
      listings.push({ kind, url: slice.url, title, subject, articles: slice.items, pagination: slice.pagination })
  }
  for (const locality of Object.values(localities)) {
    locality.articleCount = byLocality.get(locality.id)?.length ?? 0
    const first = listings.length
    add('locality', locality.id, locality.name, locality.url, teasersOf(byLocality.get(locality.id)))
    // Only the landing page lists the places under it (it changes anyway); only those with articles.
    const places = locality.children.filter((id) => byLocality.has(id))
    const landing = listings[first]
    if (landing && places.length > 0) landing.places = places
  }
  for (const author of Object.values(authors)) add('author', author.id, author.name, author.url, byAuthor.get(author.id) ?? [])
  for (const category of Object.values(categories)) {
    const first = listings.length
    add('category', category.id, category.name, category.url, byCategory.get(category.id) ?? [])
    // A section's landing page opens with its newest story, large, like the front page.
    const landing = listings[first]
    const newest = categoryLeads.get(category.id)
    if (landing && newest && landing.articles[0]) {
      const image = newest.lead
      landing.lead = image ? { teaser: landing.articles[0], image } : { teaser: landing.articles[0] }
      landing.articles = landing.articles.slice(1)
    }
  }
  const years = new Map<number, YearPage>()
  for (const [key, items] of [...byMonth.entries()].sort(([a], [b]) => (a < b ? 1 : -1))) {
    const [year, month] = key.split('/').map(Number) as [number, number]
    add('month', key, `${strings.month} ${String(month).padStart(2, '0')}/${year}`, monthUrl(year, month), items)
    const page = years.get(year) ?? { year, url: yearUrl(year), months: [] }
    page.months.push({ month, url: monthUrl(year, month), count: items.length })
    years.set(year, page)
  }
  const home: HomePage = planFrontPage(articles, { teasers, categories: Object.keys(categories), places: context.homeBlocks, localities })
  return { listings, years: [...years.values()], home, byLocality }
}
