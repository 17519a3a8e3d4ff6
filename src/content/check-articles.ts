import { existsSync } from 'node:fs'
import { basename, extname, resolve } from 'node:path'
import slugify from '@sindresorhus/slugify'
import { glob } from 'tinyglobby'
import { VFile } from 'vfile'
import type { ArticleSource, LoadedArticle } from './article.ts'
import { loadArticles, restoreMessages } from './load-articles.ts'
import type { LoadedContent } from './load.ts'
import { loadRegistries } from './registries.ts'

/** Options of {@link checkArticles}. */
export interface CheckArticlesOptions {
  /** The content folder. */
  contentDir: string
  /** Absolute paths of the articles to check. */
  paths: readonly string[]
  /** Absolute paths of every article of the folder, when the caller knows them (git's index lists them faster than a walk); else the folder is walked. */
  allPaths?: readonly string[]
}

/**
 * Checks some articles of a content folder, with the registries, as `check` checks them all, but
 * without reading the others' bodies: what a pre-commit hook needs in a large archive.
 *
 * An article's URL is `/YYYY/MM/<slug>/` with the slug from its file name, so only a file whose
 * name gives the same slug can take the same URL: those few are loaded too (as `others`), for the
 * site's check of duplicate URLs (`checkSite`); every other article is known by its file name
 * only. Comments and aliases of unchanged articles are left to the full `check` (CI runs it).
 *
 * @param options The content folder and the articles.
 * @returns The registries' files and the checked articles' files, with their problems, and what
 *   loaded, for `checkSite`.
 */
export async function checkArticles(options: CheckArticlesOptions): Promise<{ files: VFile[]; loaded?: LoadedContent }> {
  const contentDir = resolve(options.contentDir)
  const { registries, files } = await loadRegistries(contentDir)
  if (!registries) return { files }
  const checked = [...new Set(options.paths.map((path) => resolve(path)))].sort()
  const slugs = new Set(checked.map(slugOf))
  const all = options.allPaths ?? (await glob('articles/**/*.md', { cwd: contentDir, absolute: true }))
  const checkedSet = new Set(checked)
  // A listed file may be gone from the disk (a deletion not yet staged).
  const others = all.filter((path) => !checkedSet.has(path) && slugs.has(slugOf(path)) && existsSync(path)).sort()
  // The encoder's identity only names published images, which a check never writes: no need to
  // fingerprint its code (a fifth of a second).
  const setup = { contentDir, registries, encoder: '', measured: [], stamps: [], concurrency: 8 }
  const batch = await loadArticles([...checked, ...others], setup)
  const known: ArticleSource[] = []
  const loaded: LoadedArticle[] = []
  for (const result of batch.results) {
    if (!checkedSet.has(result.path)) {
      if (result.article) known.push(result.article)
      continue
    }
    const file = new VFile({ path: result.path })
    restoreMessages(file, result.messages)
    files.push(file)
    if (result.article) loaded.push({ article: result.article, file, datePlace: result.datePlace, aliasPlaces: result.aliasPlaces })
  }
  return { files, loaded: { registries, articles: loaded, pages: [], others: known } }
}

const slugShaped = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

function slugOf(path: string): string {
  const name = basename(path, extname(path))
  // Most files are already named by their slug, which slugify keeps as it is; it costs 15 µs a
  // name, 1.5 s over 100,000 files, so it runs only for the others.
  return slugShaped.test(name) ? name : slugify(name)
}
