// The addresses of the most-read fragments. Pages (templates) link them and the command writes
// them, so this module imports nothing: it sits with the site's URLs in the order of the stages.

/** The folder of the most-read fragments in the output. */
export const mostReadFolder = 'doc-nhieu'

/** Which list a page shows: the whole site's, a category's or a district-level place's. */
export type MostReadScope = { kind: 'site' } | { kind: 'category'; id: string } | { kind: 'locality'; id: string }

/**
 * The URL of a most-read fragment: `/doc-nhieu/index.json`, `/doc-nhieu/chuyen-muc/<id>.json`,
 * `/doc-nhieu/dia-phuong/<id>.json`.
 *
 * @param scope The list.
 */
export function mostReadUrl(scope: MostReadScope): string {
  if (scope.kind === 'site') return `/${mostReadFolder}/index.json`
  return `/${mostReadFolder}/${scope.kind === 'category' ? 'chuyen-muc' : 'dia-phuong'}/${scope.id}.json`
}
