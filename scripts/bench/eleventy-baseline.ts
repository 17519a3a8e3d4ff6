import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { baselineResult, type BaselineResult } from './baseline-result.ts'
import { eleventySiteFiles } from './eleventy-site.ts'
import { runMeasured } from './run-measured.ts'
import { linkTreeCopy } from './tree-snapshot.ts'

/** Options of {@link benchEleventy}. */
export interface EleventyBenchOptions {
  /** The corpus; its articles are hard-linked, never changed. */
  corpus: string
  /** A scratch folder of its own for the project and its output. */
  dir: string
  /** Kill Eleventy after this long. */
  timeoutMs?: number
  log: (line: string) => void
}

const eleventyPackage = fileURLToPath(new URL('../../node_modules/@11ty/eleventy/', import.meta.url))

/** The installed Eleventy's version. */
export async function eleventyVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(join(eleventyPackage, 'package.json'), 'utf8')) as { version: string }
  return manifest.version
}

/**
 * Builds the corpus's Markdown with the repository's Eleventy and its default markdown-it, as a
 * plain project (see `eleventySiteFiles`), cold.
 *
 * @param options The corpus and the scratch folder.
 */
export async function benchEleventy(options: EleventyBenchOptions): Promise<BaselineResult> {
  const tool = `Eleventy ${await eleventyVersion()}`
  await rm(options.dir, { recursive: true, force: true })
  await linkTreeCopy(join(options.corpus, 'articles'), join(options.dir, 'src', 'articles'))
  await cp(join(options.corpus, 'media'), join(options.dir, 'src', 'media'), { recursive: true })
  for (const [path, text] of Object.entries(eleventySiteFiles())) {
    await mkdir(dirname(join(options.dir, path)), { recursive: true })
    await writeFile(join(options.dir, path), text)
  }
  options.log(`${tool}: cold build…`)
  const run = await runMeasured(process.execPath, [join(eleventyPackage, 'cmd.cjs'), '--quiet', '--config=eleventy.config.mjs'], {
    cwd: options.dir,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  })
  return baselineResult(tool, run, join(options.dir, '_site'), options.timeoutMs)
}
