import type { ReadArticle } from './article-paths.ts'
import { type MostReadScope, mostReadUrl } from './fragment-urls.ts'

/** How many articles a list holds. */
export const listLength = 10

/** One fragment file: its URL and, per window, the most read articles, most read first. */
export interface MostReadList {
  url: string
  scope: MostReadScope
  /** Window name → articles. */
  windows: Record<string, ReadArticle[]>
}

/** What the lists are made for: the site's categories and its district-level places. */
export interface RankScopes {
  categories: readonly string[]
  districts: readonly string[]
}

/**
 * Ranks the articles of each window into lists: the site's, each category's and each
 * district-level place's, ten each. More readers first; on a tie the newer article, then the URL,
 * so the same counts always give the same lists. Every scope gets a list, empty when nothing of it
 * was read, so a page never asks for a file that is not there.
 *
 * @param articles The published articles.
 * @param readers Window name → readers by article index.
 * @param scopes The categories and places to make lists for.
 */
export function rankArticles(articles: readonly ReadArticle[], readers: ReadonlyMap<string, ReadonlyMap<number, number>>, scopes: RankScopes): MostReadList[] {
  const lists: MostReadList[] = [
    { kind: 'site' } as const,
    ...scopes.categories.map((id) => ({ kind: 'category', id }) as const),
    ...scopes.districts.map((id) => ({ kind: 'locality', id }) as const),
  ].map((scope) => ({ url: mostReadUrl(scope), scope, windows: {} }))
  const byUrl = new Map(lists.map((list) => [list.url, list]))
  for (const [window, counts] of readers) {
    const ranked = [...counts]
      .filter(([, count]) => count > 0)
      .sort(([a, countA], [b, countB]) => {
        const first = articles[a] as ReadArticle
        const second = articles[b] as ReadArticle
        return countB - countA || second.published - first.published || (first.url < second.url ? -1 : first.url > second.url ? 1 : 0)
      })
    for (const list of lists) list.windows[window] = []
    for (const [index] of ranked) {
      const article = articles[index] as ReadArticle
      const targets = [
        mostReadUrl({ kind: 'site' }),
        ...(article.category === undefined ? [] : [mostReadUrl({ kind: 'category', id: article.category })]),
        ...(article.district === undefined ? [] : [mostReadUrl({ kind: 'locality', id: article.district })]),
      ]
      for (const url of targets) {
        const list = byUrl.get(url)?.windows[window]
        if (list && list.length < listLength) list.push(article)
      }
    }
  }
  return lists
}

/**
 * A list's file: compact JSON of titles and URLs only (no counts, no time of the run), so a list
 * whose order did not change is the same bytes and is not uploaded again.
 *
 * @param list The list.
 */
export function serialiseList(list: MostReadList): string {
  const windows: Record<string, Array<{ url: string; title: string }>> = {}
  for (const name of Object.keys(list.windows)) windows[name] = (list.windows[name] ?? []).map(({ url, title }) => ({ url, title }))
  return `${JSON.stringify({ version: 1, windows })}\n`
}
