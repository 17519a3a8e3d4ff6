import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { check } from 'linkinator'
import { chromium } from 'playwright-core'
import type { AxeResult, LighthouseResult, VnuResult } from './gates.ts'

const require = createRequire(import.meta.url)

/** Chromium flags for a quiet, offline, headless run. */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** Lighthouse's categories the audit scores. */
export const lighthouseCategories = ['performance', 'accessibility', 'best-practices', 'seo'] as const
/** One of {@link lighthouseCategories}. */
export type LighthouseCategory = (typeof lighthouseCategories)[number]

/**
 * Runs Lighthouse (its default mobile emulation and simulated throttling) on each URL.
 *
 * @param urls Pages to audit.
 * @param chromePath Chromium's binary.
 * @param scratchDir Where Chromium's profile goes (inside the repository).
 * @param categories The categories to score. @default all four the audit gates (performance, the
 *   costliest, traces each page load). Without performance, Lighthouse reads the page as soon as it
 *   has loaded: its quiet windows and pauses (1 s each by default, 4 s a page) and the full-page
 *   screenshot serve only the performance audits and the report.
 */
export async function runLighthouse(
  urls: readonly string[],
  chromePath: string,
  scratchDir: string,
  categories: readonly LighthouseCategory[] = lighthouseCategories
): Promise<Map<string, LighthouseResult>> {
  const profile = await mkdtemp(join(scratchDir, 'lighthouse-'))
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: chromiumFlags, userDataDir: profile })
  const results = new Map<string, LighthouseResult>()
  try {
    const timed = categories.includes('performance')
    const untimed = { pauseAfterFcpMs: 0, pauseAfterLoadMs: 0, networkQuietThresholdMs: 0, cpuQuietThresholdMs: 0, disableFullPageScreenshot: true }
    for (const url of urls) {
      const run = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...categories],
        ...(timed ? {} : untimed),
      })
      if (!run) throw new Error(`Lighthouse returned nothing for ${url}`)
      results.set(url, run.lhr as unknown as LighthouseResult)
    }
  } finally {
    chrome.kill()
    await rm(profile, { recursive: true, force: true, maxRetries: 5 }).catch(() => {})
  }
  return results
}

/**
 * Runs axe-core on each URL in Chromium, all rules of WCAG 2.x A and AA and best practices.
 *
 * @param urls Pages to check.
 * @param chromePath Chromium's binary.
 * @param scratchDir Where Chromium's profile goes.
 */
export async function runAxe(urls: readonly string[], chromePath: string, scratchDir: string): Promise<Map<string, AxeResult>> {
  const source = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
  const profile = await mkdtemp(join(scratchDir, 'axe-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromePath,
    headless: true,
    args: chromiumFlags,
    viewport: { width: 412, height: 915 },
  })
  const results = new Map<string, AxeResult>()
  try {
    const page = await context.newPage()
    for (const url of urls) {
      await page.goto(url, { waitUntil: 'networkidle' })
      await page.addScriptTag({ content: source })
      const result = await page.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run: (options: object) => Promise<AxeResult> } }).axe
        return axe.run({ resultTypes: ['violations'] })
      })
      results.set(url, { violations: result.violations })
    }
  } finally {
    await context.close()
    await rm(profile, { recursive: true, force: true, maxRetries: 5 }).catch(() => {})
  }
  return results
}

/**
 * The JVM's flags for the checker. A run checks a few pages and is over in seconds: the quick
 * compiler alone (no C2, whose threads spent more CPU than the checking) and one collector thread
 * cost about a third less CPU for the same messages. Frames compiled that way are larger, and
 * vnu's schema recursion overflowed the default 1 MB stack: hence 4 MB.
 */
const vnuJvmFlags = ['-Xss4m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC']

/**
 * Runs the Nu HTML Checker (vnu.jar, with the machine's Java) on files.
 *
 * @param files HTML files.
 * @returns vnu's messages per file path.
 */
export async function runVnu(files: readonly string[]): Promise<Map<string, VnuResult>> {
  // The vnu-jar package exports the path of its jar.
  const vnuJar = require('vnu-jar') as string
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('java', [...vnuJvmFlags, '-jar', vnuJar, '--format', 'json', '--exit-zero-always', '--stdout', ...files])
    let text = ''
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()))
    child.on('error', (error) => reject(new Error(`java is needed for the HTML checker (Debian: apt-get install default-jre-headless): ${error.message}`)))
    child.on('close', () => resolve(text))
  })
  const parsed = JSON.parse(output) as VnuResult
  const byFile = new Map<string, VnuResult>(files.map((file) => [file, { messages: [] }]))
  for (const message of parsed.messages) {
    const path = decodeURIComponent((message.url ?? '').replace(/^file:(\/\/)?/, ''))
    byFile.get(path)?.messages.push(message)
  }
  return byFile
}

/**
 * Checks every internal link of a built site with linkinator.
 *
 * @param siteDir The built site.
 * @returns `page → link (status)` for each broken link.
 */
export async function brokenLinks(siteDir: string): Promise<string[]> {
  const result = await check({ path: siteDir, recurse: true, linksToSkip: ['^(?!http://localhost)'] })
  return result.links.filter((link) => link.state === 'BROKEN').map((link) => `${link.parent ?? '?'} → ${link.url} (${link.status ?? '?'})`)
}

/** The height of one part of the front page on a phone. */
export interface PagePart {
  /** The part's class, e.g. `front-top`. */
  name: string
  /** CSS pixels. */
  height: number
}

/**
 * Looks at the front page as readers do: screenshots at 390 px (a phone) and 1280 px (a laptop),
 * written as `home-390.png` and `home-1280.png` in the output folder, and the height of each of its
 * parts (the children of `<main>`) on the phone.
 *
 * @param url The front page.
 * @param chromePath Chromium's binary.
 * @param scratchDir Where Chromium's profile and the screenshots go.
 */
export async function lookAtFrontPage(url: string, chromePath: string, scratchDir: string): Promise<PagePart[]> {
  const profile = await mkdtemp(join(scratchDir, 'front-'))
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromePath, headless: true, args: chromiumFlags })
  try {
    const page = await context.newPage()
    let parts: PagePart[] = []
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 800 })
      await page.goto(url, { waitUntil: 'networkidle' })
      for (const image of await page.locator('img').all()) await image.scrollIntoViewIfNeeded()
      await page.evaluate(() => window.scrollTo(0, 0))
      await page.screenshot({ path: join(scratchDir, `home-${width}.png`), fullPage: true })
      parts = await page.evaluate(() =>
        [...document.querySelectorAll('main > :not(h1)')].map((element) => ({
          name: element.classList[0] ?? element.tagName.toLowerCase(),
          height: Math.round(element.getBoundingClientRect().height),
        }))
      )
    }
    return parts
  } finally {
    await context.close()
    await rm(profile, { recursive: true, force: true, maxRetries: 5 }).catch(() => {})
  }
}

/** Makes a scratch folder inside the repository. */
export async function scratch(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true })
  return dir
}
