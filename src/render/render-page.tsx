import type { JSX } from 'preact'
import { renderToString } from 'preact-render-to-string'

/**
 * Renders a page component to a complete HTML document. Every interpolated value is escaped by
 * the JSX runtime; only components that say so (`dangerouslySetInnerHTML`) insert raw HTML.
 *
 * @param page The page element.
 */
export function renderDocument(page: JSX.Element): string {
  return `<!doctype html>\n${renderToString(page)}\n`
}
