import { existsSync, statSync } from 'node:fs'
import { cp, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import sharp from 'sharp'
import { recordPath } from '../../src/import/import-record.ts'
import { thousands } from './format-units.ts'
import { describeMachine, type Machine } from './machine.ts'
import { runMeasured, type Measured } from './run-measured.ts'
import { wxrAuthors, wxrCategories, wxrImageCount, wxrLocalities, writeWxr } from './import-wxr.ts'

/** Options of {@link benchImport}. */
export interface ImportBenchOptions {
  posts: number
  workDir: string
  /** Run wordpress-export-to-markdown on the same file. @default true */
  baseline: boolean
  /** May install the baseline into the work folder with npm. @default true */
  install: boolean
  /** Build the imported content too. @default true */
  build: boolean
  /** Kill the baseline after this many ms. */
  baselineTimeoutMs: number
  /**
   * Run the baseline on a smaller export of this many posts (from the same generator), which toasoan
   * imports too, so that the two are compared on one file. @default the bench's export
   */
  baselinePosts?: number
  log: (line: string) => void
}

/** One measured step. */
export interface ImportStep {
  name: string
  run?: Measured
  /** Why the step has no numbers (the baseline did not install, failed…). */
  note?: string
  /** What it wrote, in its own words. */
  summary?: string
  /** CPU time (user + system) of its main process, in ms: steadier than wall time on a shared machine. */
  cpuMs?: number
}

/** What {@link benchImport} measured. */
export interface ImportBenchReport {
  posts: number
  /** The size of the export the baseline read (and toasoan too, in its own step when smaller). */
  baselinePosts: number
  exportBytes: number
  machine: Machine
  date: string
  steps: ImportStep[]
}

const toasoan = resolve('scripts/toasoan.js')
// Preloaded into a measured Node process: prints its CPU time as it exits.
const cpuReporter = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('\\ncpu-ms '+Math.round((u.user+u.system)/1000)+'\\n')})`
const cpuMsOf = (stderr: string): number | undefined => {
  const match = /\ncpu-ms (\d+)\n/.exec(stderr)
  return match ? Number(match[1]) : undefined
}
const baselineVersion = '2.2.2'

/**
 * Generates an export of `posts` posts (streamed) and an uploads folder, then measures toasoan's
 * import, a re-import of the unchanged export, a build of the result, and
 * wordpress-export-to-markdown on the same file.
 *
 * @param options Size, work folder and the baseline's settings.
 */
export async function benchImport(options: ImportBenchOptions): Promise<ImportBenchReport> {
  const { dir, wxr } = await generatedExport(options.workDir, options.posts, options.log)
  const uploads = join(dir, 'uploads')
  await mkdir(join(uploads, '2020/01'), { recursive: true })
  for (let index = 0; index < wxrImageCount; index++) {
    const path = join(uploads, `2020/01/anh-${index}.jpg`)
    if (!existsSync(path))
      await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: index * 10, g: 90, b: 140 } } })
        .jpeg()
        .toFile(path)
  }
  const map = join(dir, 'map.yml')
  const yaml = (entries: Readonly<Record<string, string>>): string =>
    Object.entries(entries)
      .map(([key, value]) => `  ${key}: ${value}\n`)
      .join('')
  await writeFile(map, `localities:\n${yaml(wxrLocalities)}categories:\n${yaml(wxrCategories)}authors:\n${yaml(wxrAuthors)}`)
  const content = await freshContent(join(dir, 'content'))
  const importArgs = (from: string, into: string): string[] => [
    toasoan,
    'import',
    'wordpress',
    from,
    '--content',
    into,
    '--map',
    map,
    '--media',
    uploads,
    '--locality',
    'thanh-hoa',
  ]
  const steps: ImportStep[] = []
  const step = async (name: string, args: string[]): Promise<void> => {
    options.log(name)
    const run = await runMeasured(process.execPath, ['--import', cpuReporter, ...args])
    if (run.code !== 0) throw new Error(`${name} failed (${run.code}): ${run.stderr.slice(-2000)}`)
    const cpuMs = cpuMsOf(run.stderr)
    steps.push({ name, run, summary: lastLine(run.stdout), ...(cpuMs === undefined ? {} : { cpuMs }) })
  }
  await step('toasoan import', importArgs(wxr, content))
  await step('toasoan re-import (unchanged export)', importArgs(wxr, content))
  await rm(join(dir, 'dist'), { recursive: true, force: true })
  if (options.build)
    await step('toasoan build of the result', [
      toasoan,
      'build',
      '--content',
      content,
      '--out',
      join(dir, 'dist'),
      '--cache',
      join(dir, 'cache'),
      '--now',
      '2026-11-26T08:00:00+07:00',
    ])
  let baselinePosts = options.posts
  if (options.baseline && options.baselinePosts !== undefined && options.baselinePosts < options.posts) {
    baselinePosts = options.baselinePosts
    const small = await generatedExport(options.workDir, baselinePosts, options.log)
    await step(`toasoan import (${thousands(baselinePosts)} posts, the baseline's file)`, importArgs(small.wxr, await freshContent(join(small.dir, 'content'))))
    steps.push(await baseline(small.dir, small.wxr, options))
  } else if (options.baseline) steps.push(await baseline(dir, wxr, options))
  const exportBytes = statSync(wxr).size
  return { posts: options.posts, baselinePosts, exportBytes, machine: describeMachine(), date: new Date().toISOString().slice(0, 10), steps }
}

/** The generated export of that many posts, made once in the work folder. */
async function generatedExport(workDir: string, posts: number, log: (line: string) => void): Promise<{ dir: string; wxr: string }> {
  const dir = resolve(workDir, `import-${posts}`)
  await mkdir(dir, { recursive: true })
  const wxr = join(dir, 'export.xml')
  if (!existsSync(wxr)) {
    log(`generating ${wxr}`)
    await writeWxr(`${wxr}.tmp`, posts)
    await rename(`${wxr}.tmp`, wxr)
  }
  return { dir, wxr }
}

/** A content folder holding only the sample's registries and media, and no record of an earlier import. */
async function freshContent(content: string): Promise<string> {
  await rm(content, { recursive: true, force: true })
  await rm(resolve(recordPath(content)), { force: true })
  for (const name of ['site.yml', 'localities.yml', 'authors.yml', 'categories.yml', 'media'])
    await cp(join('content', name), join(content, name), { recursive: true })
  return content
}

const lastLine = (text: string): string => text.trim().split('\n').at(-1) ?? ''

/** wordpress-export-to-markdown, installed beside the bench's files, run without its wizard. */
async function baseline(dir: string, wxr: string, options: ImportBenchOptions): Promise<ImportStep> {
  const name = `wordpress-export-to-markdown ${baselineVersion}`
  const home = resolve(options.workDir, 'wordpress-export-to-markdown')
  const script = join(home, 'node_modules/wordpress-export-to-markdown/index.js')
  if (!existsSync(script)) {
    if (!options.install) return { name, note: 'not installed (--no-install)' }
    options.log(`installing ${name}`)
    await mkdir(home, { recursive: true })
    await writeFile(join(home, 'package.json'), '{ "private": true }\n')
    const install = await runMeasured('npm', ['install', `wordpress-export-to-markdown@${baselineVersion}`, '--no-audit', '--no-fund'], { cwd: home })
    if (install.code !== 0) return { name, note: `npm install failed: ${lastLine(install.stderr)}` }
  }
  const out = join(dir, 'wetm-output')
  await rm(out, { recursive: true, force: true })
  options.log(name)
  // Images are not downloaded (it would fetch them from the old site); toasoan copies them from disk.
  const args = [
    script,
    '--wizard=false',
    `--input=${wxr}`,
    `--output=${out}`,
    '--year-folders=true',
    '--month-folders=true',
    '--post-folders=false',
    '--save-attached-images=false',
    '--save-scraped-images=false',
  ]
  const run = await runMeasured(process.execPath, ['--import', cpuReporter, ...args], { timeoutMs: options.baselineTimeoutMs })
  const cpuMs = cpuMsOf(run.stderr)
  if (run.timedOut) return { name, run, note: `stopped after ${options.baselineTimeoutMs / 60_000} min` }
  if (run.code !== 0) return { name, run, note: `failed: ${lastLine(run.stdout + run.stderr)}` }
  const files = existsSync(out) ? (await readdir(out, { recursive: true })).filter((path) => path.endsWith('.md')).length : 0
  return { name, run, summary: `${files} Markdown files, no comments, no aliases, images not copied`, ...(cpuMs === undefined ? {} : { cpuMs }) }
}
