import { execFile } from 'node:child_process'
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { addArticle, editArticle } from './corpus-edits.ts'
import { runMeasured, taskMs } from './run-measured.ts'
import { changeCount, diffTrees, type TreeChanges } from './tree-diff.ts'
import { linkTreeCopy, snapshotTree, treeTotals } from './tree-snapshot.ts'

/** The build's named steps, as it prints them. */
export const buildStages = ['loading content', 'planning site', 'rendering pages', 'indexing search', 'processing images', 'publishing'] as const

/** One of {@link buildStages}. */
export type BuildStage = (typeof buildStages)[number]

/** The rebuilds measured, in order, each on the state the one before left. */
export const scenarios = [
  { id: 'cold', label: 'cold build (empty cache)' },
  { id: 'no-op', label: 'no-op rebuild' },
  { id: 'add-one', label: 'add one article' },
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
  /** The `toasoan` command to run and its environment: a frozen copy's (see `snapshotCode`). @default the repository's */
  code?: { cli: string; env: Record<string, string> }
  log: (line: string) => void
}

/** The environment variable the render fingerprint mixes in, standing for a template change. */
export const templateSaltVariable = 'TOASOAN_TEMPLATE_SALT'

const repository = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Whether the build reads {@link templateSaltVariable}; if not, the template row is one more no-op.
 *
 * @param root The code's root folder. @default the repository
 */
export async function buildReadsTemplateSalt(root = repository): Promise<boolean> {
  for (const dir of ['src/render', 'src/build.ts', 'src/cli.ts']) {
    const path = join(root, dir)
    const files = dir.endsWith('.ts') ? [path] : (await readdir(path, { recursive: true })).map((entry) => join(path, entry)).filter((file) => /\.tsx?$/.test(file))
    for (const file of files) if ((await readFile(file, 'utf8')).includes(templateSaltVariable)) return true
  }
  return false
}

/**
 * Reads how many pages a build rendered and how many it reused from earlier builds, from its
 * output (`pages: 12 rendered, …` and `Built 15 pages into dist.`).
 *
 * @param output The build's standard output.
 */
export function pageCounts(output: string): { rendered: number; reused: number } | undefined {
  const rendered = /pages: (\d+) rendered/.exec(output)?.[1]
  const total = /Built (\d+) pages/.exec(output)?.[1]
  return rendered === undefined || total === undefined ? undefined : { rendered: Number(rendered), reused: Number(total) - Number(rendered) }
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
 * Builds a private copy of the corpus five times in a row — cold, no-op, after adding one
 * article, after editing one article's body, after a template change — timing each build,
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
  const salt = `bench-${Date.now()}`
  const results: ScenarioResult[] = []
  for (const scenario of scenarios) {
    if (scenario.id === 'add-one') options.log(`  added ${await addArticle(content)}`)
    if (scenario.id === 'edit-body') options.log(`  edited ${await editArticle(content)}`)
    const before = await snapshotTree(dist)
    await rm(previous, { recursive: true, force: true })
    if (before.size > 0) await linkTreeCopy(dist, previous)
    options.log(`toasoan: ${scenario.label}…`)
    const env = { ...process.env, ...options.code?.env, [templateSaltVariable]: scenario.id === 'template' ? `${salt}-changed` : salt }
    const cli = options.code?.cli ?? join(repository, 'scripts', 'toasoan.js')
    const run = await runMeasured(process.execPath, [cli, 'build', '--content', 'content', '--out', 'dist', '--now', options.now], { cwd: options.dir, env })
    if (run.code !== 0) throw new Error(`toasoan build (${scenario.label}) failed with exit code ${run.code}:\n${run.stderr}`)
    const after = await snapshotTree(dist)
    const changes = await diffTrees(before, after, { before: previous, after: dist })
    await rm(previous, { recursive: true, force: true })
    const stages = Object.fromEntries(buildStages.flatMap((stage) => {
      const ms = taskMs(run.stdout, stage)
      return ms === undefined ? [] : [[stage, ms]]
    })) as Partial<Record<BuildStage, number>>
    const pages = pageCounts(run.stdout)
    results.push({ id: scenario.id, label: scenario.label, ms: run.ms, peak: run.memory.total, changes, output: treeTotals(after), stages, ...(pages ? { pages } : {}) })
    options.log(`  ${(run.ms / 1000).toFixed(1)} s, ${changeCount(changes)} files changed (${changes.added.length} added, ${changes.removed.length} removed, ${changes.changed.length} rewritten)`)
    if (scenario.id !== 'cold') for (const line of changeLines(changes).slice(0, 40)) options.log(`    ${line}`)
  }
  return results
}
