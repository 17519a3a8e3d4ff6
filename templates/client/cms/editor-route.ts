/** A collection of the editor as the admin page describes it: its name and its folder under `articles/`. */
export interface ArticleCollection {
  name: string
  /** `YYYY/MM` for a month, `YYYY` for a year. */
  folder: string
}

/**
 * Where Decap's editor opens an article found by its URL (`/YYYY/MM/<slug>/`): the entry of the
 * month's collection when the configuration has one (`#/collections/articles/entries/<slug>`), else
 * of its year's (`#/collections/articles-YYYY/entries/MM/<slug>`, the year's path being
 * `{{cms_month}}/{{slug}}`); `undefined` for any other URL or a year with no collection. The URL's
 * month is that of the article's date, which is its folder unless `check` warns
 * (`folder-date-mismatch`), and its slug is its file name.
 *
 * @param url The article's URL or path, as the search index gives it.
 * @param collections The article collections of `/admin/config.yml`.
 */
export function editorRoute(url: string, collections: readonly ArticleCollection[]): string | undefined {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/[?#].*$/, '')
  const match = /^\/(\d{4})\/(\d{2})\/([^/]+)\/?$/.exec(path)
  if (!match) return undefined
  const [, year, month, slug] = match as unknown as [string, string, string, string]
  const byMonth = collections.find((collection) => collection.folder === `${year}/${month}`)
  if (byMonth) return `#/collections/${byMonth.name}/entries/${slug}`
  const byYear = collections.find((collection) => collection.folder === year)
  return byYear ? `#/collections/${byYear.name}/entries/${month}/${slug}` : undefined
}
