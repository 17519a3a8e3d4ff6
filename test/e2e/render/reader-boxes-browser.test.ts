import { cp, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { mostRead } from '../../../src/most-read/most-read.ts'
import { parseWindows } from '../../../src/most-read/windows.ts'
import { builtFixture } from '../../helpers/built-fixture.ts'
import { findChromium, launchChromium, shareChromium, serveStatic, skipNotice } from '../../helpers/browser.ts'
import { fixtureSite, fixtures, removeDir, tempDir, testNow } from '../../helpers/fixtures.ts'

// "Đọc nhiều" and "Thời tiết" in Chromium: filled from their fragments with JavaScript, absent
// (and the page otherwise the same) without it or without the fragments, and nothing moving.
const test = suite('reader boxes in a browser')
const chromiumPath = findChromium()
const A = '/2019/10/hoi-nghi-lang-nghe/'
const B = '/2020/03/hai-tac-gia-va-dinh-chinh/'
const C = '/2024/05/tieu-de-co-the-script/'
const weather = {
  version: 1,
  places: [
    {
      locality: 'tp-thanh-hoa',
      name: 'TP. Thanh Hóa',
      days: [
        { date: '2026-11-26', label: 'Hôm nay', condition: 'Trời âm u', min: 18, max: 25, rain: 10 },
        { date: '2026-11-27', label: 'Ngày mai', condition: 'Mưa nhỏ', min: 18, max: 22, rain: 65 },
        { date: '2026-11-28', label: 'Thứ bảy 28/11', condition: 'Dông', min: 17, max: 20, rain: 90 },
      ],
    },
    { locality: 'hoang-hoa', name: 'Huyện Hoằng Hóa', days: [{ date: '2026-11-26', label: 'Hôm nay', condition: 'Trời quang', min: 18, max: 25, rain: 0 }] },
  ],
}
let work = ''
let full: { origin: string; close: () => Promise<void> } | undefined
let bare: { origin: string; close: () => Promise<void> } | undefined
/**
 * A reader with JavaScript and one without, each a context with one page that every test takes
 * and navigates: a new document per visit, which is what the tests look at, without a new window
 * and renderer per look (over a second of Chromium's CPU each).
 */
let reader: Page | undefined
let noScript: Page | undefined
/** Both contexts, closed in `after` whatever failed: one left open would keep the process's Chromium running. */
const contexts: BrowserContext[] = []
const desktop = { width: 1280, height: 800 }
const phone = { width: 390, height: 844 }

/** Opens a page of the site at a window size, as a new document. */
async function visit(page: Page, url: string, viewport = desktop): Promise<Page> {
  await page.setViewportSize(viewport)
  await page.goto(url)
  return page
}

/** The layout shifts of the page's document, and the classes of what moved, recorded from its start (see `before`). */
const shiftsOf = (page: Page): Promise<{ shifts: number[]; moved: string[] }> =>
  page.evaluate(() => {
    const { shifts, moved } = window as unknown as { shifts: number[]; moved: string[] }
    return { shifts, moved }
  })

const links = (page: Page, selector: string) => page.locator(`${selector} a`).evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')))

if (!chromiumPath) {
  console.warn(skipNotice)
  test.skip('should show "Đọc nhiều" and "Thời tiết" from their fragments', () => {})
} else {
  shareChromium(test)
  test.before(async () => {
    work = await tempDir('reader-boxes')
    const out = join(work, 'dist')
    // The fixture site built once for the process; the boxes need no build of their own.
    await cp(await builtFixture(), out, { recursive: true })
    // The same site without any fragment, as before `most-read` and `weather` first run.
    await cp(out, join(work, 'bare'), { recursive: true })
    const windows = parseWindows('24h,7d')
    assert.ok('windows' in windows)
    assert.ok(
      (await mostRead({ sources: [join(fixtures, 'most-read', 'nginx')], contentDir: fixtureSite, outDir: out, windows: windows.windows, now: testNow })).ok
    )
    // What `toasoan weather` writes (its own suite runs it against a recorded answer).
    await mkdir(join(out, 'thoi-tiet'), { recursive: true })
    await writeFile(join(out, 'thoi-tiet', 'index.json'), JSON.stringify(weather))
    full = await serveStatic(out)
    bare = await serveStatic(join(work, 'bare'))
    const withScript = await launchChromium(chromiumPath, { viewport: desktop, locale: 'vi-VN' })
    contexts.push(withScript)
    // Layout shifts from the start of every document, for the checks that nothing moves.
    await withScript.addInitScript(() => {
      const shifts: number[] = []
      const moved: string[] = []
      Object.assign(window, { shifts, moved })
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as Array<{ value: number; sources: Array<{ node?: Node | null }> }>) {
          shifts.push(entry.value)
          for (const source of entry.sources) moved.push(source.node instanceof Element ? source.node.className : String(source.node?.nodeName))
        }
      }).observe({ type: 'layout-shift', buffered: true })
    })
    reader = await withScript.newPage()
    const withoutScript = await launchChromium(chromiumPath, { javaScriptEnabled: false, viewport: desktop, locale: 'vi-VN' })
    contexts.push(withoutScript)
    noScript = await withoutScript.newPage()
  })

  test.after(async () => {
    for (const context of contexts) await context.close()
    await full?.close()
    await bare?.close()
    await removeDir(work)
  })

  test('should list the most read on an article page, itself left out, titles as text, the week a click away', async () => {
    const page = await visit(reader!, `${full!.origin}${A}`)
    const box = page.locator('.most-read')
    await box.locator('li').first().waitFor()
    assert.is(await box.locator('h2').textContent(), 'Đọc nhiều')
    assert.equal(await links(page, '.most-read ol:not([hidden])'), [C, B])
    assert.match((await box.locator(`ol:not([hidden]) a[href="${C}"]`).textContent()) ?? '', "<script>alert('x')</script>")
    assert.is(await box.locator('script').count(), 0)
    assert.equal(await box.locator('button').allTextContents(), ['24 giờ', '7 ngày'])
    await box.locator('button', { hasText: '7 ngày' }).click()
    assert.equal(await links(page, '.most-read ol:not([hidden])'), [B, C])
    assert.is(await box.locator('button[aria-pressed="true"]').textContent(), '7 ngày')
  })

  test('should show the front page its lists and the weather with a choice of place', async () => {
    const page = await visit(reader!, `${full!.origin}/`)
    await page.locator('.most-read li').first().waitFor()
    assert.equal(await links(page, '.most-read ol:not([hidden])'), [C, A, B])
    const weatherBox = page.locator('.weather')
    await weatherBox.locator('.weather__days li').first().waitFor()
    assert.is(await weatherBox.locator('h2').textContent(), 'Thời tiết')
    assert.equal(await weatherBox.locator('.weather__days li').allInnerTexts(), [
      'Hôm nay\nTrời âm u\n18–25 °C\nKhả năng mưa 10%',
      'Ngày mai\nMưa nhỏ\n18–22 °C\nKhả năng mưa 65%',
      'Thứ bảy 28/11\nDông\n17–20 °C\nKhả năng mưa 90%',
    ])
    await weatherBox.locator('select').selectOption('hoang-hoa')
    assert.equal(await weatherBox.locator('.weather__days li').allInnerTexts(), ['Hôm nay\nTrời quang\n18–25 °C\nKhả năng mưa 0%'])
  })

  test("should show a place's page its district's list and its own weather", async () => {
    const page = await visit(reader!, `${full!.origin}/dia-phuong/hoang-hoa/`)
    await page.locator('.most-read li').first().waitFor()
    assert.equal(await links(page, '.most-read ol:not([hidden])'), [B])
    await page.locator('.weather__days li').first().waitFor()
    assert.is(await page.locator('.weather__place').textContent(), 'Huyện Hoằng Hóa')
  })

  test('should move nothing on a phone where the boxes start below the first screen, and nothing above them anywhere', async () => {
    for (const path of [A, '/dia-phuong/tp-thanh-hoa/']) {
      const page = await visit(reader!, `${full!.origin}${path}`, phone)
      // A reader who reads the top a moment, then scrolls down half a screen at a time, each step
      // painted before the next.
      await page.waitForLoadState('networkidle')
      for (let step = 0; step < 12; step++) {
        await page.mouse.wheel(0, 422)
        await page.evaluate(() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))))
      }
      await page.locator('.most-read li').first().waitFor()
      assert.ok(await page.locator('.most-read').isVisible())
      const { shifts, moved } = await shiftsOf(page)
      assert.equal(shifts, [], `layout shifts on ${path}: ${moved.join(', ')}`)
    }
  })

  test("should reserve the boxes' room from the first paint: nothing moves when the fragments arrive in view", async () => {
    // The fixture's front page is one short screen: the boxes fill in view, the archive's years and
    // the footer below them. The fragments are held back until the page's layout has been measured.
    const page = reader!
    const fragments = /\/(doc-nhieu|thoi-tiet)\//
    for (const viewport of [desktop, phone]) {
      let release: () => void = () => {}
      const held = new Promise<void>((resolve) => (release = resolve))
      await page.route(fragments, async (route) => {
        await held
        await route.continue()
      })
      try {
        await visit(page, `${full!.origin}/`, viewport)
        await page.waitForLoadState('load')
        const layout = () =>
          page
            .locator('.most-read, .weather, .home-archive, .site-footer')
            .evaluateAll((parts) => parts.map((part) => `${part.className} ${JSON.stringify(part.getBoundingClientRect())}`))
        const before = await layout()
        assert.ok(await page.locator('.most-read').evaluate((box) => box.getBoundingClientRect().height > 300), "a full list's room is kept")
        assert.not.ok(await page.locator('.most-read').isVisible(), 'the empty frame is not seen')
        release()
        await page.locator('.most-read li').first().waitFor()
        await page.locator('.weather__days li').first().waitFor()
        assert.equal(await layout(), before, `${viewport.width}px`)
        assert.equal((await shiftsOf(page)).shifts, [], `${viewport.width}px`)
      } finally {
        release()
        await page.unroute(fragments)
      }
    }
  })

  test('should leave the page complete and show no box without JavaScript', async () => {
    for (const path of [A, '/', '/dia-phuong/hoang-hoa/']) {
      const page = await visit(noScript!, `${full!.origin}${path}`)
      assert.not.ok(await page.locator('.most-read').isVisible(), path)
      assert.not.ok(await page.locator('.weather').isVisible(), path)
      // No room kept either: the frames take no height, the page is laid out as without them.
      const heights = await page.locator('.most-read, .weather').evaluateAll((boxes) => boxes.map((box) => box.getBoundingClientRect().height))
      assert.ok(heights.length > 0 && heights.every((height) => height === 0), `${path}: ${heights.join(', ')}`)
      const text = await page.locator('body').innerText()
      assert.not.match(text, 'Đọc nhiều')
      assert.not.match(text, 'Thời tiết')
      if (path === A) assert.match(await page.locator('.article__body').innerText(), 'Hội nghị diễn ra')
    }
  })

  test('should show nothing, and change nothing else, when the fragments are missing', async () => {
    // Everything but the boxes is the same as on the page that has them.
    const outline = (target: Page) =>
      target.evaluate(() =>
        [...document.querySelectorAll('main h1, main h2, main p')].filter((node) => !node.closest('.most-read, .weather')).map((node) => node.textContent)
      )
    const withBoxes = await visit(reader!, `${full!.origin}${A}`)
    await withBoxes.locator('.most-read li').first().waitFor()
    const filled = await outline(withBoxes)
    const page = await visit(reader!, `${bare!.origin}${A}`)
    // The boxes near the top ask for their fragments at once; a failed fetch removes the box.
    await page.locator('.most-read').waitFor({ state: 'detached' })
    await page.locator('.weather').waitFor({ state: 'detached' })
    assert.is(await page.locator('.most-read').count(), 0, 'the empty box is removed')
    assert.is(await page.locator('.weather').count(), 0)
    assert.equal(await outline(page), filled)
  })
}

test.run()
