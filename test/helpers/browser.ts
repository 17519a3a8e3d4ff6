import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { mkdir, readFile } from 'node:fs/promises'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import sirv from 'sirv'
import type { Test } from 'uvu'
import { root } from './fixtures.ts'

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
export type ContextOptions = NonNullable<Parameters<Browser['newContext']>[0]>

/**
 * Features Playwright turns off (`disabledFeatures` of playwright-core's `chromiumSwitches.ts`),
 * repeated here because Chromium keeps only the last `--disable-features` of its command line:
 * ours, after Playwright's, must hold them too. {@link checkDisabledFeatures} fails the launch when
 * a new Playwright adds one this list lacks.
 */
const playwrightDisabledFeatures = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
]

/**
 * Headless Chromium (new headless mode is the whole browser) preloads the address bar's popup, a
 * WebUI page in a renderer of its own, for every window, that is every page Playwright opens, and
 * repaints it on each navigation and at idle: about a third of the CPU the browser suites spent in
 * Chromium. No test types into the address bar.
 */
const omniboxPopup = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup']

/** Chromium's flags for tests: headless, no sandbox (containers), no background networking, no address bar popup. */
const chromiumArgs = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  `--disable-features=${[...playwrightDisabledFeatures, ...omniboxPopup].join(',')}`,
]

/**
 * Fails when a `--disable-features` before ours (Playwright's own) names a feature ours leaves out:
 * ours replaces it, so that feature would be turned back on without a word.
 *
 * @param browser The launched browser; its command line is read from `/proc` (Linux, where the
 *   tests run), the browser process's id from the DevTools protocol.
 */
async function checkDisabledFeatures(browser: Browser): Promise<void> {
  const session = await browser.newBrowserCDPSession()
  const { processInfo } = await session.send('SystemInfo.getProcessInfo')
  await session.detach()
  const pid = processInfo.find((info) => info.type === 'browser')?.id
  const args = pid === undefined ? [] : (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0')
  const lists = args.filter((arg) => arg.startsWith('--disable-features=')).map((arg) => arg.slice('--disable-features='.length).split(','))
  const last = new Set(lists.at(-1))
  const lost = lists
    .slice(0, -1)
    .flat()
    .filter((feature) => feature !== '' && !last.has(feature))
  if (lost.length > 0) {
    await browser.close()
    throw new Error(`Add ${lost.join(', ')} to playwrightDisabledFeatures (test/helpers/browser.ts): Playwright now turns them off too.`)
  }
}

/** Playwright keeps its artifacts (and the browser's profiles) in the OS temporary folder; keep them in the repository. */
async function keepTemporaryFilesInRepository(): Promise<void> {
  const tmp = join(root, '.cache', 'test-tmp', 'tmp')
  await mkdir(tmp, { recursive: true })
  process.env['TMPDIR'] = tmp
}

/** Chromium of this test process, launched by the first suite that needs it. */
let shared: Promise<Browser> | undefined
/** Contexts of it opened and not yet closed (or being opened). */
let open = 0
/** Suites of this process that declared they use it ({@link shareChromium}) and have not ended. */
let suitesToCome = 0

/** Headless Chromium for this process: launched once (about 2 s of CPU, many times a context's cost). */
function sharedBrowser(executablePath: string): Promise<Browser> {
  if (shared) return shared
  const launched = keepTemporaryFilesInRepository()
    .then(() => chromium.launch({ executablePath, headless: true, args: chromiumArgs }))
    .then(async (browser) => {
      await checkDisabledFeatures(browser)
      return browser
    })
  // A browser that failed to start, crashed or was closed is launched again by the next suite.
  const forget = (): void => {
    if (shared === launched) shared = undefined
  }
  launched.then((browser) => browser.on('disconnected', forget), forget)
  shared = launched
  return launched
}

/**
 * Closes the shared browser once no context of it is open and no suite that declared it is left to
 * run: uvu ends when nothing is left running, which an open browser would prevent.
 */
function closeWhenUnused(): void {
  if (open > 0 || suitesToCome > 0 || !shared) return
  const closing = shared
  shared = undefined
  void closing.then((browser) => browser.close())
}

/**
 * Declares, as the suite's file is loaded, that the suite takes contexts from {@link launchChromium}.
 * uvu loads every file of a process before it runs the first suite, so the process's Chromium stays
 * open from the first suite that declared it to the last, and closes when that one ends. Without it
 * the browser closes whenever no context is open.
 *
 * @param test The suite.
 */
export function shareChromium(test: Test): void {
  suitesToCome++
  test.after(() => {
    suitesToCome--
    closeWhenUnused()
  })
}

/**
 * A fresh browser context (a profile of its own: cookies, storage, cache, JavaScript on or off,
 * viewport, locale, time zone) of the test process's one headless Chromium, launched on first use
 * with no background networking and its files inside the repository. Close the context when done
 * (in the suite's `after`); the browser closes by itself (see {@link shareChromium}).
 *
 * @param executablePath From {@link findChromium}.
 * @param options Context options (JavaScript, viewport, locale).
 */
export async function launchChromium(executablePath: string, options: ContextOptions = {}): Promise<BrowserContext> {
  open++
  const browser = await sharedBrowser(executablePath).catch((error: unknown) => {
    open--
    throw error
  })
  const closed = (): void => {
    open--
    closeWhenUnused()
  }
  const context = await browser.newContext(options).catch((error: unknown) => {
    closed()
    throw error
  })
  context.on('close', closed)
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
