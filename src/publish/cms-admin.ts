import { createHash } from 'node:crypto'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { stringify } from 'yaml'
import type { Registries } from '../content/registries.ts'
import type { AdminSearchSettings } from '../../templates/client/cms/admin-search.ts'
import { type CmsConfig, cmsConfig } from '../site/cms-config.ts'
import { stringsFor, type Strings } from '../site/strings.ts'
import { titlesFolder } from '../search/title-index.ts'
import { linkOrCopy } from '../shared/files.ts'
import { bundleBrowserScript } from './browser-bundle.ts'

/** Options of {@link writeCmsAdmin}. */
export interface CmsAdminOptions {
  /** The content folder, as given to the build. */
  contentDir: string
  /** The site's origin, overriding site.yml's (a preview build). */
  baseUrl?: string
  /** The build's "now" (epoch ms): the editor opens on this month. @default Date.now() */
  now?: number
}

/** The prebuilt Decap CMS: its entry script, the chunks it loads from beside it, and its WebAssembly. */
const decapDist = dirname(createRequire(import.meta.url).resolve('decap-cms'))
const isDecapFile = (name: string): boolean => /^(?:\d+\.)?decap-cms\.js$/.test(name) || name === 'decap-cms.js.LICENSE.txt' || /^[0-9a-f]+\.wasm$/.test(name)

/** Decap's files, the folder they are published in, and the names, sizes, times and inodes it was named from. */
let decapRelease: { stamp: string; folder: string; names: string[] } | undefined

/**
 * The names of Decap's files, and a stamp of their names, sizes, times and inodes. Synchronous: a
 * hundred small stats in a row cost less than as many promises, each a round trip through the
 * thread pool (twice a build: 2.8 s of the main threads of `npm test` on 2 cores).
 */
async function decapStamps(): Promise<{ stamp: string; names: string[] }> {
  const names = readdirSync(decapDist).filter(isDecapFile).sort()
  const stamps = names.map((name) => {
    const info = statSync(join(decapDist, name))
    return `${name}\0${info.size}\0${info.mtimeMs}\0${info.ino}`
  })
  return { stamp: stamps.join('\0'), names }
}

/**
 * Which Decap files the web editor would publish, without reading them: their names, sizes, times
 * and inodes (a reinstall makes new files).
 */
export async function decapStamp(): Promise<string> {
  return (await decapStamps()).stamp
}

/**
 * Decap's files and their folder, `/assets/decap-cms.<hash of the names and bytes>`: hashed once
 * per process while the files' names, sizes, times and inodes stay the same (a reinstall makes new
 * files; 6.4 MB, read and hashed again by every build before).
 */
async function decapFiles(): Promise<{ folder: string; names: string[] }> {
  const { stamp, names } = await decapStamps()
  if (decapRelease?.stamp === stamp) return decapRelease
  const digest = createHash('sha256')
  for (const name of names)
    digest
      .update(name)
      .update('\0')
      .update(await readFile(join(decapDist, name)))
  decapRelease = { stamp, folder: `/assets/decap-cms.${digest.digest('hex').slice(0, 10)}`, names }
  return decapRelease
}

const adminScript = fileURLToPath(new URL('../../templates/client/cms/cms-admin.ts', import.meta.url))

/**
 * Publishes the web editor: `/admin/index.html` (not indexed), `/admin/config.yml` generated from
 * the registries, and Decap CMS with our admin script under `/assets/`, in a folder named by the
 * hash of its files (so it is cached like every fingerprinted asset).
 *
 * @param staging The output folder being built.
 * @param registries site.yml, localities, authors and categories.
 * @param options Where the content is and the site's origin.
 * @returns The files written.
 */
export async function writeCmsAdmin(staging: string, registries: Registries, options: CmsAdminOptions): Promise<{ files: number }> {
  // Bundling takes longest: it runs while Decap's files are linked.
  const bundled = bundleAdminScript()
  bundled.catch(() => {})
  const { folder: decapFolder, names } = await decapFiles()
  // Linked, not copied, where the output is on the same disk as node_modules: nothing writes into
  // an output file, and the file manifest finds their stamps unchanged from the last build.
  await mkdir(join(staging, decapFolder), { recursive: true })
  await Promise.all(names.map((name) => linkOrCopy(join(decapDist, name), join(staging, decapFolder, name))))
  const script = await bundled
  const scriptUrl = `/assets/cms-admin.${createHash('sha256').update(script).digest('hex').slice(0, 10)}.js`
  await writeFile(join(staging, scriptUrl), script)
  const repository = repositoryOf(options.contentDir)
  const repo = await githubRepoOf(repository.root)
  const config = cmsConfig(registries, {
    contentPath: repository.contentPath,
    ...(repo === undefined ? {} : { repo }),
    archive: { now: options.now ?? Date.now(), months: await archiveMonths(options.contentDir) },
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
  })
  await mkdir(join(staging, 'admin'), { recursive: true })
  await writeFile(
    join(staging, 'admin', 'config.yml'),
    `# Generated by toasoan build from site.yml and the registries: do not edit.\n${stringify(config, { lineWidth: 0 })}`
  )
  const words = stringsFor(registries.site.language).cms
  await writeFile(
    join(staging, 'admin', 'index.html'),
    adminPage(`${words.pageTitle} · ${registries.site.title}`, `${decapFolder}/decap-cms.js`, scriptUrl, adminSearchSettings(config, words))
  )
  return { files: names.length + 3 }
}

/**
 * What the admin page's search box needs: the title index's folder, each article collection by
 * its folder under `articles/`, and its words.
 *
 * @param config The generated configuration.
 * @param words The dictionary's `cms` words.
 */
export function adminSearchSettings(config: CmsConfig, words: Strings['cms']): AdminSearchSettings {
  const collections = config.collections.flatMap((collection) => {
    const folder = /(?:^|\/)articles\/(\d{4}(?:\/\d{2})?)$/.exec(collection.folder)?.[1]
    return folder === undefined ? [] : [{ name: collection.name, folder }]
  })
  const { search, searchPlaceholder, searchLoading, searchCount, searchNone, searchFailed } = words
  return {
    titleIndex: `/${titlesFolder}/`,
    collections,
    strings: { search, searchPlaceholder, searchLoading, searchCount, searchNone, searchFailed },
  }
}

/**
 * The editor's page: Decap renders itself into it and reads `config.yml` beside it.
 *
 * @param pageTitle The page's title.
 * @param decapUrl Decap CMS's entry script.
 * @param scriptUrl Our admin script, which must run right after it.
 * @param search What the search box needs, on the body's `data-cms-search`; no box without it.
 */
export function adminPage(pageTitle: string, decapUrl: string, scriptUrl: string, search?: AdminSearchSettings): string {
  const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`)
  const title = escapeHtml(pageTitle)
  return [
    '<!doctype html>',
    '<html lang="vi">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    `<title>${title}</title>`,
    '<link rel="cms-config-url" type="text/yaml" href="/admin/config.yml">',
    '</head>',
    search === undefined ? '<body>' : `<body data-cms-search="${escapeHtml(JSON.stringify(search))}">`,
    // Classic scripts, in order: ours registers its format and event before Decap loads config.yml.
    `<script src="${decapUrl}"></script>`,
    `<script src="${scriptUrl}"></script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

/** Bundles the admin script as one classic script (an IIFE: Decap's globals stay untouched). */
function bundleAdminScript(): Promise<Buffer> {
  return bundleBrowserScript(adminScript, 'iife')
}

/**
 * The git repository a content folder belongs to, and the folder's path inside it (`content`), the
 * path Decap writes to: the nearest folder holding `.git`, else the content folder's parent.
 *
 * @param contentDir The content folder.
 */
export function repositoryOf(contentDir: string): { root: string; contentPath: string } {
  const content = resolve(contentDir)
  for (let dir = content; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return { root: dir, contentPath: relative(dir, content).split(sep).join('/') }
    if (dirname(dir) === dir) return { root: dirname(content), contentPath: basename(content) }
  }
}

/**
 * The GitHub repository (`owner/name`) of a git repository's `origin` remote, as `actions/checkout`
 * and `git clone` write it in `.git/config`; `undefined` when there is none or it is elsewhere.
 *
 * @param root The repository's folder (holding `.git`).
 */
export async function githubRepoOf(root: string): Promise<string | undefined> {
  const config = await readFile(join(root, '.git', 'config'), 'utf8').catch(() => '')
  return originRepo(config)
}

/**
 * The `owner/name` of the `origin` remote in the text of a `.git/config`, when it is on github.com.
 *
 * @param gitConfig The file's text.
 */
export function originRepo(gitConfig: string): string | undefined {
  const section = /^\s*\[remote "origin"\]\s*$([\s\S]*?)(?=^\s*\[|(?![\s\S]))/m.exec(gitConfig)?.[1] ?? ''
  const url = /^\s*url\s*=\s*(\S+)\s*$/m.exec(section)?.[1] ?? ''
  return /^(?:https:\/\/(?:[^@/]+@)?github\.com\/|git@github\.com:|ssh:\/\/git@github\.com\/)([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(url)?.[1]
}

/**
 * The month folders of the archive, `YYYY/MM`, oldest first: one listing of `articles/` and one of
 * each year, never of the articles themselves.
 *
 * @param contentDir The content folder.
 */
export async function archiveMonths(contentDir: string): Promise<string[]> {
  const folders = (dir: string, pattern: RegExp): Promise<string[]> =>
    readdir(dir, { withFileTypes: true }).then(
      (entries) => entries.filter((entry) => entry.isDirectory() && pattern.test(entry.name)).map((entry) => entry.name),
      () => []
    )
  const articles = join(contentDir, 'articles')
  const years = await folders(articles, /^\d{4}$/)
  const months = await Promise.all(years.map(async (year) => (await folders(join(articles, year), /^(?:0[1-9]|1[0-2])$/)).map((month) => `${year}/${month}`)))
  return months.flat().sort()
}
