import { pageFunctions } from 'lighthouse/core/lib/page-functions.js'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { serveLikeCdn } from './cdn-server.ts'

/** What one search cost a browser opening `/tim-kiem/?q=…` with an empty cache. */
export interface QueryCost {
  query: string
  /** From navigation to the first result link, ms. */
  firstMs: number
  /** `/pagefind/` response bodies (as served, uncompressed by HTTP) and requests until then. */
  firstBytes: number
  firstRequests: number
  /** Until the page is done (`data-state="done"`): its first page of results filled, or every bundle it needs answered. */
  doneMs: number
  bytes: number
  requests: number
  /** The status line at the end ("Tìm thấy N kết quả…"). */
  results: string
  /** The next query of the list, typed in the same page afterwards: to its first result, and to done. */
  laterFirstMs: number
  laterDoneMs: number
}

/**
 * Runs in the page before its scripts: notes when the first result link and the last answer appear.
 * Plain source, not a function: the TypeScript loader would add helpers the page does not have.
 */
const marks = `
  performance.setResourceTimingBufferSize(100000)
  new MutationObserver(() => {
    if (window.firstResult === undefined && document.querySelector('.search-result__title a')) window.firstResult = performance.now()
    if (window.done === undefined && document.querySelector('[data-search][data-state="done"]')) window.done = performance.now()
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] })
`

/** Reads {@link marks} and the page's /pagefind/ resource timings (bodies as served). */
const readMarks = `(() => {
  // A query without results is answered when the search is done.
  const first = window.firstResult ?? window.done ?? NaN
  const entries = performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname.startsWith('/pagefind/'))
  const before = entries.filter((entry) => entry.responseEnd <= first)
  const size = (list) => list.reduce((total, entry) => total + entry.decodedBodySize, 0)
  return { firstMs: first, firstBytes: size(before), firstRequests: before.length, doneMs: window.done ?? NaN, bytes: size(entries), requests: entries.length }
})()`

/** What {@link readMarks} returns. */
type Marks = Pick<QueryCost, 'firstMs' | 'firstBytes' | 'firstRequests' | 'doneMs' | 'bytes' | 'requests'>

/** Chrome DevTools' "Slow 4G" preset and 4× CPU slowdown. */
export const slow4g = { latency: 150, downloadThroughput: (1.6 * 1000 * 1000) / 8, uploadThroughput: (750 * 1000) / 8, cpuRate: 4 }

/** How fast the bench's Chromium runs scripts: Lighthouse's BenchmarkIndex as is, and with the CPU throttled as the Slow 4G runs throttle it. */
export interface CpuIndex {
  host: number
  throttled: number
}

/**
 * Lighthouse's BenchmarkIndex (its `computeBenchmarkIndex`, about a second of script) in a blank
 * page of the bench's Chromium, unthrottled and at {@link slow4g}'s CPU rate. A CPU slowdown is
 * relative to the machine, so the same 4× emulates a faster phone on a faster machine: the index
 * says which phone a run's Slow 4G table stands for (Lighthouse: 1,000 and more desktop-class, 800
 * a high-end Android phone, 125 a mid-tier one).
 *
 * @param chromiumPath The Chromium binary.
 */
export async function cpuIndex(chromiumPath: string): Promise<CpuIndex> {
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--headless', '--disable-gpu'] })
  try {
    const context = await browser.newContext()
    const page = await context.newPage()
    const expression = `(${pageFunctions.computeBenchmarkIndex.toString()})()`
    const host = Number(await page.evaluate(expression))
    const session = await context.newCDPSession(page)
    await session.send('Emulation.setCPUThrottlingRate', { rate: slow4g.cpuRate })
    const throttled = Number(await page.evaluate(expression))
    return { host: Math.round(host), throttled: Math.round(throttled) }
  } finally {
    await browser.close()
  }
}

async function throttle(context: BrowserContext, page: Page): Promise<void> {
  const session = await context.newCDPSession(page)
  await session.send('Network.enable')
  await session.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: slow4g.latency,
    downloadThroughput: slow4g.downloadThroughput,
    uploadThroughput: slow4g.uploadThroughput,
  })
  await session.send('Emulation.setCPUThrottlingRate', { rate: slow4g.cpuRate })
}

/**
 * Opens the search page of a built site, served as a CDN serves it (HTTP/2, text compressed with
 * Brotli), in headless Chromium once per query, each in a fresh
 * context (empty cache), as a reader following a shared `?q=` link; then types the next query of
 * the list in the same page, as a reader searching again.
 *
 * @param siteDir The built site.
 * @param queries Queries, in order.
 * @param options Chromium's path, and whether to emulate Slow 4G with a 4× slower CPU.
 */
export async function measureQueries(siteDir: string, queries: readonly string[], options: { chromium: string; throttled?: boolean }): Promise<QueryCost[]> {
  // As the CDN serves it: HTTP/2, text compressed (see cdn-server.ts).
  const server = await serveLikeCdn(siteDir)
  const origin = server.origin
  const browser = await chromium.launch({
    executablePath: options.chromium,
    headless: true,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  const timeout = options.throttled ? 600_000 : 180_000
  try {
    const costs: QueryCost[] = []
    for (const [index, query] of queries.entries()) {
      const context = await browser.newContext({ locale: 'vi-VN', ignoreHTTPSErrors: true })
      const page = await context.newPage()
      if (options.throttled) await throttle(context, page)
      // Timed in the page, from navigation start: when the first result link is inserted, and the
      // /pagefind/ responses (Resource Timing, bodies as served) that had ended by then.
      await page.addInitScript({ content: marks })
      await page.goto(`${origin}/tim-kiem/?q=${encodeURIComponent(query)}`)
      await page.waitForSelector('[data-search][data-state="done"]', { timeout })
      await page.waitForLoadState('networkidle')
      const { firstMs, firstBytes, firstRequests, doneMs, bytes, requests } = (await page.evaluate(readMarks)) as Marks
      const results = await page.locator('[role="status"]').innerText()
      const next = queries[(index + 1) % queries.length] ?? query
      const laterStart = performance.now()
      await page.locator('#tim-kiem-q').fill(next)
      await page.locator('#tim-kiem-q').press('Enter')
      // Its first result, or its answer that there is none.
      await page.waitForFunction(
        (q) =>
          new URLSearchParams(location.search).get('q') === q &&
          (document.querySelector('.search-result__excerpt') !== null || document.querySelector('[data-search][data-state="done"]') !== null),
        next,
        { timeout }
      )
      const laterFirstMs = performance.now() - laterStart
      await page.waitForSelector('[data-search][data-state="done"]', { timeout })
      const laterDoneMs = performance.now() - laterStart
      costs.push({ query, firstMs, firstBytes, firstRequests, doneMs, bytes, requests, results, laterFirstMs, laterDoneMs })
      await context.close()
    }
    return costs
  } finally {
    await browser.close()
    await server.close()
  }
}
