import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/** Page-weight limits, in bytes after gzip. */
export interface Budgets {
  /** An article's HTML plus its stylesheets. */
  htmlAndCss: number
  /** All JavaScript an article page loads itself (search bundles excluded: only the search page uses them). */
  javascript: number
}

/** The limits the paper holds itself to. */
export const defaultBudgets = { htmlAndCss: 30 * 1024, javascript: 15 * 1024 } satisfies Budgets

/** What a page weighs. */
export interface PageWeight {
  htmlGzip: number
  cssGzip: number
  javascriptGzip: number
  /** `<script src>` in the head that blocks rendering (no `defer`, `async` or `type="module"`). */
  renderBlocking: string[]
}

const gzipped = (bytes: Buffer | string): number => gzipSync(bytes, { level: 9 }).length

/**
 * Weighs a built page: its HTML, the stylesheets and scripts it links (read from the built site),
 * and which scripts would block rendering.
 *
 * @param siteDir The built site.
 * @param html The page's HTML.
 */
export async function weighPage(siteDir: string, html: string): Promise<PageWeight> {
  const head = html.slice(0, html.indexOf('</head>') + 1 || html.length)
  const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="(\/[^"]+)"/g)].map((match) => match[1] as string)
  const scripts = [...html.matchAll(/<script\b([^>]*)\bsrc="(\/[^"]+)"[^>]*>/g)]
  const read = (path: string): Promise<Buffer> => readFile(join(siteDir, path))
  let cssGzip = 0
  for (const path of styles) cssGzip += gzipped(await read(path))
  let javascriptGzip = 0
  for (const match of scripts) javascriptGzip += gzipped(await read(match[2] as string))
  const renderBlocking = [...head.matchAll(/<script\b([^>]*)>/g)]
    .filter((match) => {
      const attributes = match[1] ?? ''
      return /\bsrc=/.test(attributes) && !/\b(defer|async)\b/.test(attributes) && !/type="module"/.test(attributes)
    })
    .map((match) => /src="([^"]+)"/.exec(match[1] ?? '')?.[1] ?? '?')
  return { htmlGzip: gzipped(html), cssGzip, javascriptGzip, renderBlocking }
}
