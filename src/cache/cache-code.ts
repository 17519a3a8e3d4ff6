import { codeFingerprint, editedSince, repoRoot, type CodeSpec } from './code-fingerprint.ts'

/** The build's caches (see "Caches" in docs/architecture.md). */
export type CacheName = 'sources' | 'markdown' | 'measures' | 'images' | 'pages' | 'search' | 'routes' | 'units' | 'output' | 'comments' | 'most-read'

// Files a stage uses without importing them: the stylesheet is read and the browser scripts are
// bundled by the publish stage, and every page links them by a hash of their bytes.
const assets = {
  entries: ['templates/client/article.ts', 'templates/client/search/search-page.ts', 'templates/client/comments.ts'],
  files: ['templates/assets/site.css'],
}

/**
 * The code that makes each cache's entries, as entry modules: each cache is keyed by everything
 * its entries import (found by esbuild, so no list of folders to forget) and the exact versions of
 * the packages among them.
 */
export const cacheCode = {
  // One article, loaded: front matter, validation, Markdown, image planning, URLs.
  sources: { entries: ['src/content/load-articles.ts'] },
  // One comment file, parsed and validated.
  comments: { entries: ['src/content/comments.ts'] },
  // One body, rendered: the processor, its plugins (figures use image planning) and unified's packages.
  markdown: { entries: ['src/markdown/processor.ts'] },
  // One image, measured: the media reader and sharp.
  measures: { entries: ['src/content/media.ts'] },
  // One image, processed: the plan (names, widths), the encoder settings and sharp.
  images: { entries: ['src/images/process-images.ts'] },
  // One page, rendered: the render stage, the site model's helpers, the templates, and the assets
  // they link; and how an article loads, whose body the page shows (an article's digest hashes its
  // source, not the HTML its body became). Not the rest of the content stage: listing files, asking
  // git, the caches' bookkeeping shape no page.
  pages: { entries: ['src/render/render-cached.ts', 'src/content/load-articles.ts', ...assets.entries], files: assets.files },
  // One search bundle: which articles it holds and their records (planned in build-search-index),
  // the Pagefind run that indexes them (index-bundle) and Pagefind's version; and how an article
  // loads, whose body the bundle indexes.
  search: { entries: ['src/search/build-search-index.ts', 'src/content/load-articles.ts'] },
  // One bundle's words for the search routes: its records and how words are folded, and how an
  // article loads, whose body's words they are.
  routes: { entries: ['src/search/word-routes.ts', 'src/content/load-articles.ts'] },
  // The articles `most-read` counts, indexed by the build: how an article loads, and how the index is made of it.
  'most-read': { entries: ['src/content/load-articles.ts', 'src/most-read/article-index-file.ts'] },
  // What the output holds, folder by folder: the whole build decides it.
  units: { entries: ['src/pipeline/build.ts', ...assets.entries], files: assets.files },
  // The whole output, for a build to tell it is up to date: the build and the web editor's script it bundles.
  output: { entries: ['src/pipeline/build.ts', 'templates/client/cms/cms-admin.ts', ...assets.entries], files: assets.files },
} as const satisfies Record<CacheName, CodeSpec>

/**
 * The fingerprint of the code behind a cache (memoised per process).
 *
 * @param name The cache.
 * @param root The repository root, for tests on a copy of the code. @default repoRoot
 */
export function cacheFingerprint(name: CacheName, root: string = repoRoot): Promise<string> {
  return codeFingerprint(cacheCode[name], root)
}

/**
 * Computes the fingerprint of every cache now (memoised for the process). A build calls it first:
 * its entries are keyed by the code as it was when it started, the code it runs, not as the files
 * are when a stage gets to them. Otherwise an edit made during a long build (a cold one at 100,000
 * articles takes a quarter of an hour) would key pages the old code rendered with the new code's
 * fingerprint, and the next build would take them as the new code's.
 *
 * @param since When the process started (epoch ms): the code it runs was read after that.
 * @param root The repository root. @default repoRoot
 * @returns A file of that code modified since `since`, if any: then the fingerprints may describe
 *   other code than the one running, and the build must not key anything by them.
 */
export async function fixCacheFingerprints(since: number, root: string = repoRoot): Promise<string | undefined> {
  const specs = Object.values(cacheCode)
  await Promise.all(specs.map((spec) => codeFingerprint(spec, root)))
  for (const spec of specs) {
    const edited = await editedSince(spec, since, root)
    if (edited !== undefined) return edited
  }
  return undefined
}
