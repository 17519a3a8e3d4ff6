import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { build } from '../../../src/pipeline/build.ts'
import { findChromium, launchChromium, serveStatic, shareChromium, skipNotice } from '../../helpers/browser.ts'
import { contentWith, fixtures, removeDir, tempDir, testNow } from '../../helpers/fixtures.ts'

const test = suite('search page in a browser')
const chromiumPath = findChromium()
let work = ''
let content = ''
let site: { origin: string; close: () => Promise<void> } | undefined
let browser: BrowserContext | undefined
/**
 * The one page every test navigates (a new document each time): a page of its own per test is a
 * new window and renderer in Chromium, over a second of CPU each.
 */
let shared: Page | undefined

/** The shared page, rid of what an earlier test left on it: its request listeners and routes. */
async function takePage(): Promise<Page> {
  const page = shared!
  await page.unrouteAll()
  page.removeAllListeners('request')
  return page
}

async function search(page: Page, query: string, extra = ''): Promise<{ status: string; titles: string[]; metas: string[]; excerpts: string[] }> {
  await page.goto(`${site!.origin}/tim-kiem/?q=${encodeURIComponent(query)}${extra}`)
  return results(page)
}

/**
 * Searches again from the page already open, as a reader does: the query typed into the search
 * page's own box and submitted (no new document, so Pagefind and the bundles it opened stay loaded).
 */
async function searchAgain(page: Page, query: string): Promise<{ status: string; titles: string[]; metas: string[]; excerpts: string[] }> {
  await page.fill('#tim-kiem-q', query)
  await page.press('#tim-kiem-q', 'Enter')
  await page.waitForFunction(
    (typed) => new URL(location.href).searchParams.get('q') === typed && document.querySelector('[data-search]')?.getAttribute('data-state') === 'done',
    query
  )
  return results(page)
}

async function results(page: Page): Promise<{ status: string; titles: string[]; metas: string[]; excerpts: string[] }> {
  // Every bundle has answered (the newest answers first, older ones stream in).
  await page.waitForSelector('[data-search][data-state="done"]')
  return {
    status: await page.locator('[role="status"]').innerText(),
    titles: await page.locator('.search-result__title').allInnerTexts(),
    metas: await page.locator('.search-result__meta').allInnerTexts(),
    excerpts: await page.locator('.search-result__excerpt').evaluateAll((nodes) => nodes.map((node) => node.innerHTML)),
  }
}

/** The year of a result's meta line ("24/10/2019 - 09:15 · …"). */
const yearOf = (meta: string): number => Number(/\/(\d{4}) -/.exec(meta)?.[1])

if (!chromiumPath) {
  console.warn(skipNotice)
  test.skip('should find articles typed without diacritics', () => {})
} else {
  shareChromium(test)
  test.before(async () => {
    work = await tempDir('search')
    content = await contentWith(join(fixtures, 'search'), { keepSiteArticles: true })
    // Two articles per bundle: five bundles of nine articles, the newest answering first and four merged behind it.
    const result = await build({
      contentDir: content,
      outDir: join(work, 'dist'),
      cacheDir: join(work, 'cache'),
      now: testNow,
      log: () => {},
      searchBundleSize: 2,
    })
    assert.ok(result.ok)
    site = await serveStatic(join(work, 'dist'))
    browser = await launchChromium(chromiumPath, { locale: 'vi-VN' })
    shared = await browser.newPage()
  })

  test.after(async () => {
    await browser?.close()
    await site?.close()
    await removeDir(work)
    await removeDir(content)
  })

  test('should put the expected article first for "cong an thanh hoa"', async () => {
    const page = await takePage()
    const found = await search(page, 'cong an thanh hoa')
    assert.is(found.titles[0], 'Công an TP Thanh Hóa ra quân bảo đảm trật tự giao thông')
    assert.match(found.status, /^Tìm thấy \d+ kết quả cho “cong an thanh hoa”$/)
    assert.match(found.excerpts[0] ?? '', /<mark>Công an<\/mark> TP <mark>Thanh Hóa<\/mark>/, 'the excerpt shows the original diacritics')
  })

  test('should find đ words typed with d: duong, da nang, hdnd, dong chi', async () => {
    const page = await takePage()
    const road = await search(page, 'duong')
    assert.ok(road.titles.includes('Hoằng Hóa mở rộng đường liên xã'), road.titles.join(' | '))
    assert.ok(
      road.excerpts.some((excerpt) => excerpt.includes('<mark>đường</mark>')),
      road.excerpts.join(' | ')
    )
    const city = await searchAgain(page, 'da nang')
    assert.is(city.titles[0], 'Du khách phương Nam đổ về biển Hoằng Hóa')
    assert.match(city.excerpts[0] ?? '', '<mark>Đà Nẵng</mark>')
    const council = await searchAgain(page, 'hdnd')
    assert.is(council.titles[0], 'Kỳ họp cuối năm của HĐND thành phố')
    assert.match(council.excerpts[0] ?? '', '<mark>HĐND</mark>')
    // "chi" is a prefix (search as you type): the newest bundle's article ("đồng", "chính…") is
    // shown first, as it answers first; the article holding "đồng chí" comes with its bundle.
    const comrade = await searchAgain(page, 'dong chi')
    assert.ok(comrade.titles.includes('Kỳ họp cuối năm của HĐND thành phố'), comrade.titles.join(' | '))
    const food = await searchAgain(page, 'dac san')
    assert.is(food.titles[0], 'Nem chua vào mùa Tết')
    assert.match(food.excerpts[0] ?? '', '<mark>đặc sản</mark>')
  })

  test('should keep queries with diacritics working', async () => {
    const page = await takePage()
    const exact = await search(page, 'Đà Nẵng')
    assert.is(exact.titles[0], 'Du khách phương Nam đổ về biển Hoằng Hóa')
    const road = await searchAgain(page, 'đường')
    assert.ok(road.titles.includes('Hoằng Hóa mở rộng đường liên xã'))
    const none = await searchAgain(page, 'xyzzy')
    assert.match(none.status, 'Không tìm thấy kết quả nào cho “xyzzy”')
  })

  test('should narrow results with the locality filter, ancestors included', async () => {
    const page = await takePage()
    const all = await search(page, 'duong')
    const district = await search(page, 'duong', '&dia-phuong=hoang-hoa')
    assert.ok(district.titles.length > 0 && district.titles.length < all.titles.length, `${district.titles.length} of ${all.titles.length}`)
    assert.ok(
      district.metas.every((meta) => meta.includes('Huyện Hoằng Hóa')),
      district.metas.join(' | ')
    )
    assert.is(await page.locator('select[name="dia-phuong"]').inputValue(), 'hoang-hoa')
    assert.is(await page.locator('select[name="dia-phuong"] option:checked').innerText(), 'Huyện Hoằng Hóa', 'the id shows as its name')
    const byName = await search(page, 'duong', `&dia-phuong=${encodeURIComponent('Huyện Hoằng Hóa')}`)
    assert.equal(byName.titles, district.titles, 'an old link by name filters the same')
    assert.match(page.url(), /[?&]dia-phuong=hoang-hoa(&|$)/, 'and its URL now carries the id')
    const writer = await search(page, 'duong', '&tac-gia=minh-duc')
    assert.ok(
      writer.titles.length > 0 &&
        writer.titles.every((title) =>
          ['Hoằng Hóa mở rộng đường liên xã', 'Kỳ họp cuối năm của HĐND thành phố', 'Trường học trao thưởng cho học sinh giỏi cuối năm'].includes(title)
        ),
      writer.titles.join(' | ')
    )
    const writerByName = await search(page, 'duong', `&tac-gia=${encodeURIComponent('Minh Đức')}`)
    assert.equal(writerByName.titles, writer.titles)
    const author = page.locator('select[name="tac-gia"]')
    await author.focus()
    await page.waitForFunction(() => (document.querySelector<HTMLSelectElement>('select[name="tac-gia"]')?.options.length ?? 0) > 1)
    await page.waitForFunction(() =>
      [...(document.querySelector<HTMLSelectElement>('select[name="tac-gia"]')?.options ?? [])].some((option) => option.text.includes('('))
    )
    assert.ok((await author.locator('option').allInnerTexts()).includes('Lan Anh (3)'), 'counts load when the reader reaches for the filter')
    const city = await search(page, 'cong an', '&dia-phuong=tp-thanh-hoa')
    assert.ok(
      city.metas.some((meta) => meta.includes('Phường Điện Biên')),
      'a city filter finds its wards'
    )
  })

  test('should show an unknown filter value as such, and not filter by it', async () => {
    const page = await takePage()
    const found = await search(page, 'cong an', '&dia-phuong=khong-co-dau')
    assert.ok(found.titles.length > 0)
    assert.match(found.status, 'Bộ lọc “khong-co-dau” không có trong kho nên chưa được áp dụng.')
    assert.is(await page.locator('select[name="dia-phuong"] option:checked').innerText(), '“khong-co-dau” (không có)')
  })

  test('should find a word that only the oldest article holds, with a plain search, opening only its bundle', async () => {
    const page = await takePage()
    const fetched = new Set<string>()
    page.on('request', (request) => void fetched.add(/^\/pagefind\/[^/]+\//.exec(new URL(request.url()).pathname)?.[0] ?? ''))
    const found = await search(page, 'xam')
    assert.equal(found.titles, ['Nghệ nhân giữ tiếng hát ở chợ quê'], 'and nothing else: not the "xã" of bundles without the word')
    assert.ok(found.excerpts.some((excerpt) => excerpt.includes('<mark>xẩm</mark>')))
    const bundles = JSON.parse((await page.locator('[data-search]').getAttribute('data-bundles')) ?? '[]') as string[]
    fetched.delete('')
    assert.equal(
      [...fetched].sort(),
      [bundles[0], bundles.at(-1), '/pagefind/words/'].sort(),
      'the newest bundle, the routes, and the one bundle that holds the word'
    )
    // The same word typed with its marks, and a word no article holds, open no other bundle.
    fetched.clear()
    assert.equal((await search(page, 'xẩm')).titles, ['Nghệ nhân giữ tiếng hát ở chợ quê'])
    assert.match((await search(page, 'xyzzy')).status, 'Không tìm thấy kết quả nào')
    fetched.delete('')
    assert.equal([...fetched].sort(), [bundles[0], bundles.at(-1), '/pagefind/words/'].sort())
  })

  test('should match the last word as a prefix, in capitals too, and route phrases to the bundles holding every word', async () => {
    const page = await takePage()
    const fetched = new Set<string>()
    page.on('request', (request) => void fetched.add(/^\/pagefind\/[^/]+\//.exec(new URL(request.url()).pathname)?.[0] ?? ''))
    await page.goto(`${site!.origin}/tim-kiem/`)
    const bundles = JSON.parse((await page.locator('[data-search]').getAttribute('data-bundles')) ?? '[]') as string[]
    // The state right after a new bundle starts: the newest bundle holds one article, so these
    // queries are answered by the older bundles the routes open.
    const entry = (await page.evaluate(async (url) => (await fetch(url)).json(), `${bundles[0]}pagefind-entry.json`)) as {
      languages: Record<string, { page_count: number }>
    }
    assert.equal(
      Object.values(entry.languages).map((language) => language.page_count),
      [1],
      'the newest bundle is nearly empty'
    )
    fetched.clear()
    // Typed halfway, in capitals, without marks: a word of the oldest article only.
    for (const query of ['DACSANDUDU', 'dacsan']) {
      assert.equal((await search(page, query)).titles, ['Nghệ nhân giữ tiếng hát ở chợ quê'], query)
    }
    fetched.delete('')
    assert.equal([...fetched].sort(), [bundles[0], bundles.at(-1), '/pagefind/words/'].sort(), 'a prefix opens only the bundles holding a word it starts')
    // Two words: only the older bundles holding both are opened ("cho" alone is in many).
    fetched.clear()
    const phrase = await search(page, 'cho que')
    assert.equal(phrase.titles, ['Nghệ nhân giữ tiếng hát ở chợ quê'])
    fetched.delete('')
    const older = [...fetched].filter((bundle) => bundle !== bundles[0] && bundle !== '/pagefind/words/')
    assert.equal(older, [bundles.at(-1)], 'the phrase opens the one older bundle holding both words')
  })

  test('should show the newest bundle first and add older results below, the order kept, saying it is still searching', async () => {
    const page = await takePage()
    // The newest article has "cuối năm" in its headline; an older one too.
    const final = await search(page, 'cuoi nam')
    // The older bundles (all but the newest) answer late.
    const bundles = JSON.parse((await page.locator('[data-search]').getAttribute('data-bundles')) ?? '[]') as string[]
    assert.ok(bundles.length > 2, 'several bundles')
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route(
      (url) => bundles.slice(1).some((bundle) => url.pathname.startsWith(bundle)),
      async (route) => {
        await held
        await route.continue()
      }
    )
    await page.goto(`${site!.origin}/tim-kiem/?q=cuoi+nam`)
    await page.waitForFunction(() => (document.querySelector('[role="status"]')?.textContent ?? '').includes('Đang tìm thêm trong các bài cũ hơn'))
    await page.waitForSelector('.search-result__title')
    assert.is(await page.locator('[data-search]').getAttribute('data-state'), 'searching')
    const early = await page.locator('.search-result__title').allInnerTexts()
    assert.equal(early, ['Trường học trao thưởng cho học sinh giỏi cuối năm'], 'the newest bundle answers alone first')
    release()
    const late = await results(page)
    assert.equal(late.titles.slice(0, early.length), early, 'what was shown stays on top, in order')
    assert.equal(late.titles, final.titles, 'and the whole list ends as one search would show it')
    assert.ok(late.titles.includes('Kỳ họp cuối năm của HĐND thành phố'), 'older results are added below')
  })

  test('should stream older results in batches, newest first, before the oldest bundles have answered, with one Pagefind and one WebAssembly', async () => {
    const page = await takePage()
    const requested: string[] = []
    page.on('request', (request) => void requested.push(new URL(request.url()).pathname))
    await page.goto(`${site!.origin}/tim-kiem/`)
    const bundles = JSON.parse((await page.locator('[data-search]').getAttribute('data-bundles')) ?? '[]') as string[]
    // The oldest bundle (2006, the only one of the last batch for "nam") answers late.
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const oldest = bundles.at(-1) ?? ''
    // The search that follows is a new page: what the first one preloaded does not count.
    requested.length = 0
    await page.route(
      (url) => url.pathname.startsWith(oldest),
      async (route) => {
        await held
        await route.continue()
      }
    )
    await page.goto(`${site!.origin}/tim-kiem/?q=nam`)
    await page.waitForFunction(() => document.querySelectorAll('.search-result__title').length >= 3)
    assert.is(await page.locator('[data-search]').getAttribute('data-state'), 'searching', 'the oldest bundle has not answered yet')
    const early = await page.locator('.search-result__title').allInnerTexts()
    assert.is(early[0], 'Trường học trao thưởng cho học sinh giỏi cuối năm', "the newest bundle's one article first")
    assert.not.ok(early.includes('Nghệ nhân giữ tiếng hát ở chợ quê'), 'nothing of the held bundle yet')
    release()
    const late = await results(page)
    assert.equal(late.titles.slice(0, early.length), early, 'what was shown stays on top, in order')
    const years = late.metas.map(yearOf)
    assert.equal(years.slice(-2).sort(), [2006, 2019], 'the oldest bundle adds its articles below the rest')
    const named = (pattern: RegExp) => requested.filter((path) => pattern.test(path))
    assert.equal(named(/\/pagefind\.js$/), [`${bundles[0]}pagefind.js`], 'pagefind.js once, from the newest bundle')
    assert.equal(named(/\.pagefind$/), [`${bundles[0]}wasm.unknown.pagefind`], 'its WebAssembly once, for every bundle')
    assert.equal(named(/pagefind-worker\.js$/), [], 'no worker')
    const opened = named(/pagefind-entry\.json$/).map((path) => path.replace(/pagefind-entry\.json$/, ''))
    assert.equal(opened, [...new Set(opened)], 'each bundle opened once')
    assert.ok(opened.includes(oldest) && opened[0] === bundles[0], opened.join(' '))
  })

  test('should ask for the routes of a query before Pagefind has loaded', async () => {
    const page = await takePage()
    await page.goto(`${site!.origin}/tim-kiem/`)
    const bundles = JSON.parse((await page.locator('[data-search]').getAttribute('data-bundles')) ?? '[]') as string[]
    // pagefind.js is held until the routes are asked for (or 5 s have passed).
    let asked: () => void = () => {}
    const routesAsked = new Promise<boolean>((resolve) => {
      asked = () => resolve(true)
      setTimeout(() => resolve(false), 5_000)
    })
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/pagefind/words/')) asked()
    })
    await page.route(
      (url) => url.pathname === `${bundles[0]}pagefind.js`,
      async (route) => {
        await routesAsked
        await route.continue()
      }
    )
    await page.goto(`${site!.origin}/tim-kiem/?q=nghe+nhan`)
    assert.ok(await routesAsked, 'the routes were asked for while pagefind.js was on its way')
    const found = await results(page)
    assert.ok(found.titles.includes('Nghệ nhân giữ tiếng hát ở chợ quê'), found.titles.join(' | '))
  })

  test("should search a rare word's older bundle beside the first step, not after it", async () => {
    const page = await takePage()
    await page.goto(`${site!.origin}/tim-kiem/`)
    const bundles = JSON.parse((await page.locator('[data-search]').getAttribute('data-bundles')) ?? '[]') as string[]
    const oldest = bundles.at(-1) ?? ''
    // "xẩm" is in the oldest bundle alone: its index is asked for while the newest's is held
    // (or 5 s pass).
    let asked: () => void = () => {}
    const oldestAsked = new Promise<boolean>((resolve) => {
      asked = () => resolve(true)
      setTimeout(() => resolve(false), 5_000)
    })
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith(`${oldest}index/`)) asked()
    })
    await page.route(
      (url) => url.pathname.startsWith(`${bundles[0]}index/`),
      async (route) => {
        await oldestAsked
        await route.continue()
      }
    )
    await page.goto(`${site!.origin}/tim-kiem/?q=xam`)
    assert.ok(await oldestAsked, "the oldest bundle's index was asked for before the newest bundle had answered")
    const found = await results(page)
    assert.equal(found.titles, ['Nghệ nhân giữ tiếng hát ở chợ quê'])
  })

  test("should fetch the newest bundle's pagefind.js, entry, metadata and WebAssembly once each, from the page's preloads", async () => {
    const page = await takePage()
    await search(page, 'cong an')
    const bundles = JSON.parse((await page.locator('[data-search]').getAttribute('data-bundles')) ?? '[]') as string[]
    const first = JSON.parse((await page.locator('[data-search]').getAttribute('data-first')) ?? '[]') as Array<{ url: string; stamp: string }>
    const newest = bundles[0] ?? ''
    assert.equal(
      first.map(({ url }) => url),
      [newest],
      'bundles of two: the newest alone first'
    )
    const stamp = first[0]?.stamp ?? ''
    assert.match(stamp, /^[0-9a-f]{16}$/)
    const preloads = await page
      .locator('head link[rel="preload"], head link[rel="modulepreload"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')))
    assert.equal(preloads.slice(0, 4), [
      `${newest}pagefind.js`,
      `${newest}pagefind-entry.json?ts=${stamp}`,
      `${newest}pagefind.${stamp}.pf_meta`,
      `${newest}wasm.unknown.pagefind`,
    ])
    // Resource Timing lists a preload the script then used once; a fetch that missed it would add a second entry.
    const entries = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name.replace(location.origin, '')))
    for (const href of preloads) assert.is(entries.filter((name) => name === href).length, 1, `${href} fetched once`)
    assert.equal(
      entries.filter((name) => name.includes(`${newest}pagefind-entry.json`)),
      [`${newest}pagefind-entry.json?ts=${stamp}`],
      'the entry asked for with the stamp only'
    )
    // The older bundles "cong an" opens: each entry asked for with its key from the routes, the first batch's preloaded.
    const routes = JSON.parse(await (await fetch(`${site!.origin}/pagefind/words/index.json`)).text()) as { bundles: string[]; tags: string[] }
    const older = entries.filter((name) => /pagefind-entry\.json/.test(name) && !name.startsWith(newest))
    assert.ok(older.length > 0, 'older bundles were opened')
    for (const name of older) {
      const bundle = name.replace(/pagefind-entry\.json.*$/, '')
      assert.is(name, `${bundle}pagefind-entry.json?ts=${routes.tags[routes.bundles.indexOf(bundle)]}`)
    }
  })

  test('should ask the bundle before a one-article newest bundle in the first step, its entry preloaded, each bundle its own group', async () => {
    // The same nine articles in bundles of eight: the newest holds the newest article alone.
    const out = join(work, 'dist-tens')
    const result = await build({ contentDir: content, outDir: out, cacheDir: join(work, 'cache-tens'), now: testNow, log: () => {}, searchBundleSize: 8 })
    assert.ok(result.ok)
    const tens = await serveStatic(out)
    try {
      const page = await takePage()
      await page.goto(`${tens.origin}/tim-kiem/?q=${encodeURIComponent('cong an')}`)
      const found = await results(page)
      const first = JSON.parse((await page.locator('[data-search]').getAttribute('data-first')) ?? '[]') as Array<{ url: string; stamp: string }>
      assert.equal(
        first.map(({ url }) => url),
        ['/pagefind/1/', '/pagefind/0/']
      )
      assert.ok(
        found.titles.includes('Công an TP Thanh Hóa ra quân bảo đảm trật tự giao thông'),
        `the older bundle's hits, from the first step: ${found.titles.join(' | ')}`
      )
      const entries = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name.replace(location.origin, '')))
      for (const { url, stamp } of first) {
        assert.equal(
          entries.filter((name) => name.startsWith(`${url}pagefind-entry.json`)),
          [`${url}pagefind-entry.json?ts=${stamp}`],
          `${url}: its entry once, as preloaded`
        )
        assert.equal(
          entries.filter((name) => name.startsWith(url) && name.endsWith('.pf_meta')),
          [`${url}pagefind.${stamp}.pf_meta`],
          `${url}: its metadata once, named by the stamp, as preloaded`
        )
      }
      // "duong": the newest article's "tuyên dương" comes first, its group before the bundle before it.
      await page.goto(`${tens.origin}/tim-kiem/?q=duong`)
      const road = await results(page)
      assert.is(road.titles[0], 'Trường học trao thưởng cho học sinh giỏi cuối năm', road.titles.join(' | '))
      assert.ok(road.titles.length > 2, "and the older bundle's hits below")
    } finally {
      await tens.close()
    }
  })

  test('should search older bundles as the reader asks for more, once the results fill a page', async () => {
    const page = await takePage()
    const opened = (paths: readonly string[]) => new Set(paths.filter((path) => path.endsWith('pagefind-entry.json')))
    const requested: string[] = []
    page.on('request', (request) => void requested.push(new URL(request.url()).pathname))
    const whole = await search(page, 'duong')
    const wholeOpened = opened(requested)
    assert.ok(whole.titles.length > 2 && wholeOpened.size > 2, `enough hits and bundles to pause: ${whole.titles.join(' | ')}`)
    // Pages of one result instead of ten: the newest bundle's hit fills the first.
    await page.route(
      (url) => url.pathname === '/tim-kiem/',
      async (route) => {
        const response = await route.fetch()
        await route.fulfill({ response, body: (await response.text()).replace('data-page-size="10"', 'data-page-size="1"') })
      }
    )
    requested.length = 0
    const paused = await search(page, 'duong')
    assert.match(paused.status, /^Tìm thấy ít nhất 1 kết quả cho “duong” trong các bài mới hơn$/)
    assert.equal(paused.titles, whole.titles.slice(0, 1), 'the same first result')
    assert.ok(opened(requested).size < wholeOpened.size, `fewer bundles opened: ${[...opened(requested)].join(' ')}`)
    const more = page.locator('.search-more')
    for (let clicks = 0; clicks < 10 && (await more.isVisible()); clicks++) {
      const shown = (await page.locator('.search-result__title').count()) + (await page.locator('[role="status"]').innerText()).length
      await more.click()
      await page.waitForFunction(
        (before) =>
          document.querySelectorAll('.search-result__title').length + (document.querySelector('[role="status"]')?.textContent ?? '').length !== before &&
          document.querySelector('[data-search]')?.getAttribute('data-state') === 'done',
        shown
      )
    }
    const all = await results(page)
    assert.equal(all.titles, whole.titles, 'every result in the end, in the same order')
    assert.is(all.status, whole.status)
    assert.equal(opened(requested), wholeOpened, 'and every bundle the whole search opened')
  })

  test('should rank headline and lead matches first within each batch, batches newest first, and not repeat the headline in the excerpt', async () => {
    const page = await takePage()
    const road = await search(page, 'duong')
    // Bundles of two articles: the newest bundle (2024-09) answers alone and is shown at once, then
    // the batches of older bundles, newest first: [2024-03, 2024-05], [2020–2023], [2006, 2019].
    assert.is(road.titles[0], 'Trường học trao thưởng cho học sinh giỏi cuối năm', 'the newest bundle\'s hit ("tuyên dương") at once')
    assert.is(road.titles[1], "Cảnh giác với <script>alert('x')</script> trong tin nhắn lừa đảo", 'the next bundle: "đường link" in its lead')
    const years = road.metas.map(yearOf)
    const batch = years.flatMap((year, index) => (year >= 2020 && year <= 2023 ? [index] : []))
    assert.ok(batch.length > 1, road.titles.join(' | '))
    assert.equal(
      batch,
      Array.from({ length: batch.length }, (_, offset) => (batch[0] ?? 0) + offset),
      "a batch's hits together"
    )
    // Within the batch of 2020–2023: the headline first, then the body matches, newest first.
    assert.is(road.titles[batch[0] ?? -1], 'Hoằng Hóa mở rộng đường liên xã', road.titles.join(' | '))
    const bodyYears = batch.slice(1).map((index) => years[index] ?? 0)
    assert.equal(
      bodyYears,
      [...bodyYears].sort((a, b) => b - a),
      road.titles.join(' | ')
    )
    assert.ok(
      years.slice((batch.at(-1) ?? 0) + 1).every((year) => year < 2020),
      'the oldest batch below'
    )
    assert.match(road.excerpts[batch[0] ?? -1] ?? '', /^Tuyến <mark>đường<\/mark> liên xã/, 'the excerpt starts below the headline')
  })

  test('should rank words spelled as typed before those matching only without marks, then newer first, within a bundle', async () => {
    const page = await takePage()
    // "nghệ": "văn nghệ" in a 2024 body is in the newest bundle, shown at once. The oldest bundle
    // holds "Nghệ nhân" (2006 headline), spelled as typed, and "lắng nghe" (2019 headline), a match
    // only once folded: within that bundle the one spelled as typed comes first, older as it is.
    const typed = await search(page, 'nghệ')
    assert.equal(
      typed.titles,
      ['Trường học trao thưởng cho học sinh giỏi cuối năm', 'Nghệ nhân giữ tiếng hát ở chợ quê', 'Hội nghị lắng nghe ý kiến người dân phường Điện Biên'],
      typed.titles.join(' | ')
    )
    // "nghe" typed without marks: every spelling is as typed; within the oldest bundle both are
    // headlines, and the newer (2019) comes first.
    const plain = await search(page, 'nghe')
    assert.equal(
      plain.titles,
      ['Trường học trao thưởng cho học sinh giỏi cuối năm', 'Hội nghị lắng nghe ý kiến người dân phường Điện Biên', 'Nghệ nhân giữ tiếng hát ở chợ quê'],
      plain.titles.join(' | ')
    )
  })

  test('should keep the query in the URL, and go back to the previous search', async () => {
    const page = await takePage()
    await search(page, 'hdnd')
    await page.locator('#tim-kiem-q').fill('da nang')
    await page.locator('#tim-kiem-q').press('Enter')
    await page.waitForURL(/q=da\+nang/)
    assert.is((await results(page)).titles[0], 'Du khách phương Nam đổ về biển Hoằng Hóa')
    await page.goBack()
    await page.waitForURL(/q=hdnd/)
    await page.waitForFunction(() => document.querySelector('.search-result__title')?.textContent === 'Kỳ họp cuối năm của HĐND thành phố')
    assert.is(await page.locator('#tim-kiem-q').inputValue(), 'hdnd')
    await page.locator('select[name="sap-xep"]').selectOption('moi-nhat')
    await page.waitForURL(/sap-xep=moi-nhat/)
  })

  test('should sort newest first on request', async () => {
    const page = await takePage()
    const newest = await search(page, 'duong', '&sap-xep=moi-nhat')
    const years = newest.metas.map(yearOf)
    assert.ok(years.length > 1)
    assert.equal(
      years,
      [...years].sort((a, b) => b - a)
    )
  })

  test('should reach the search page from any page without JavaScript, and say how to browse instead', async () => {
    // A second context of the process's one browser, not a second Chromium.
    const noScript = await launchChromium(chromiumPath, { javaScriptEnabled: false })
    try {
      const page = await noScript.newPage()
      await page.goto(`${site!.origin}/2019/10/hoi-nghi-lang-nghe/`)
      await page.locator('#search-q').fill('duong')
      await page.locator('#search-q').press('Enter')
      await page.waitForURL(/\/tim-kiem\/\?q=duong$/)
      assert.match(await page.locator('main').innerText(), 'Tìm kiếm cần JavaScript. Bạn vẫn có thể xem tin theo địa phương:')
      assert.is((await page.locator('main noscript a, main a[href="/dia-phuong/thanh-hoa/"]').count()) > 0, true)
    } finally {
      await noScript.close()
    }
  })
}

test.run()
