import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import sirv from 'sirv'

/** What one search cost a browser. */
export interface QueryCost {
  query: string
  /** Bytes received for Pagefind files (index chunks, fragments, wasm, entry, meta). */
  bytes: number
  /** From pressing Enter to the results being shown, in ms. */
  ms: number
  results: string
}

/**
 * Opens the search page of a built site in headless Chromium and runs queries one after the
 * other in the same tab, as a reader would: the first pays for loading Pagefind, the next ones
 * only for their own index chunks and result fragments.
 *
 * @param siteDir The built site.
 * @param queries Queries, in order.
 * @param options Chromium's path and a scratch folder for its profile.
 */
export async function measureQueries(siteDir: string, queries: readonly string[], options: { chromium: string; scratchDir: string }): Promise<QueryCost[]> {
  const handler = sirv(siteDir, { dev: true, etag: false })
  const server = createServer((request, response) => handler(request, response))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const profile = await mkdtemp(join(options.scratchDir, 'chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: options.chromium,
    headless: true,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  try {
    const page = await context.newPage()
    let bytes = 0
    page.on('requestfinished', (request) => {
      if (!request.url().includes('/pagefind/')) return
      void request.sizes().then((sizes) => (bytes += sizes.responseBodySize + sizes.responseHeadersSize))
    })
    await page.goto(`${origin}/tim-kiem/`)
    const costs: QueryCost[] = []
    for (const query of queries) {
      bytes = 0
      const start = performance.now()
      await page.locator('#tim-kiem-q').fill(query)
      await page.locator('#tim-kiem-q').press('Enter')
      await page.waitForFunction((q) => {
        const status = document.querySelector('[role="status"]')?.textContent ?? ''
        return status.includes(`“${q}”`)
      }, query, { timeout: 120_000 })
      const ms = performance.now() - start
      await page.waitForLoadState('networkidle')
      costs.push({ query, bytes, ms, results: await page.locator('[role="status"]').innerText() })
    }
    return costs
  } finally {
    await context.close()
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await rm(profile, { recursive: true, force: true, maxRetries: 5 }).catch(() => {})
  }
}
