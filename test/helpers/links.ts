import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { exists } from './fixtures.ts'

/**
 * Lists every internal link (`href`/`src` starting with `/`) of a built site that points at no
 * file, as `page → link`.
 *
 * @param outDir The built site.
 */
export async function brokenInternalLinks(outDir: string): Promise<string[]> {
  const broken: string[] = []
  const checked = new Map<string, boolean>()
  for (const file of (await readdir(outDir, { recursive: true })).sort()) {
    if (!file.endsWith('.html')) continue
    const html = await readFile(join(outDir, file), 'utf8')
    for (const match of html.matchAll(/(?:href|src)="(\/[^"#?]*)/g)) {
      const link = decodeURI(match[1] ?? '/')
      const target = join(outDir, link.endsWith('/') ? `${link}index.html` : link)
      if (!checked.has(target)) checked.set(target, await exists(target))
      if (!checked.get(target)) broken.push(`${file} → ${link}`)
    }
  }
  return broken
}
