import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { builtFixture } from '../../helpers/built-fixture.ts'
import { findChromium, launchChromium, shareChromium, serveStatic, skipNotice } from '../../helpers/browser.ts'

const test = suite('article page in a browser')
const chromiumPath = findChromium()
// The fixture site as built once for the test process, and a context of the process's Chromium per test.
let site: { origin: string; close: () => Promise<void> } | undefined

if (!chromiumPath) {
  console.warn(skipNotice)
  test.skip('should read completely with JavaScript off, on a phone, without layout overflow', () => {})
} else {
  shareChromium(test)
  test.before(async () => {
    site = await serveStatic(await builtFixture())
  })

  test.after(async () => {
    await site?.close()
  })

  test('should read completely with JavaScript off, on a phone, without layout overflow', async () => {
    const context = await launchChromium(chromiumPath, { javaScriptEnabled: false, viewport: { width: 375, height: 740 }, locale: 'vi-VN' })
    try {
      const page = await context.newPage()
      const failures: string[] = []
      page.on('requestfailed', (request) => failures.push(request.url()))
      page.on('response', (response) => {
        if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`)
      })
      await page.goto(`${site!.origin}/2019/10/hoi-nghi-lang-nghe/`, { waitUntil: 'load' })
      assert.is(await page.locator('h1').innerText(), 'Hội nghị lắng nghe ý kiến người dân phường Điện Biên')
      assert.is(await page.locator('html').getAttribute('lang'), 'vi')
      assert.match(await page.locator('.byline').innerText(), 'Thứ năm, 24/10/2019 - 09:15')
      const figure = page.locator('.article__body figure').first()
      await figure.scrollIntoViewIfNeeded()
      assert.match(await figure.locator('figcaption').innerText(), 'Ảnh: Tố Phương')
      for (const image of await page.locator('img').all()) await image.scrollIntoViewIfNeeded()
      await page.waitForFunction(() => [...document.images].every((image) => image.complete))
      const loaded = await page.evaluate(() => [...document.images].map((image) => image.naturalWidth > 0))
      assert.ok(loaded.length > 0 && loaded.every(Boolean), 'every image loads')
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      assert.is(overflow, 0, 'no horizontal scrolling on a 375 px phone')
      const border = await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).borderBottomStyle)
      assert.is(border, 'solid', 'the fingerprinted stylesheet applies')
      assert.equal(failures, [])
    } finally {
      await context.close()
    }
  })

  test('should fill "Tin mới" from the locality fragment when JavaScript runs', async () => {
    const context = await launchChromium(chromiumPath, { locale: 'vi-VN' })
    try {
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      await page.goto(`${site!.origin}/2019/10/hoi-nghi-lang-nghe/`)
      const latest = page.locator('[data-latest-news] .latest-news')
      await latest.waitFor({ timeout: 10_000 })
      assert.is(await latest.locator('h2').innerText(), 'Tin mới')
      assert.equal(
        await latest.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
        ['/2024/05/tieu-de-co-the-script/'],
        'the page being read is left out'
      )
      // The newer article lists the older one under "Tin liên quan": "Tin mới" does not repeat it.
      await page.goto(`${site!.origin}/2024/05/tieu-de-co-the-script/`, { waitUntil: 'networkidle' })
      assert.equal(await page.locator('.related a').evaluateAll((links) => links.map((link) => link.getAttribute('href'))), ['/2019/10/hoi-nghi-lang-nghe/'])
      await page.waitForFunction(() => document.querySelector('[data-latest-news]')?.innerHTML === '')
      assert.is(await page.locator('[data-latest-news] a').count(), 0, 'nothing left that the page does not already show')
      assert.equal(errors, [])
      // Chromium on Linux has no Web Share: the plain links stay, and "copy link" copies.
      assert.is(await page.locator('.share__link--native').count(), await page.evaluate(() => (typeof navigator.share === 'function' ? 1 : 0)))
      assert.ok((await page.locator('.share a[href^="https://www.facebook.com/sharer/"]').count()) === 1)
    } finally {
      await context.close()
    }
  })
}

test.run()
