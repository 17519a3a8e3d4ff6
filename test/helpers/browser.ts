import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { mkdir, rm } from 'node:fs/promises'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import sirv from 'sirv'
import { root, tempDir } from './fixtures.ts'

/** Where Chromium is: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`; `undefined` when absent. */
export function findChromium(): string | undefined {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium'].filter((path): path is string => Boolean(path))
  const found = candidates.find((path) => existsSync(path))
  // Skipping is for a developer's machine; CI (.ci/run installs Chromium) must never pass by skipping.
  if (found === undefined && process.env['CI'] === 'true') throw new Error(`CI=true and no Chromium: ${skipNotice}`)
  return found
}

/** The line printed when browser tests cannot run, so a skip is never silent. */
export const skipNotice =
  'SKIPPED: browser tests need Chromium. Install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.'

/** Options of a browser context: JavaScript on or off, viewport, locale… */
export type ContextOptions = NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>

/** Chromium's flags for tests: headless, no sandbox (containers), no background networking. */
const chromiumArgs = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** Playwright keeps its artifacts (and a launched browser's profiles) in the OS temporary folder; keep them in the repository. */
async function keepTemporaryFilesInRepository(): Promise<void> {
  const tmp = join(root, '.cache', 'test-tmp', 'tmp')
  await mkdir(tmp, { recursive: true })
  process.env['TMPDIR'] = tmp
}

/**
 * Starts headless Chromium for a suite that needs several contexts (JavaScript on and off, other
 * viewports): each `browser.newContext(options)` is a fresh profile, and costs far less than
 * another launch. Close the browser in the suite's `after`.
 *
 * @param executablePath From {@link findChromium}.
 */
export async function launchBrowser(executablePath: string): Promise<Browser> {
  await keepTemporaryFilesInRepository()
  return chromium.launch({ executablePath, headless: true, args: chromiumArgs })
}

/**
 * Starts headless Chromium with a fresh profile inside the repository and no background
 * networking, and returns its one browser context.
 *
 * @param executablePath From {@link findChromium}.
 * @param options Context options (JavaScript, viewport, locale).
 */
export async function launchChromium(executablePath: string, options: ContextOptions = {}): Promise<BrowserContext> {
  await keepTemporaryFilesInRepository()
  const profile = await tempDir('chromium-profile')
  const context = await chromium.launchPersistentContext(profile, { ...options, executablePath, headless: true, args: chromiumArgs })
  // Chromium may still be flushing its cache when the context closes: retry, and never fail a test over it.
  context.on('close', () => void rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch(() => {}))
  return context
}

/**
 * Serves a built site on 127.0.0.1 at a free port.
 *
 * @param dir The built site.
 * @returns Its origin and a function that stops the server.
 */
export async function serveStatic(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const handler = sirv(dir, { dev: true, etag: false })
  const server: Server = createServer((request, response) => handler(request, response))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}
