/** Cache-Control of pages, feeds and every file whose name does not change with its bytes. */
export const shortCacheControl = 'public, max-age=300, must-revalidate'

/** Cache-Control of fingerprinted files: their name changes with their bytes. */
export const immutableCacheControl = 'public, max-age=31536000, immutable'

/** Folders whose files are fingerprinted (named by a hash of their bytes). */
export const fingerprintedFolders = ['/assets/', '/media/'] as const

/**
 * The Cache-Control a published file gets: the one rule behind both `_headers` and the headers of
 * objects uploaded by `toasoan deploy`.
 *
 * @param path The file's URL path, e.g. `/assets/site.1a2b3c4d5e.css`.
 */
export function cacheControlFor(path: string): string {
  return fingerprintedFolders.some((folder) => path.startsWith(folder)) ? immutableCacheControl : shortCacheControl
}

const contentTypes: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json',
  xml: 'application/xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  yml: 'text/yaml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  avif: 'image/avif',
  webp: 'image/webp',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
  wasm: 'application/wasm',
  woff2: 'font/woff2',
}

/**
 * The Content-Type of a published file, from its extension (Pagefind's own files and anything
 * unknown are `application/octet-stream`).
 *
 * @param path The file's path.
 */
export function contentTypeFor(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  return (dot > 0 && contentTypes[name.slice(dot + 1).toLowerCase()]) || 'application/octet-stream'
}
