import { spawn } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { findChromium, launchChromium, skipNotice } from './helpers/browser.ts'
import { cliScript, contentWith, removeDir, root } from './helpers/fixtures.ts'

const test = suite('serve')
const chromiumPath = findChromium()

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`timed out after ${timeoutMs} ms`)
}

if (!chromiumPath) {
  console.warn(skipNotice)
  test.skip('should rebuild and reload the open page when an article is edited', () => {})
} else {
  test('should rebuild and reload the open page when an article is edited', async () => {
    const content = await contentWith(undefined, { keepSiteArticles: true })
    const port = await freePort()
    const child = spawn(process.execPath, [cliScript, 'serve', '--content', content, '--out', join(content, '..', `${port}-dist`), '--port', String(port)], {
      cwd: root,
      detached: true,
      stdio: 'ignore',
    })
    const browser = await launchChromium(chromiumPath)
    try {
      const url = `http://127.0.0.1:${port}/2019/10/hoi-nghi-lang-nghe/`
      await waitFor(async () => (await fetch(url)).ok, 60_000)
      const page = await browser.newPage()
      await page.goto(url)
      assert.is(await page.locator('h1').innerText(), 'Hội nghị lắng nghe ý kiến người dân phường Điện Biên')
      const file = join(content, 'articles', '2019', '10', 'hoi-nghi-lang-nghe.md')
      await writeFile(file, (await readFile(file, 'utf8')).replace('Hội nghị lắng nghe', 'Đối thoại lắng nghe'))
      await page.waitForFunction(() => document.querySelector('h1')?.textContent?.startsWith('Đối thoại'), undefined, { timeout: 60_000 })
      assert.is(await page.locator('h1').innerText(), 'Đối thoại lắng nghe ý kiến người dân phường Điện Biên')
    } finally {
      await browser.close()
      if (child.pid) process.kill(-child.pid, 'SIGTERM')
      await removeDir(join(content, '..', `${port}-dist`))
      await removeDir(content)
    }
  })

  test("should show a failed rebuild's problems over the open page, clear them on the next good build, and log each rebuild", async () => {
    const content = await contentWith(undefined, { keepSiteArticles: true })
    const port = await freePort()
    const out = join(content, '..', `${port}-dist`)
    const child = spawn(process.execPath, [cliScript, 'serve', '--content', content, '--out', out, '--port', String(port)], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let printed = ''
    child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()))
    const browser = await launchChromium(chromiumPath)
    try {
      const url = `http://127.0.0.1:${port}/2019/10/hoi-nghi-lang-nghe/`
      await waitFor(async () => (await fetch(url)).ok, 60_000)
      const page = await browser.newPage()
      await page.goto(url)
      const overlay = page.locator('toasoan-problems')
      assert.is(await overlay.count(), 0)
      const file = join(content, 'articles', '2019', '10', 'hoi-nghi-lang-nghe.md')
      const good = await readFile(file, 'utf8')
      await writeFile(file, good.replace(/^locality: .*$/m, 'locality: tp-thanh-hao'))
      await overlay.waitFor({ timeout: 60_000 })
      // Playwright's locators reach into the overlay's (open) shadow root.
      const shown = await overlay.locator('ul').innerText()
      assert.is(await overlay.locator('h2').innerText(), 'Bản dựng lỗi: trang này vẫn là bản trước.')
      assert.match(shown, /hoi-nghi-lang-nghe\.md:\d+:\d+/)
      assert.match(shown, 'Unknown locality "tp-thanh-hao". Did you mean "tp-thanh-hoa"? [unknown-locality]')
      assert.match(shown, 'hint: Use an id from localities.yml')
      assert.is(await page.locator('h1').innerText(), 'Hội nghị lắng nghe ý kiến người dân phường Điện Biên', 'the last good page stays under it')
      assert.match(printed, /\[\d\d:\d\d:\d\d\] .*hoi-nghi-lang-nghe\.md changed: rebuilding…/)
      await writeFile(file, good)
      await overlay.waitFor({ state: 'detached', timeout: 60_000 })
      await waitFor(async () => /\[\d\d:\d\d:\d\d\] rebuilt in \d+\.\d s/.test(printed), 30_000)
    } finally {
      await browser.close()
      if (child.pid) process.kill(-child.pid, 'SIGTERM')
      await removeDir(out)
      await removeDir(content)
    }
  })
}

test.run()
