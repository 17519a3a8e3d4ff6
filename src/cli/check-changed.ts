import { execFile } from 'node:child_process'
import { realpath, stat } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import { promisify } from 'node:util'
import type { VFile } from 'vfile'
// By path, not through content/index.ts, whose modules other caches' keys follow.
import { checkArticles } from '../content/check-articles.ts'
import { loadContent } from '../content/load.ts'
import { checkSite } from '../site/check-site.ts'

const run = promisify(execFile)

/** Options of {@link checkChanged}. */
export interface CheckChangedOptions {
  /** The content folder. */
  contentDir: string
  /** The commit to compare with. @default the merge base of HEAD with origin/HEAD, else with main or master */
  base?: string
  /** Told what is checked, and why everything is when it is. */
  log?: (line: string) => void
}

/** Registries every article depends on: when one changes, every article is checked. */
const registryNames = ['site.yml', 'localities.yml', 'authors.yml', 'categories.yml']

/**
 * `toasoan check --changed`: checks the articles changed since a commit (committed, staged,
 * modified or new) with the registries, fast enough for a pre-commit hook. Everything is checked
 * when git or the base is unavailable, or when a registry changed (an article that did not change
 * may now name a removed id).
 *
 * @param options The content folder and the base.
 * @returns The files checked, with their problems, the site's checks of addresses included (`checkSite`).
 */
export async function checkChanged(options: CheckChangedOptions): Promise<{ files: VFile[] }> {
  const log = options.log ?? (() => {})
  const contentDir = resolve(options.contentDir)
  const changed = await changedFiles(contentDir, options.base)
  if ('reason' in changed) {
    log(`toasoan: checking every article: ${changed.reason}.`)
    return checkSite(await loadContent({ contentDir }))
  }
  const inContent = changed.paths.filter((path) => path.startsWith(contentDir + sep)).map((path) => relative(contentDir, path).split(sep).join('/'))
  const registry = inContent.find((path) => registryNames.includes(path))
  if (registry !== undefined) {
    log(`toasoan: checking every article: ${registry} changed since ${changed.base}.`)
    return checkSite(await loadContent({ contentDir }))
  }
  const articles: string[] = []
  for (const path of inContent) {
    if (!/^articles\/.+\.md$/.test(path)) continue
    // A deleted article has nothing left to check.
    if (
      await stat(join(contentDir, path)).then(
        (info) => info.isFile(),
        () => false
      )
    )
      articles.push(join(contentDir, path))
  }
  log(`toasoan: checking ${articles.length} article${articles.length === 1 ? '' : 's'} changed since ${changed.base}.`)
  const tracked = changed.listArticles === undefined ? undefined : await changed.listArticles(join(contentDir, 'articles'))
  const checked = await checkArticles({ contentDir, paths: articles, ...(tracked === undefined ? {} : { allPaths: [...new Set([...tracked, ...articles])] }) })
  return checkSite(checked)
}

/**
 * The files changed since a base commit, as absolute paths: the differences between the base and
 * the working tree (commits, staged and unstaged changes, deletions) and the untracked files.
 *
 * @param dir A folder inside the repository.
 * @param base The commit, or `undefined` for the merge base with the default branch.
 * @returns The paths and the base used, or why they cannot be known.
 */
export async function changedFiles(dir: string, base: string | undefined): Promise<ChangedFiles | { reason: string }> {
  const git = async (...args: string[]): Promise<string | undefined> => {
    try {
      return (await run('git', args, { cwd: dir, maxBuffer: 256 * 1024 * 1024 })).stdout
    } catch {
      return undefined
    }
  }
  const top = (await git('rev-parse', '--show-toplevel'))?.trim()
  if (!top) return { reason: 'git is not available here, or this is not a git repository' }
  let from = base
  if (from === undefined) {
    for (const candidate of ['origin/HEAD', 'main', 'master']) {
      const mergeBase = (await git('merge-base', 'HEAD', candidate))?.trim()
      if (mergeBase) {
        from = mergeBase
        break
      }
    }
  }
  if (from === undefined) return { reason: 'no base to compare with (no origin/HEAD, main or master); give one: --changed BASE' }
  // Both walk the working tree (100,000 files: most of the time this command takes): side by side.
  const [diff, untracked = ''] = await Promise.all([
    git('diff', '--name-only', '-z', '--no-renames', from, '--'),
    git('ls-files', '--others', '--exclude-standard', '-z', '--full-name', '--', '.'),
  ])
  if (diff === undefined) return { reason: `"${from}" is not a commit git knows` }
  const names = [...diff.split('\0'), ...untracked.split('\0')].filter((name) => name !== '')
  // git prints paths from the repository's top, with "/"; the top itself may be a symlink's target.
  const root = await realTop(top, dir)
  // git's names are clean relative paths with "/": joining them as text is enough, and path.resolve
  // over 100,000 names costs a fifth of a second.
  const absolute = sep === '/' ? (name: string): string => `${root}/${name}` : (name: string): string => resolve(root, name)
  // The index lists 100,000 paths in a tenth of the time a walk of the folder takes.
  const listArticles = async (folder: string): Promise<string[] | undefined> =>
    (await git('ls-files', '-z', '--full-name', '--', folder))
      ?.split('\0')
      .filter((name) => name.endsWith('.md'))
      .map(absolute)
  return { paths: [...new Set(names.map(absolute))].sort(), base: base ?? `${from.slice(0, 12)} (merge base)`, listArticles }
}

/** What changed since a base commit. */
export interface ChangedFiles {
  /** Absolute paths of the files added, changed, deleted or untracked. */
  paths: string[]
  /** The base, as shown to the operator. */
  base: string
  /** Lists the Markdown files git tracks in a folder (absolute paths). */
  listArticles?: (folder: string) => Promise<string[] | undefined>
}

async function realTop(top: string, dir: string): Promise<string> {
  // `dir` may reach the repository through a symbolic link: express the top the way `dir` does.
  const realDir = await realpath(dir)
  return realDir.startsWith(top) ? resolve(dir, relative(realDir, top)) : top
}
