import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve, sep } from 'node:path'
import { select } from 'hast-util-select'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { VFile } from 'vfile'
import type { Registries } from '../content/registries.ts'
import { readHtmlConfig } from './html-config.ts'
import { convertPage } from './html-page.ts'
import type { ImageResolution } from './html-to-markdown.ts'
import { appendAuthors, importAuthors } from './import-authors.ts'
import { noCounts, recordAction, recordWrite, type ImportResult } from './import-report.ts'
import { reportImport } from './import-rules.ts'
import { withDigest, writeImported } from './imported-file.ts'
import { copyMedia, isFile } from './media-copy.ts'

/** Options of {@link importHtml}. */
export interface HtmlImportOptions {
  /** Saved pages, or folders of them (a `wget --mirror` copy). */
  paths: readonly string[]
  configPath: string
  contentDir: string
  registries: Registries
  /** For pages the config's locality rule does not place. */
  locality?: string
  /** Where images are when the saved copy does not hold them. */
  mediaDir?: string
  /** Decide, print, write nothing. @default false */
  dryRun?: boolean
}

const parser = unified().use(rehypeParse)

/**
 * Imports saved article pages of the old site with the config's selectors: each page becomes an
 * article whose alias is the page's old address, its images copied from the saved copy.
 *
 * @param options The pages, the config and the command's options.
 */
export async function importHtml(options: HtmlImportOptions): Promise<ImportResult> {
  const { config, file: configFile } = await readHtmlConfig(options.configPath, options.registries)
  const result: ImportResult = { files: [configFile], counts: noCounts(), actions: [], listActions: options.dryRun ?? false, unreadable: false }
  if (!config) {
    result.unreadable = true
    return result
  }
  const dryRun = options.dryRun ?? false
  const authors = importAuthors(options.registries.authors, new Map(Object.entries(config.authors)), new Map())
  const usedIds = new Set<string>()
  for (const { path, root } of await pageFiles(options.paths)) {
    const file = new VFile({ path })
    result.files.push(file)
    const tree = parser.parse(await readFile(path, 'utf8'))
    const oldUrl = pageUrl(select(config.oldUrl, tree)?.properties, path, root)
    if (!oldUrl) {
      reportImport(
        file,
        'selector-missed',
        `The oldUrl selector "${config.oldUrl}" matches nothing with an address, and the page is not in a folder named after its host.`
      )
      result.counts.skipped++
      continue
    }
    const sources = new Map<string, string>()
    const converted = convertPage(tree, oldUrl, {
      config,
      timeZone: options.registries.site.timeZone,
      defaultLocality: options.locality,
      authorId: authors.idOf,
      resolveImage: imageResolver(oldUrl, path, options.mediaDir, sources),
      report: (rule, reason) => void reportImport(file, rule, reason),
      usedIds,
    })
    if (!converted) {
      result.counts.skipped++
      continue
    }
    const outcome = await writeImported(join(options.contentDir, converted.path), withDigest(converted.text), { from: 'html', id: oldUrl.href }, dryRun)
    recordWrite(result, outcome, converted.path)
    if (outcome === 'edited' || outcome === 'foreign') {
      reportImport(file, outcome === 'edited' ? 'edited-since-import' : 'not-imported-file', `${converted.path} was left as it is.`)
      continue
    }
    result.counts.posts++
    result.counts.aliases += converted.aliases
    for (const src of converted.images) {
      const from = sources.get(src)
      if (from === undefined) continue
      const copied = await copyMedia(from, src, options.contentDir, dryRun)
      if (copied === 'copied') {
        result.counts.images++
        recordAction(result, { outcome: 'copied', path: `media/${src}` })
      } else if (copied === 'conflict') reportImport(file, 'media-conflict', `media/${src} differs from the saved copy's file.`)
    }
  }
  const added = authors.added()
  result.counts.authors = added.length
  for (const entry of added) recordAction(result, { outcome: 'written', path: `authors.yml (${entry.id}: ${entry.name})` })
  if (!dryRun) await appendAuthors(options.contentDir, added)
  return result
}

/** Every `.htm`/`.html` file of the paths, in a stable order, with the folder it was found under. */
async function pageFiles(paths: readonly string[]): Promise<Array<{ path: string; root: string | undefined }>> {
  const found: Array<{ path: string; root: string | undefined }> = []
  for (const path of paths) {
    if ((await stat(path)).isFile()) {
      found.push({ path, root: undefined })
      continue
    }
    const entries = await readdir(path, { recursive: true, withFileTypes: true })
    const pages = entries.filter((entry) => entry.isFile() && /\.html?$/i.test(entry.name)).map((entry) => join(entry.parentPath, entry.name))
    for (const page of pages.sort()) found.push({ path: page, root: path })
  }
  return found
}

/**
 * The page's old address: the selected element's `href` (a canonical link) or `content` (an
 * `og:url`), else its place in a mirror (`wget --mirror` names the top folder after the host).
 */
function pageUrl(properties: Record<string, unknown> | undefined, path: string, root: string | undefined): URL | undefined {
  const value = properties?.['href'] ?? properties?.['content']
  if (typeof value === 'string' && URL.canParse(value)) return new URL(value)
  for (let dir = dirname(resolve(path)); dir !== dirname(dir); dir = dirname(dir)) {
    if (/^[\w-]+(?:\.[\w-]+)+$/.test(basename(dir)))
      return new URL(
        `https://${basename(dir)}/${resolve(path)
          .slice(dir.length + 1)
          .split(sep)
          .join('/')}`
      )
    if (root !== undefined && dir === resolve(root)) break
  }
  return undefined
}

/**
 * Finds a page's image in the saved copy: under the folder named after the image's host (a
 * mirror), beside the page for a relative address, or in `--media`.
 */
function imageResolver(oldUrl: URL, pagePath: string, mediaDir: string | undefined, sources: Map<string, string>): (address: string) => ImageResolution {
  return (address) => {
    if (!URL.canParse(address, oldUrl)) return 'external'
    const url = new URL(address, oldUrl)
    let pathname: string
    try {
      pathname = decodeURIComponent(url.pathname).replace(/^\/+/, '')
    } catch {
      return { missing: url.pathname }
    }
    if (pathname === '' || pathname.split('/').includes('..')) return { missing: url.pathname }
    const candidates: string[] = []
    for (let dir = dirname(resolve(pagePath)); dir !== dirname(dir); dir = dirname(dir)) {
      if (basename(dir) === url.hostname) candidates.push(join(dir, pathname))
    }
    if (!/^[a-z]+:|^\/\//i.test(address)) candidates.push(resolve(dirname(pagePath), address.split(/[?#]/)[0] ?? address))
    if (mediaDir !== undefined) candidates.push(join(mediaDir, pathname), join(mediaDir, url.hostname, pathname))
    const found = candidates.find(isFile)
    if (found === undefined) return url.hostname === oldUrl.hostname ? { missing: pathname } : 'external'
    sources.set(pathname, found)
    return { src: pathname }
  }
}
