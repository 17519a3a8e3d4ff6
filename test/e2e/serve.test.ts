import { type ChildProcess, spawn } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { BrowserContext, Page } from 'playwright-core'
import { findChromium, launchChromium, shareChromium, skipNotice } from '../helpers/browser.ts'
import { cliScript, contentWith, removeDir, root } from '../helpers/fixtures.ts'
import { freePort } from '../helpers/free-port.ts'

const test = suite('serve')
const chromiumPath = findChromium()

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`timed out after ${timeoutMs} ms`)
}

// One server and one browser for the suite: each start is a child process, a first build and a
// Chromium; the tests edit the same copy of the content one after the other.
let content = ''
let out = ''
let url = ''
let child: ChildProcess | undefined
let printed = ''
let browser: BrowserContext | undefined
let page: Page | undefined
/** The article as the fixture has it, read before the tests edit it. */
let good = ''
const article = (): string => join(content, 'articles', '2019', '10', 'hoi-nghi-lang-nghe.md')

if (!chromiumPath) {
  console.warn(skipNotice)
  test.skip('should rebuild and reload the open page when an article is edited', () => {})
} else {
  shareChromium(test)
  test.before(async () => {
    content = await contentWith(undefined, { keepSiteArticles: true })
    good = await readFile(article(), 'utf8')
    const port = await freePort()
    out = join(content, '..', `${port}-dist`)
    child = spawn(process.execPath, [cliScript, 'serve', '--content', content, '--out', out, '--port', String(port)], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()))
    browser = await launchChromium(chromiumPath)
    url = `http://127.0.0.1:${port}/2019/10/hoi-nghi-lang-nghe/`
    await waitFor(async () => (await fetch(url)).ok, 60_000)
  })

  test.after(async () => {
    await browser?.close()
    if (child?.pid) process.kill(-child.pid, 'SIGTERM')
    await removeDir(out)
    await removeDir(content)
  })

  // The page stays open across both tests: a failed rebuild, then a good one with an edit.
  test("should show a failed rebuild's problems over the open page, the last good page under them", async () => {
    page = await browser!.newPage()
    await page.goto(url)
    const overlay = page.locator('toasoan-problems')
    assert.is(await overlay.count(), 0)
    assert.is(await page.locator('h1').innerText(), 'Hội nghị lắng nghe ý kiến người dân phường Điện Biên')
    await writeFile(article(), good.replace(/^locality: .*$/m, 'locality: tp-thanh-hao'))
    await overlay.waitFor({ timeout: 60_000 })
    // Playwright's locators reach into the overlay's (open) shadow root.
    const shown = await overlay.locator('ul').innerText()
    assert.is(await overlay.locator('h2').innerText(), 'Bản dựng lỗi: trang này vẫn là bản trước.')
    assert.match(shown, /hoi-nghi-lang-nghe\.md:\d+:\d+/)
    assert.match(shown, 'Unknown locality "tp-thanh-hao". Did you mean "tp-thanh-hoa"? [unknown-locality]')
    assert.match(shown, 'hint: Use an id from localities.yml')
    assert.is(await page.locator('h1').innerText(), 'Hội nghị lắng nghe ý kiến người dân phường Điện Biên', 'the last good page stays under it')
    assert.match(printed, /\[\d\d:\d\d:\d\d\] .*hoi-nghi-lang-nghe\.md changed: rebuilding…/)
    assert.match(printed, /\[\d\d:\d\d:\d\d\] the rebuild failed; the last good site is still served/)
  })

  // A good rebuild reloads the open pages the same way after a good build as after a failed one.
  test('should rebuild and reload the open page when an article is edited, clearing the problems, and log the rebuild', async () => {
    assert.ok(page, 'the page the test before opened')
    await writeFile(article(), good.replace('Hội nghị lắng nghe', 'Đối thoại lắng nghe'))
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.startsWith('Đối thoại'), undefined, { timeout: 60_000 })
    assert.is(await page.locator('h1').innerText(), 'Đối thoại lắng nghe ý kiến người dân phường Điện Biên')
    assert.is(await page.locator('toasoan-problems').count(), 0, 'the problems are gone')
    await waitFor(async () => /\[\d\d:\d\d:\d\d\] rebuilt in \d+\.\d s/.test(printed), 30_000)
    await page.close()
  })
}

test.run()
