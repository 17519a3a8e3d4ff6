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

/**
 * Renders a fragment of HTML (no document around it), for content fetched by pages.
 *
 * @param element The fragment's element.
 */
export function renderFragment(element: JSX.Element): string {
  return `${renderToString(element)}\n`
}
