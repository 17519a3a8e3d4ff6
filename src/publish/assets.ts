import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bundleBrowserScript } from './browser-bundle.ts'

/** A fingerprinted file the pages link to. */
export interface Asset {
  /** Published URL; the name carries a content hash so it can be cached forever. */
  url: string
  contents: Buffer
}

const templates = (path: string): string => fileURLToPath(new URL(`../../templates/${path}`, import.meta.url))

/** The stylesheet and the browser scripts (TypeScript entry points, bundled with esbuild). */
export const assetSources = {
  css: templates('assets/site.css'),
  articleScript: templates('client/article.ts'),
  searchScript: templates('client/search/search-page.ts'),
  commentsScript: templates('client/comments.ts'),
} as const

/** The published URL of each asset, by role. */
export type AssetUrls = Record<keyof typeof assetSources, string>

/**
 * The URL of each asset, as pages link them.
 *
 * @param assets From {@link readAssets}.
 */
export function assetUrls(assets: Record<keyof typeof assetSources, Asset>): AssetUrls {
  return { css: assets.css.url, articleScript: assets.articleScript.url, searchScript: assets.searchScript.url, commentsScript: assets.commentsScript.url }
}

/**
 * Names an asset after its content: `/assets/<name>.<hash>.<ext>`.
 *
 * @param name Base name, e.g. `site`.
 * @param extension With the dot, e.g. `.css`.
 * @param contents The bytes.
 */
export function fingerprint(name: string, extension: string, contents: Buffer): Asset {
  const hash = createHash('sha256').update(contents).digest('hex').slice(0, 10)
  return { url: `/assets/${name}.${hash}${extension}`, contents }
}

/**
 * Bundles a browser script into one minified ES module (no imports left, so fingerprinting its
 * name cannot break them).
 *
 * @param entry The TypeScript entry point.
 */
export async function bundleScript(entry: string): Promise<Asset> {
  return fingerprint(basename(entry, extname(entry)), '.js', await bundleBrowserScript(entry, 'esm'))
}

/** Reads and bundles every template asset. */
export async function readAssets(): Promise<Record<keyof typeof assetSources, Asset>> {
  const [css, articleScript, searchScript, commentsScript] = await Promise.all([
    readFile(assetSources.css).then((contents) => fingerprint('site', '.css', contents)),
    bundleScript(assetSources.articleScript),
    bundleScript(assetSources.searchScript),
    bundleScript(assetSources.commentsScript),
  ])
  return { css, articleScript, searchScript, commentsScript }
}
