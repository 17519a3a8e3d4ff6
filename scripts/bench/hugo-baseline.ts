import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { mapLimit } from '../../src/shared/files.ts'
import { baselineResult, type BaselineResult } from './baseline-result.ts'
import { hugoArticleText, hugoSiteFiles } from './hugo-site.ts'
import { hugoInstallHint, locateHugo } from './locate-hugo.ts'
import { runMeasured } from './run-measured.ts'

/** Options of {@link benchHugo}. */
export interface HugoBenchOptions {
  /** The corpus; its articles are copied (dates rewritten, see `hugoArticleText`), never changed. */
  corpus: string
  /** A scratch folder of its own for the Hugo site and its output. */
  dir: string
  hugo: { path: string; version: string }
  /** Kill Hugo after this long. */
  timeoutMs?: number
  log: (line: string) => void
}

async function copyArticles(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true })
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(from.length + 1))
  await mapLimit([...new Set(files.map((file) => dirname(join(to, file))))], 16, (dir) => mkdir(dir, { recursive: true }))
  await mapLimit(files, 64, async (file) => writeFile(join(to, file), hugoArticleText(await readFile(join(from, file), 'utf8'))))
}

/**
 * Builds the corpus's Markdown as a plain Hugo site (see `hugoSiteFiles`), cold: a fresh site
 * folder, no `resources/`, no cache, no output.
 *
 * @param options The corpus, the scratch folder and Hugo.
 */
export async function benchHugo(options: HugoBenchOptions): Promise<BaselineResult> {
  const tool = `Hugo ${options.hugo.version}`
  await rm(options.dir, { recursive: true, force: true })
  for (const [path, text] of Object.entries(hugoSiteFiles(options.hugo.version))) {
    await mkdir(dirname(join(options.dir, path)), { recursive: true })
    await writeFile(join(options.dir, path), text)
  }
  await copyArticles(join(options.corpus, 'articles'), join(options.dir, 'content', 'articles'))
  await cp(join(options.corpus, 'media'), join(options.dir, 'static', 'media'), { recursive: true })
  const out = join(options.dir, 'public')
  options.log(`${tool}: cold build…`)
  const run = await runMeasured(options.hugo.path, ['--quiet', '--source', options.dir, '--destination', out, '--cacheDir', join(options.dir, '.hugo-cache')], {
    cwd: options.dir,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  })
  return baselineResult(tool, run, out, options.timeoutMs)
}

/**
 * Finds Hugo (installing it when allowed, see `locateHugo`) and measures its cold build of the
 * corpus, or says why it was not measured.
 *
 * @param options The corpus, the scratch folder, whether to install Hugo, its time limit.
 */
export async function hugoBaseline(options: Omit<HugoBenchOptions, 'hugo'> & { install: boolean }): Promise<BaselineResult> {
  const found = await locateHugo({ install: options.install, log: options.log })
  if (found.ok) return benchHugo({ ...options, hugo: found })
  options.log(`Hugo not available: ${found.reason}; ${hugoInstallHint}`)
  return { tool: 'Hugo', status: 'skipped', reason: `not available (${found.reason}; ${hugoInstallHint})` }
}
