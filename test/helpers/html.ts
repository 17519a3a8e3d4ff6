import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Reads a built page by its URL path.
 *
 * @param outDir The built site.
 * @param url A URL path such as `/2019/10/x/`.
 */
export async function readPage(outDir: string, url: string): Promise<string> {
  return readFile(join(outDir, url.endsWith('/') ? `${url}index.html` : url), 'utf8')
}

/**
 * Extracts the JSON-LD objects of a page, parsed.
 *
 * @param html The page.
 */
export function jsonLdOf(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1] ?? 'null') as unknown)
}

/**
 * The `content` of a `<meta>` by `property` or `name`.
 *
 * @param html The page.
 * @param key The property or name, e.g. `og:type`.
 */
export function metaContent(html: string, key: string): string | undefined {
  const match = new RegExp(`<meta (?:property|name)="${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" content="([^"]*)"`).exec(html)
  return match?.[1]
}
