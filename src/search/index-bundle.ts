import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as pagefind from 'pagefind'
import { temporaryPath } from '../cache/index.ts'
import type { Progress } from '../shared/progress.ts'

/** Files sent to Pagefind at once. */
const inFlight = 32

const unusedFiles = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
]

/** A Pagefind run reported a problem: the build fails with its messages. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError'
}

/**
 * Indexes one bundle's records with Pagefind into a cache folder, written beside it and renamed.
 *
 * @param records The bundle's pages: URL and record HTML.
 * @param language The site's language.
 * @param target The cache folder to fill (replaced whole).
 * @param bundle Where it is published, for messages.
 * @param stamp The bundle's stamp (`stampOf` its key): its metadata is named after it.
 * @param progress Told how many records are added.
 */
export async function indexBundle(
  records: ReadonlyArray<{ url: string; content: string }>,
  language: string,
  target: string,
  bundle: string,
  stamp: string,
  progress: Progress
): Promise<void> {
  const created = await pagefind.createIndex({ forceLanguage: language })
  const index = created.index
  if (!index || created.errors.length > 0) throw new SearchIndexError(`Pagefind could not start: ${created.errors.join('; ')}`)
  // Pagefind answers each file over a pipe; keeping a few in flight hides the round trips.
  for (let start = 0; start < records.length; start += inFlight) {
    progress(start, records.length)
    await Promise.all(
      records.slice(start, start + inFlight).map(async (record) => {
        const added = await index.addHTMLFile(record)
        if (added.errors.length > 0) throw new SearchIndexError(`Pagefind could not index ${record.url}: ${added.errors.join('; ')}`)
      })
    )
  }
  // Written beside the cache entry, then renamed: an interrupted build never leaves half a bundle.
  const temporary = temporaryPath(target)
  await rm(temporary, { recursive: true, force: true })
  const written = await index.writeFiles({ outputPath: temporary })
  if (written.errors.length > 0) throw new SearchIndexError(`Pagefind could not write ${bundle}: ${written.errors.join('; ')}`)
  // The search page uses Pagefind's JS API only; its prebuilt UIs would be dead weight on the CDN.
  await Promise.all(unusedFiles.map((name) => rm(join(temporary, name), { force: true })))
  await nameMetadata(temporary, stamp, bundle)
  await index.deleteIndex()
  await rm(target, { recursive: true, force: true })
  await rename(temporary, target)
}

/** What a bundle's `pagefind-entry.json` says of each language (read as Pagefind wrote it): its metadata is `pagefind.<hash>.pf_meta`. */
interface Entry {
  languages?: Record<string, { hash: string }>
}

/**
 * Renames a bundle's metadata after its stamp and points the entry at it: Pagefind names it by a
 * hash of its bytes, which the search page, rendered before indexing, cannot know, and the page
 * preloads it by the stamp instead (`searchPreload`). The stamp changes whenever the bundle's key
 * does, which hashes everything the metadata is made of, so a name never stands for other bytes.
 * Pagefind reads the name from the entry. A bundle has one language (`forceLanguage`); were there
 * more, each would get the stamp and its language.
 *
 * @param dir The bundle's folder as Pagefind wrote it.
 * @param stamp The bundle's stamp.
 * @param bundle Where it is published, for messages.
 */
async function nameMetadata(dir: string, stamp: string, bundle: string): Promise<void> {
  const path = join(dir, 'pagefind-entry.json')
  const entry = JSON.parse(await readFile(path, 'utf8')) as Entry
  const languages = Object.entries(entry.languages ?? {})
  if (languages.length === 0) throw new SearchIndexError(`Pagefind wrote no language into ${bundle}pagefind-entry.json`)
  for (const [language, index] of languages) {
    const name = languages.length === 1 ? stamp : `${stamp}_${language}`
    await rename(join(dir, `pagefind.${index.hash}.pf_meta`), join(dir, `pagefind.${name}.pf_meta`))
    index.hash = name
  }
  await writeFile(path, JSON.stringify(entry))
}
