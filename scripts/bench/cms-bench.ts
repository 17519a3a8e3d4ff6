import { execFile } from 'node:child_process'
import { readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import { chromium, type Page } from 'playwright-core'
import sirv from 'sirv'
import { startDecapServer } from '../../src/cli/cms.ts'
import { mapLimit } from '../../src/shared/files.ts'
import { foldVietnamese } from '../../templates/client/search/vietnamese-text.ts'
import { ensureCorpus } from './bench-corpus.ts'
import { megabytes, seconds, thousands } from './format-units.ts'
import { describeMachine, type Machine } from './machine.ts'
import { runMeasured } from './run-measured.ts'

/** Options of {@link benchCms}. */
export interface CmsBenchOptions {
  /** Articles in the generated archive. */
  articles: number
  /** The bench's work folder (the corpus and `cms-<N>/`). */
  workDir: string
  /** Chromium's binary. */
  chromium: string
  /** Visits, each with an empty browser cache. @default 2 */
  runs?: number
  log: (line: string) => void
}

/** Bytes of responses: as served without HTTP compression, and gzipped as a CDN sends text. */
export interface Transferred {
  raw: number
  gzip: number
}

/** One visit of a new writer: sign in, see the list, find the oldest article and open it. */
export interface CmsBenchRun {
  /** From "Đăng nhập" to the first entry listed, ms. */
  listMs: number
  /** The first entry's text. */
  firstEntry: string
  newestFirst: boolean
  /** From typing into the search box (focused, the title index's contents maybe loaded) to the article listed; `undefined` when not listed in 60 s. */
  findMs: number | undefined
  /** Whether choosing it opened its editor with its title. */
  opened: boolean
  /** From choosing it to its title in the editor, ms; `undefined` when it did not open. */
  openMs?: number | undefined
  /** Every response from opening /admin/ until the list shows. */
  beforeList: Transferred
  /** Responses of the search (the title index's contents, word chunks and shards). */
  search: Transferred
  /** How many requests the search made. */
  searchRequests?: number
  /** Responses from choosing the article until its editor shows it (the entry, its collection's first list). */
  open?: Transferred
}

/** What {@link benchCms} measured. */
export interface CmsBenchReport {
  articles: number
  date: string
  machine: Machine
  buildMs: number
  /** The build's `--now`: an hour after the newest article. */
  now: string
  newest: { title: string; date: string }
  oldest: { title: string; date: string; query: string }
  runs: CmsBenchRun[]
}

const root = fileURLToPath(new URL('../../', import.meta.url))
const cli = join(root, 'scripts', 'toasoan.js')

/** An article's title and date, read from its front matter. */
interface Heading {
  title: string
  date: string
}

/** Every article's title and date (as written: wall-clock time in the site's zone). */
async function headings(content: string): Promise<Heading[]> {
  const files = (await readdir(join(content, 'articles'), { recursive: true })).filter((path) => path.endsWith('.md'))
  const read = await mapLimit(files, 64, async (path) => {
    const text = (await readFile(join(content, 'articles', path), 'utf8')).slice(0, 2000)
    const title = /^title:\s*"?(.*?)"?\s*$/m.exec(text)?.[1]
    const date = /^date:\s*"?(\d{4}-\d{2}-\d{2} \d{2}:\d{2})/m.exec(text)?.[1]
    return title && date ? [{ title, date }] : []
  })
  return read.flat()
}

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => done(port))
    })
  })
}

/**
 * decap-server's port: the one the last run in this folder used when it is free (site.yml names
 * it, so the same port keeps the build's cache valid), else any free port, kept for the next run.
 */
async function decapPort(dir: string): Promise<number> {
  const file = join(dir, 'decap-port')
  const last = Number(await readFile(file, 'utf8').catch(() => ''))
  if (Number.isInteger(last) && last > 0 && (await isFree(last))) return last
  const port = await freePort()
  await writeFile(file, `${port}\n`)
  return port
}

/** Whether nothing listens on a port of 127.0.0.1. */
function isFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer()
    server.once('error', () => done(false))
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)))
  })
}

/**
 * Measures the web editor on a generated archive: a copy of the corpus in a repository of its own,
 * built with `--now` an hour after its newest article, served as files beside decap-server (fs),
 * and visited by new writers in Chromium (empty cache each): the time from "Đăng nhập" to the first
 * entry, whether it is the newest article, the bytes until then, and the time to find the oldest
 * article whose title no other article has, by its whole title typed without diacritics in the
 * search box, and to open it in the editor.
 *
 * @param options Size, folders, Chromium.
 */
export async function benchCms(options: CmsBenchOptions): Promise<CmsBenchReport> {
  const corpus = await ensureCorpus(options.articles, options.workDir, options.log)
  const dir = join(options.workDir, `cms-${options.articles}`)
  const repo = join(dir, 'repo')
  const content = join(repo, 'content')
  // The repository is made again; the build's cache and output stay, so a second run rebuilds
  // nothing (a cold build of 100,000 articles takes a quarter of an hour).
  await rm(repo, { recursive: true, force: true })
  await mkdir(repo, { recursive: true })
  // Hard links: the build only reads the articles. site.yml is a file of its own (it names the port).
  await promisify(execFile)('cp', ['-al', corpus, content])
  await promisify(execFile)('git', ['init', '-q'], { cwd: repo })
  const port = await decapPort(dir)
  const siteYml = await readFile(join(corpus, 'site.yml'), 'utf8')
  await rm(join(content, 'site.yml'))
  await writeFile(join(content, 'site.yml'), `${siteYml}cms:\n  localBackend: http://127.0.0.1:${port}/api/v1\n`)

  const all = await headings(content)
  const byDate = [...all].sort((a, b) => a.date.localeCompare(b.date))
  const newest = byDate[byDate.length - 1]
  const counts = new Map<string, number>()
  for (const { title } of all) counts.set(foldVietnamese(title), (counts.get(foldVietnamese(title)) ?? 0) + 1)
  const oldest = byDate.find((heading) => counts.get(foldVietnamese(heading.title)) === 1)
  if (!newest || !oldest) throw new Error(`${corpus}: no articles with a title and a date`)
  const now = new Date(Date.parse(`${newest.date.replace(' ', 'T')}:00+07:00`) + 3_600_000).toISOString()

  options.log(`building ${thousands(all.length)} articles (--now ${now})…`)
  const dist = join(dir, 'dist')
  const built = await runMeasured(process.execPath, [cli, 'build', '--content', content, '--out', dist, '--cache', join(dir, 'cache'), '--now', now], {
    cwd: root,
  })
  if (built.code !== 0) throw new Error(`build failed:\n${built.stderr}${built.stdout}`)

  const decap = await startDecapServer({ repository: repo, port, host: '127.0.0.1', quiet: true })
  const handler = sirv(dist, { dev: true, etag: false })
  const server = createServer((request, response) => handler(request, response))
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const browser = await chromium.launch({ executablePath: options.chromium, headless: true, args: ['--no-sandbox', '--disable-gpu'] })
  const query = foldVietnamese(oldest.title)
  const runs: CmsBenchRun[] = []
  try {
    for (let run = 1; run <= (options.runs ?? 2); run++) {
      options.log(`visit ${run}…`)
      const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' })
      runs.push(await visit(await context.newPage(), origin, newest, { title: oldest.title, query }))
      await context.close()
    }
  } finally {
    await browser.close()
    await new Promise((done) => server.close(done))
    await decap.close()
  }
  return {
    articles: all.length,
    date: new Date().toISOString().slice(0, 10),
    machine: describeMachine(),
    buildMs: built.ms,
    now,
    newest,
    oldest: { ...oldest, query },
    runs,
  }
}

/** One writer's visit, its responses counted by when they finished. */
async function visit(page: Page, origin: string, newest: Heading, oldest: { title: string; query: string }): Promise<CmsBenchRun> {
  const responses: Array<{ at: number; bytes: Promise<Transferred> }> = []
  page.on('requestfinished', (request) => {
    const at = performance.now()
    const bytes = request
      .response()
      .then(async (response) => {
        const body = (await response?.body()) ?? Buffer.alloc(0)
        const type = (await response?.headerValue('content-type')) ?? ''
        // Images are compressed already; CDNs gzip or brotli text, JSON and WebAssembly.
        return { raw: body.length, gzip: type.startsWith('image/') ? body.length : gzipSync(body).length }
      })
      // A response of the editor still loading when the visit ends is not counted.
      .catch(() => ({ raw: 0, gzip: 0 }))
    responses.push({ at, bytes })
  })
  const count = (from: number, to: number): number => responses.filter((entry) => entry.at >= from && entry.at <= to).length
  const sum = async (from: number, to: number): Promise<Transferred> => {
    const picked = await Promise.all(responses.filter((entry) => entry.at >= from && entry.at <= to).map((entry) => entry.bytes))
    return picked.reduce((total, entry) => ({ raw: total.raw + entry.raw, gzip: total.gzip + entry.gzip }), { raw: 0, gzip: 0 })
  }
  const opened = performance.now()
  await page.goto(`${origin}/admin/`)
  const signIn = page.getByRole('button', { name: 'Đăng nhập' })
  await signIn.waitFor({ timeout: 60_000 })
  const clicked = performance.now()
  await signIn.click()
  const first = page.locator('a[href*="/entries/"]').first()
  await first.waitFor({ timeout: 120_000 })
  const listed = performance.now()
  const firstEntry = (await first.innerText()).replace(/\s+/g, ' ').trim()
  const box = page.getByRole('searchbox', { name: 'Tìm bài để sửa' })
  await box.focus()
  const typed = performance.now()
  await box.fill(oldest.query)
  const link = page.getByRole('link', { name: oldest.title, exact: true })
  const findMs = await link.waitFor({ timeout: 60_000 }).then(
    () => performance.now() - typed,
    () => undefined
  )
  const found = performance.now()
  let isOpen = false
  let openMs: number | undefined
  let shown = found
  if (findMs !== undefined) {
    await link.click()
    const title = page.getByLabel('Tiêu đề', { exact: true })
    isOpen = await title.waitFor({ timeout: 60_000 }).then(
      async () => (await title.inputValue()) === oldest.title,
      () => false
    )
    shown = performance.now()
    if (isOpen) openMs = shown - found
  }
  return {
    listMs: listed - clicked,
    firstEntry,
    newestFirst: firstEntry.includes(newest.title),
    findMs,
    opened: isOpen,
    openMs,
    beforeList: await sum(opened, listed),
    search: await sum(typed, found),
    searchRequests: count(typed, found),
    open: await sum(found, shown),
  }
}

/**
 * The bench's Markdown table: each measure with every visit's value, its target and whether the
 * worst visit held it.
 *
 * @param report From {@link benchCms}.
 */
export function formatCmsBench(report: CmsBenchReport): string {
  const { runs } = report
  const mark = (held: boolean): string => (held ? 'held' : '**missed**')
  const list = runs.map((run) => seconds(run.listMs)).join(', ')
  const finds = runs.map((run) => (run.findMs === undefined ? 'not listed in 60 s' : seconds(run.findMs))).join(', ')
  const bytes = runs.map((run) => `${megabytes(run.beforeList.gzip)} (${megabytes(run.beforeList.raw)} uncompressed)`).join(', ')
  // The title index's few files weigh kilobytes: in megabytes with one decimal they would read 0.0.
  const size = (bytes: number): string => (bytes < 1024 ** 2 ? `${Math.round(bytes / 1024)} KB` : megabytes(bytes))
  const search = runs
    .map((run) => `${size(run.search.gzip)} (${size(run.search.raw)})${run.searchRequests === undefined ? '' : `, ${run.searchRequests} requests`}`)
    .join(', ')
  const m = report.machine
  return [
    `Web editor on ${thousands(report.articles)} generated articles, ${report.date}, ${m.cores} cores (${m.model}), Node ${m.node}; build ${seconds(report.buildMs)} with --now ${report.now}; ${runs.length} visit${runs.length === 1 ? '' : 's'}, each with an empty cache.`,
    '',
    '| measure | measured | target | |',
    '|---|---|---|---|',
    `| list shown (from "Đăng nhập" to the first entry) | ${list} | ≤ 5 s | ${mark(runs.every((run) => run.listMs <= 5000))} |`,
    `| newest entry first (${report.newest.date}) | ${runs.map((run) => (run.newestFirst ? 'yes' : `no: ${run.firstEntry}`)).join(', ')} | yes | ${mark(runs.every((run) => run.newestFirst))} |`,
    `| find an old article (${report.oldest.date}, "${report.oldest.query}" typed, to its title listed) | ${finds} | ≤ 5 s | ${mark(runs.every((run) => run.findMs !== undefined && run.findMs <= 5000))} |`,
    `| bytes to the browser before the list shows (gzip, as a CDN sends them) | ${bytes} | ≤ 5 MB | ${mark(runs.every((run) => run.beforeList.gzip <= 5 * 1024 ** 2))} |`,
    `| the old article opens in the editor (from choosing it to its title in the form) | ${runs.map((run) => (run.opened ? (run.openMs === undefined ? 'yes' : `yes, ${seconds(run.openMs)}`) : 'no')).join('; ')} | yes | ${mark(runs.every((run) => run.opened))} |`,
    `| bytes of the search (gzip, uncompressed)${runs.some((run) => run.searchRequests !== undefined) ? ', requests' : ''} | ${search} | | |`,
    ...(runs.every((run) => run.open !== undefined)
      ? [
          `| bytes of opening it (gzip, uncompressed) | ${runs.map((run) => `${megabytes(run.open?.gzip ?? 0)} (${megabytes(run.open?.raw ?? 0)})`).join(', ')} | | |`,
        ]
      : []),
  ].join('\n')
}
