import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { fileURLToPath } from 'node:url'

/** A fingerprinted file the pages link to. */
export interface Asset {
  /** Published URL; the name carries a content hash so it can be cached forever. */
  url: string
  contents: Buffer
}

/** The assets shipped with the templates, by role. */
export const assetPaths = {
  css: fileURLToPath(new URL('../../templates/assets/site.css', import.meta.url)),
  latestNewsScript: fileURLToPath(new URL('../../templates/assets/latest-news.js', import.meta.url)),
} as const

/**
 * Reads an asset and names it after its content: `/assets/<name>.<hash>.<ext>`.
 *
 * @param path The file.
 */
export async function readAsset(path: string): Promise<Asset> {
  const contents = await readFile(path)
  const hash = createHash('sha256').update(contents).digest('hex').slice(0, 10)
  const extension = extname(path)
  return { url: `/assets/${basename(path, extension)}.${hash}${extension}`, contents }
}

/** Reads every template asset. */
export async function readAssets(): Promise<Record<keyof typeof assetPaths, Asset>> {
  const [css, latestNewsScript] = await Promise.all([readAsset(assetPaths.css), readAsset(assetPaths.latestNewsScript)])
  return { css, latestNewsScript }
}
