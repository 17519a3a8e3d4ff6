import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

/** A fingerprinted file the pages link to. */
export interface Asset {
  /** Published URL; the name carries a content hash so it can be cached forever. */
  url: string
  contents: Buffer
}

/** The stylesheet shipped with the templates. */
export const stylesheetPath = fileURLToPath(new URL('../../templates/assets/site.css', import.meta.url))

/**
 * Reads the stylesheet and names it after its content.
 *
 * @param path The stylesheet.
 * @default path templates/assets/site.css
 */
export async function readStylesheet(path: string = stylesheetPath): Promise<Asset> {
  const contents = await readFile(path)
  const hash = createHash('sha256').update(contents).digest('hex').slice(0, 10)
  return { url: `/assets/site.${hash}.css`, contents }
}
