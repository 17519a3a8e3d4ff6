import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateCorpus } from '../corpus/index.ts'
import { exists } from '../files.ts'
import { measureQueries, type QueryCost } from './browser-query.ts'
import { runMeasured, taskMs } from './run-measured.ts'

/** Options of {@link benchSearch}. */
export interface SearchBenchOptions {
  /** Corpus sizes to measure. */
  sizes: number[]
  /** Folder for corpora, builds and scratch files. */
  workDir: string
  /** Chromium, for query costs; skipped when absent. */
  chromium?: string
  /** Queries run one after the other on the search page. @default ['cong an', 'duong ven bien'] */
  queries?: string[]
  /** Log lines as the bench goes. */
  log: (line: string) => void
}

/** Measurements for one corpus size. */
export interface SearchBenchRow {
  articles: number
  bundles: number
  indexMs: number
  buildPeak: number
  pagefindPeak: number
  indexBytes: number
  baseline: { ms: number; peak: number; bytes: number }
  queries: QueryCost[]
}

const root = fileURLToPath(new URL('../../', import.meta.url))
const cli = join(root, 'scripts', 'toasoan.js')
const pagefindBinary = join(root, 'node_modules', '@pagefind', 'linux-x64', 'bin', 'pagefind_extended')

async function folderBytes(dir: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(dir, { recursive: true })) {
    const info = await stat(join(dir, entry))
    if (info.isFile()) total += info.size
  }
  return total
}

/**
 * Measures the search index on generated corpora: toasoan's sharded, lean bundles against the
 * baseline of Pagefind's own CLI indexing the same built pages into one bundle, in the same run.
 *
 * @param options Sizes, folders and Chromium.
 */
export async function benchSearch(options: SearchBenchOptions): Promise<SearchBenchRow[]> {
  const rows: SearchBenchRow[] = []
  for (const size of options.sizes) {
    const corpus = join(options.workDir, `corpus-${size}`)
    if (!(await exists(join(corpus, 'site.yml')))) {
      options.log(`generating ${size} articles…`)
      await generateCorpus({ articles: size, out: corpus, force: true })
    }
    const site = join(options.workDir, `site-${size}`)
    options.log(`building ${size} articles…`)
    const built = await runMeasured(process.execPath, [cli, 'build', '--content', corpus, '--out', site, '--now', '2026-01-01T00:00:00+07:00'], { cwd: root })
    if (built.code !== 0) throw new Error(`build failed:\n${built.stderr}`)
    const bundles = (await readdir(join(site, 'pagefind'))).length
    const indexBytes = await folderBytes(join(site, 'pagefind'))
    options.log(`baseline: Pagefind CLI over the built site, one bundle…`)
    const baselineDir = join(options.workDir, `baseline-${size}`)
    const baseline = await runMeasured(pagefindBinary, ['--site', site, '--output-path', baselineDir, '--glob', '{[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html}', '--force-language', 'vi'], { cwd: root })
    if (baseline.code !== 0) throw new Error(`pagefind CLI failed:\n${baseline.stderr}${baseline.stdout}`)
    const queries = options.chromium ? await measureQueries(site, options.queries ?? ['cong an', 'duong ven bien'], { chromium: options.chromium, scratchDir: options.workDir }) : []
    rows.push({
      articles: size,
      bundles,
      indexMs: taskMs(built.stdout, 'indexing search') ?? Number.NaN,
      buildPeak: built.memory.total,
      pagefindPeak: built.memory.byName['pagefind_extend'] ?? built.memory.byName['pagefind_extended'] ?? 0,
      indexBytes,
      baseline: { ms: baseline.ms, peak: baseline.memory.total, bytes: await folderBytes(baselineDir) },
      queries,
    })
  }
  return rows
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`
const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`
const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a')

/**
 * Formats the rows as a Markdown table, with ratios against the baseline.
 *
 * @param rows The measurements.
 */
export function formatSearchBench(rows: readonly SearchBenchRow[]): string {
  const lines = [
    '| articles | bundles | index time (toasoan / Pagefind CLI, ratio) | peak memory: Pagefind process (toasoan / CLI, ratio) | build tree peak | index on disk (toasoan / CLI) | 1st query: bytes, ms | 2nd query: bytes, ms |',
    '|---:|---:|---|---|---:|---|---|---|',
  ]
  for (const row of rows) {
    const [first, second] = row.queries
    lines.push(
      `| ${row.articles} | ${row.bundles} | ${s(row.indexMs)} / ${s(row.baseline.ms)} (${ratio(row.indexMs, row.baseline.ms)}) | ${mb(row.pagefindPeak)} / ${mb(row.baseline.peak)} (${ratio(row.pagefindPeak, row.baseline.peak)}) | ${mb(row.buildPeak)} | ${mb(row.indexBytes)} / ${mb(row.baseline.bytes)} | ${first ? `${kb(first.bytes)}, ${first.ms.toFixed(0)} ms` : 'skipped'} | ${second ? `${kb(second.bytes)}, ${second.ms.toFixed(0)} ms` : 'skipped'} |`
    )
  }
  return lines.join('\n')
}
