import type { ArticleSource } from '../content/index.ts'
import { push } from './group.ts'

/** Options of {@link relatedArticles}. */
export interface RelatedOptions {
  /** Links per article. @default 5 */
  limit?: number
  /** Recent candidates looked at per shared tag or category. @default 20 */
  window?: number
}

/**
 * Picks each article's related articles among those published before it (so adding an article
 * never changes an older page): the latest of the same locality first, then those sharing the
 * most tags or the category, newer first. Deterministic, and linear in the archive size.
 *
 * @param articles Published articles, oldest first (ties by id).
 * @param options Limits.
 * @returns Related article ids per article id, best first.
 */
export function relatedArticles(articles: readonly ArticleSource[], options: RelatedOptions = {}): Map<string, string[]> {
  const limit = options.limit ?? 5
  const window = options.window ?? 20
  const byLocality = new Map<string, ArticleSource[]>()
  const byTopic = new Map<string, ArticleSource[]>()
  const related = new Map<string, string[]>()
  for (const article of articles) {
    const picked: string[] = []
    const sameLocality = byLocality.get(article.locality) ?? []
    for (let index = sameLocality.length - 1; index >= 0 && picked.length < limit; index--) {
      picked.push((sameLocality[index] as ArticleSource).id)
    }
    const topics = topicKeys(article)
    if (picked.length < limit) {
      const scores = new Map<string, { score: number; article: ArticleSource }>()
      for (const topic of topics) {
        const list = byTopic.get(topic) ?? []
        for (let index = list.length - 1; index >= Math.max(0, list.length - window); index--) {
          const candidate = list[index] as ArticleSource
          if (picked.includes(candidate.id)) continue
          const entry = scores.get(candidate.id) ?? { score: 0, article: candidate }
          entry.score++
          scores.set(candidate.id, entry)
        }
      }
      const ranked = [...scores.values()].sort(
        (a, b) => b.score - a.score || b.article.date.epoch - a.article.date.epoch || (a.article.id < b.article.id ? -1 : 1)
      )
      for (const { article: candidate } of ranked.slice(0, limit - picked.length)) picked.push(candidate.id)
    }
    related.set(article.id, picked)
    push(byLocality, article.locality, article)
    for (const topic of topics) push(byTopic, topic, article)
  }
  return related
}

function topicKeys(article: ArticleSource): string[] {
  const keys = article.tags.map((tag) => `tag:${tag.toLowerCase()}`)
  if (article.category !== undefined) keys.push(`category:${article.category}`)
  return [...new Set(keys)]
}
