import { execFile } from 'node:child_process'
import { appendFile, mkdir, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { addArticle, editArticle } from './corpus-edits.ts'
import { runMeasured, taskMs } from './run-measured.ts'
import { changeCount, diffTrees, type TreeChanges } from './tree-diff.ts'
import { linkTreeCopy, snapshotTree, treeTotals } from './tree-snapshot.ts'

/** The build's named steps, as it prints them. */
export const buildStages = [
  'loading content',
  'planning site',
  'rendering pages',
  'preparing search',
  'routing search words',
  'indexing search',
  'processing images',
  'publishing',
] as const

/** One of {@link buildStages}. */
export type BuildStage = (typeof buildStages)[number]

/** The rebuilds measured, in order, each on the state the one before left. */
export const scenarios = [
  { id: 'cold', label: 'cold build (empty cache)' },
  { id: 'no-op', label: 'no-op rebuild' },
  // The corpus holds a whole number of search bundles (1,000 articles each), so its first added
  // article starts a new bundle of one article (1 publish in 1,000); the next one is the usual case,
  // a change to the newest bundle only.
  { id: 'add-one', label: 'add one article' },
  { id: 'add-next', label: 'add the next article' },
  { id: 'edit-body', label: "edit one article's body" },
  { id: 'template', label: 'template change' },
] as const

/** One of {@link scenarios}. */
export type ScenarioId = (typeof scenarios)[number]['id']

/** What one toasoan build cost and did. */
export interface ScenarioResult {
  id: ScenarioId
  label: string
  /** Wall time in ms. */
  ms: number
  /** Peak RSS of the whole process tree, in bytes. */
  peak: number
  changes: TreeChanges
  /** `dist/` after the build. */
  output: { files: number; bytes: number }
  stages: Partial<Record<BuildStage, number>>
  /** Pages rendered, and pages reused from earlier builds. */
  pages?: { rendered: number; reused: number }
}

/** Options of {@link benchToasoan}. */
export interface ToasoanBenchOptions {
  /** The corpus; copied, never changed. */
  corpus: string
  /** A scratch folder of its own: content copy, `.cache/`, `dist/`. */
  dir: string
  /** The builds' "now". */
  now: string
  /** The `toasoan` command to run, its environment and root folder: a frozen copy's (see `snapshotCode`), whose templates the last row changes. */
  code: { cli: string; env: Record<string, string>; root: string }
  log: (line: string) => void
  /** The corpus's articles have photographs of their own: an added article gets a new one. @default false */
  ownPhotographs?: boolean
}

const repository = fileURLToPath(new URL('../../', import.meta.url))

/**
 * A real template change in a copy of the code: one more rule in the stylesheet, whose
 * fingerprinted name is in every page's head, so every page must be rendered and rewritten.
 *
 * @param root The copied code's root folder (never the repository: the bench refuses).
 * @returns The file changed.
 */
export async function changeTemplate(root: string): Promise<string> {
  if (resolve(root) === resolve(repository)) throw new Error('the template change is made in a copy of the code, never in the repository')
  const stylesheet = join(root, 'templates', 'assets', 'site.css')
  await appendFile(stylesheet, `\n.bench-template-change-${Date.now()} { color: inherit; }\n`)
  return stylesheet
}

/**
 * Reads how many pages a build rendered and how many it reused from earlier builds, from its
 * output (`pages: 12 rendered, …` and `Built 15 pages into dist.`; an output found up to date,
 * `dist is up to date: 15 pages, …`, reuses them all).
 *
 * @param output The build's standard output.
 */
export function pageCounts(output: string): { rendered: number; reused: number } | undefined {
  const upToDate = / is up to date: (\d+) pages/.exec(output)?.[1]
  if (upToDate !== undefined) return { rendered: 0, reused: Number(upToDate) }
  const rendered = /pages: (\d+) rendered/.exec(output)?.[1]
  const total = /Built (\d+) pages/.exec(output)?.[1]
  return rendered === undefined || total === undefined ? undefined : { rendered: Number(rendered), reused: Number(total) - Number(rendered) }
}

/** What a build made and what it took from the cache: pages, and search bundles. */
export interface CacheCounts {
  pages?: { rendered: number; cached: number }
  search?: { indexed: number; cached: number }
}

/**
 * Reads what a build rendered and indexed, and what it took from the cache, from its output
 * (`  pages: 12 rendered, 3 from the cache, …` and `  search bundles: 1 indexed, 2 from the cache, …`).
 *
 * @param output The build's standard output.
 */
export function cacheCounts(output: string): CacheCounts {
  const pages = /pages: (\d+) rendered, (\d+) from the cache/.exec(output)
  const search = /search bundles: (\d+) indexed, (\d+) from the cache/.exec(output)
  return {
    ...(pages ? { pages: { rendered: Number(pages[1]), cached: Number(pages[2]) } } : {}),
    ...(search ? { search: { indexed: Number(search[1]), cached: Number(search[2]) } } : {}),
  }
}

/**
 * Lists changes one per line: `+ added`, `- removed`, `~ rewritten`.
 *
 * @param changes From `diffTrees`.
 */
export function changeLines(changes: TreeChanges): string[] {
  return [...changes.added.map((path) => `+ ${path}`), ...changes.removed.map((path) => `- ${path}`), ...changes.changed.map((path) => `~ ${path}`)]
}

/**
 * Builds a private copy of the corpus six times in a row — cold, no-op, after adding one
 * article and then another, after editing one article's body, after a template change — timing each build,
 * sampling the peak memory of its process tree, and counting the files it changed in `dist/`.
 *
 * @param options The corpus, the scratch folder and the builds' "now".
 */
export async function benchToasoan(options: ToasoanBenchOptions): Promise<ScenarioResult[]> {
  const content = join(options.dir, 'content')
  const dist = join(options.dir, 'dist')
  const previous = join(options.dir, 'dist-before')
  await rm(options.dir, { recursive: true, force: true })
  await mkdir(options.dir, { recursive: true })
  await promisify(execFile)('cp', ['-a', options.corpus, content])
  const results: ScenarioResult[] = []
  for (const scenario of scenarios) {
    if (scenario.id === 'add-one') options.log(`  added ${await addArticle(content, 1, options.ownPhotographs)}`)
    if (scenario.id === 'add-next') options.log(`  added ${await addArticle(content, 2, options.ownPhotographs)}`)
    if (scenario.id === 'edit-body') options.log(`  edited ${await editArticle(content)}`)
    if (scenario.id === 'template') options.log(`  changed ${await changeTemplate(options.code.root)}`)
    const before = await snapshotTree(dist)
    await rm(previous, { recursive: true, force: true })
    if (before.size > 0) await linkTreeCopy(dist, previous)
    options.log(`toasoan: ${scenario.label}…`)
    const env = { ...process.env, ...options.code.env }
    const run = await runMeasured(process.execPath, [options.code.cli, 'build', '--content', 'content', '--out', 'dist', '--now', options.now], {
      cwd: options.dir,
      env,
    })
    if (run.code !== 0) throw new Error(`toasoan build (${scenario.label}) failed with exit code ${run.code}:\n${run.stderr}`)
    const after = await snapshotTree(dist)
    const changes = await diffTrees(before, after, { before: previous, after: dist })
    await rm(previous, { recursive: true, force: true })
    const stages = Object.fromEntries(
      buildStages.flatMap((stage) => {
        const ms = taskMs(run.stdout, stage)
        return ms === undefined ? [] : [[stage, ms]]
      })
    ) as Partial<Record<BuildStage, number>>
    const pages = pageCounts(run.stdout)
    results.push({
      id: scenario.id,
      label: scenario.label,
      ms: run.ms,
      peak: run.memory.total,
      changes,
      output: treeTotals(after),
      stages,
      ...(pages ? { pages } : {}),
    })
    options.log(
      `  ${(run.ms / 1000).toFixed(1)} s, ${changeCount(changes)} files changed (${changes.added.length} added, ${changes.removed.length} removed, ${changes.changed.length} rewritten)`
    )
    if (scenario.id !== 'cold') for (const line of changeLines(changes).slice(0, 40)) options.log(`    ${line}`)
  }
  return results
}
