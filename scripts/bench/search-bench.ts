import { readdir, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { exists } from '../../src/shared/files.ts'
import { ensureCorpus } from './bench-corpus.ts'
import { cpuIndex, measureQueries, type CpuIndex, type QueryCost } from './browser-query.ts'
import { runMeasured, taskMs } from './run-measured.ts'
import { formatSearchBench } from './search-bench-table.ts'
import { benchQueries, searchCorpus } from './search-corpus.ts'
import { addNewestArticle, drawQueries, type BenchQuery } from './search-queries.ts'

/** Options of {@link benchSearch}. */
export interface SearchBenchOptions {
  /** Corpus sizes to measure; the 32-article sample (`content/`) is measured first. */
  sizes: number[]
  /** Folder for corpora, builds and scratch files. */
  workDir: string
  /** Chromium, for query costs; skipped when absent. */
  chromium?: string
  /** Queries. @default the ten fixed ones, then 50 drawn from each corpus (see drawQueries) */
  queries?: string[]
  /** Also measure the state right after a new bundle starts (one more article). @default true */
  worstCase?: boolean
  /** Also measure under Slow 4G with a 4× slower CPU. @default true */
  throttled?: boolean
  /** Also index the built pages with Pagefind's CLI into one bundle (needs ~20 GB at 100,000). @default true */
  baseline?: boolean
  /** Log lines as the bench goes. */
  log: (line: string) => void
}

/** Measurements for one corpus size. */
export interface SearchBenchRow {
  /** `sample` or the corpus size. */
  name: string
  articles: number
  bundles: number
  indexMs: number
  buildPeak: number
  pagefindPeak: number
  indexBytes: number
  baseline?: { ms: number; peak: number; bytes: number }
  /** Each query's kind (fixed, common, rare, phrase, prefix). */
  kinds: Record<string, BenchQuery['kind']>
  queries: QueryCost[]
  throttled: QueryCost[]
  /** How fast the browser ran scripts, as is and throttled, measured before the throttled queries. */
  cpu?: CpuIndex
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
 * Measures search on generated corpora and on the sample (each a private copy whose oldest article
 * holds a word no other does): index time, memory and size, against Pagefind's CLI indexing the
 * same pages into one bundle; and, in Chromium, each query's cost to first result and to the last
 * bundle's answer, unthrottled and under Slow 4G with a 4× slower CPU.
 *
 * @param options Sizes, folders and Chromium.
 */
export async function benchSearch(options: SearchBenchOptions): Promise<SearchBenchRow[]> {
  const rows: SearchBenchRow[] = []
  // The sizes first, the sample last: a run cut short has measured the sizes it is run for.
  const corpora: Array<{ name: string; source: string }> = []
  for (const size of options.sizes) corpora.push({ name: String(size), source: await ensureCorpus(size, options.workDir, options.log) })
  corpora.push({ name: 'sample', source: join(root, 'content') })
  for (const { name, source } of corpora) {
    const corpus = join(options.workDir, `search-corpus-${name}`)
    await searchCorpus(source, corpus)
    const drawn = options.queries ? options.queries.map((query): BenchQuery => ({ query, kind: 'fixed' })) : await drawQueries(corpus, benchQueries)
    const site = join(options.workDir, `search-site-${name}`)
    // For a generated corpus, one article more first: the newest bundle holds one article, the
    // worst case, until it fills (measured first, since a 100,000-article run may be cut short);
    // then the full archive, that article removed again.
    if (name !== 'sample' && options.worstCase !== false) {
      const added = await addNewestArticle(corpus)
      rows.push(await measureState(`${name}+1`, corpus, site, drawn, options, (row) => saveTable([...rows, row], options)))
      await rm(added)
    }
    rows.push(await measureState(name, corpus, site, drawn, options, (row) => saveTable([...rows, row], options)))
  }
  return rows
}

/**
 * Writes the tables measured so far to `search-bench.md` in the work folder, after each step: a
 * run at 100,000 articles takes hours, and what it measured before an interruption is kept.
 */
async function saveTable(rows: readonly SearchBenchRow[], options: SearchBenchOptions): Promise<void> {
  const path = join(options.workDir, 'search-bench.md')
  await writeFile(path, `${formatSearchBench(rows)}\n`)
  options.log(`tables so far written to ${path}`)
}

/** Builds one state of a corpus and measures its index and its queries. */
async function measureState(
  name: string,
  corpus: string,
  site: string,
  drawn: readonly BenchQuery[],
  options: SearchBenchOptions,
  save: (row: SearchBenchRow) => Promise<void>
): Promise<SearchBenchRow> {
  options.log(`building ${name}…`)
  // Each corpus its own cache (its two states share it): a build prunes the cache entries it does not
  // use, so in the repository's `.cache/` the sample's build would drop 100,000 articles' pages and
  // bundles, and every run would index the whole archive again.
  const cache = join(options.workDir, `search-cache-${name.replace(/\+1$/, '')}`)
  const built = await runMeasured(
    process.execPath,
    [cli, 'build', '--content', corpus, '--out', site, '--cache', cache, '--now', '2027-01-01T00:00:00+07:00'],
    { cwd: root }
  )
  if (built.code !== 0) throw new Error(`build failed:\n${built.stderr}`)
  const bundles = (await readdir(join(site, 'pagefind'))).filter((entry) => entry !== 'words').length
  const articles = (await readdir(join(corpus, 'articles'), { recursive: true })).filter((path) => path.endsWith('.md')).length
  let baseline: SearchBenchRow['baseline']
  if ((options.baseline ?? true) && !name.endsWith('+1')) {
    options.log(`baseline: Pagefind CLI over the built site, one bundle…`)
    const baselineDir = join(options.workDir, `search-baseline-${name}`)
    const run = await runMeasured(
      pagefindBinary,
      ['--site', site, '--output-path', baselineDir, '--glob', '{[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html}', '--force-language', 'vi'],
      { cwd: root }
    )
    if (run.code !== 0) throw new Error(`pagefind CLI failed:\n${run.stderr}${run.stdout}`)
    baseline = { ms: run.ms, peak: run.memory.total, bytes: (await exists(baselineDir)) ? await folderBytes(baselineDir) : 0 }
  }
  const queries = drawn.map((entry) => entry.query)
  const measure = async (throttled: boolean): Promise<QueryCost[]> => {
    if (!options.chromium || (throttled && options.throttled === false)) return []
    options.log(`${queries.length} queries on ${name}${throttled ? ', Slow 4G and 4× CPU' : ''}…`)
    return measureQueries(site, queries, { chromium: options.chromium, throttled })
  }
  const row: SearchBenchRow = {
    name,
    articles,
    bundles,
    indexMs: taskMs(built.stdout, 'indexing search') ?? Number.NaN,
    buildPeak: built.memory.total,
    pagefindPeak: built.memory.byName['pagefind_extend'] ?? built.memory.byName['pagefind_extended'] ?? 0,
    indexBytes: await folderBytes(join(site, 'pagefind')),
    ...(baseline ? { baseline } : {}),
    kinds: Object.fromEntries(drawn.map((entry) => [entry.query, entry.kind])),
    queries: [],
    throttled: [],
  }
  await save(row)
  row.queries = await measure(false)
  await save(row)
  if (options.chromium && options.throttled !== false) row.cpu = await cpuIndex(options.chromium)
  row.throttled = await measure(true)
  await save(row)
  return row
}
