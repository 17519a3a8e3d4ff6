import type { ArticleModel } from '../../src/site/index.ts'

/**
 * An article of the site model for tests on the model: `n` names it and dates it (higher is newer);
 * every other field is empty unless given.
 *
 * @param n The article's number.
 * @param fields Fields to set.
 */
export function articleModel(n: number, fields: Partial<ArticleModel> = {}): ArticleModel {
  return {
    id: `a${n}`,
    url: `/2024/01/a${n}/`,
    title: `Bài ${n}`,
    summary: `Tóm tắt ${n}`,
    date: { iso: '', text: '' },
    published: n,
    authors: [],
    locality: '',
    tags: [],
    digest: '',
    related: [],
    aliases: [],
    featured: false,
    comments: false,
    commentThread: [],
    commentCount: 0,
    ...fields,
  }
}
