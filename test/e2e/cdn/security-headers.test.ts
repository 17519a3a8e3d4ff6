import { readFile, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import sirv from 'sirv'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { build } from '../../../src/pipeline/build.ts'
import { contentSecurityPolicy } from '../../../templates/cdn/security-headers.ts'
import { findChromium, launchChromium, shareChromium, skipNotice } from '../../helpers/browser.ts'
import { startCommentEndpoint, type CommentEndpoint } from '../../helpers/comment-endpoint.ts'
import { contentWith, removeDir, tempDir, testNow } from '../../helpers/fixtures.ts'

const test = suite('security-headers')
const chromiumPath = findChromium()

test('should build the CSP from site.yml: embeds, the comment endpoint and WebAssembly for search', () => {
  const policy = contentSecurityPolicy({ commentEndpoint: 'https://comments.example/v3/entry/x', embedHosts: ['www.youtube-nocookie.com'] })
  assert.match(policy, "script-src 'self' 'wasm-unsafe-eval';")
  assert.match(policy, "connect-src 'self' https://comments.example;")
  assert.match(policy, "form-action 'self' https://comments.example;")
  assert.match(policy, 'frame-src https://www.youtube-nocookie.com;')
  assert.match(policy, "frame-ancestors 'self'")
  assert.not.match(policy, 'unsafe-inline')
  assert.match(contentSecurityPolicy({ embedHosts: [] }), "frame-src 'none'; form-action 'self';")
})

/** The headers `_headers` gives every path (its `/*` rule), as Cloudflare Pages would send them. */
function catchAllHeaders(file: string): Array<[string, string]> {
  const rule = /^\/\*\n((?: {2}.*\n)+)/m.exec(file)?.[1] ?? ''
  return rule.split('\n').flatMap((line) => {
    const match = /^ {2}([\w-]+): (.*)$/.exec(line)
    return match ? [[match[1] ?? '', match[2] ?? ''] as [string, string]] : []
  })
}

/** Serves a built site with the headers of its `_headers`. */
async function serveWithHeaders(dir: string, headers: () => Array<[string, string]>): Promise<{ origin: string; close: () => Promise<void> }> {
  const handler = sirv(dir, { dev: true, etag: false })
  const server: Server = createServer((request, response) => {
    for (const [name, value] of headers()) response.setHeader(name, value)
    handler(request, response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

/** Opens a page that records every CSP violation, from the DOM event and from the console. */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; violations: string[] }> {
  const page = await context.newPage()
  const violations: string[] = []
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      ;(window as unknown as { reportViolation: (text: string) => void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`)
    })
  })
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text())
  })
  return { page, violations }
}

if (!chromiumPath) {
  console.warn(skipNotice)
  test.skip('should load an article, search and post a comment under the CSP without a violation', () => {})
} else {
  shareChromium(test)
  let work = ''
  let content = ''
  let endpoint: CommentEndpoint | undefined
  let site: { origin: string; close: () => Promise<void> } | undefined
  let browser: BrowserContext | undefined
  let headers: Array<[string, string]> = []

  test.before(async () => {
    work = await tempDir('csp')
    content = await contentWith(undefined, { keepSiteArticles: true })
    endpoint = await startCommentEndpoint()
    const out = join(work, 'dist')
    site = await serveWithHeaders(out, () => headers)
    const siteYml = join(content, 'site.yml')
    await writeFile(siteYml, (await readFile(siteYml, 'utf8')).replace('https://comments.example/v3/entry/toasoan', endpoint.url))
    const result = await build({ contentDir: content, outDir: out, cacheDir: join(work, 'cache'), now: testNow, log: () => {}, baseUrl: site.origin })
    assert.ok(result.ok)
    headers = catchAllHeaders(await readFile(join(out, '_headers'), 'utf8'))
    browser = await launchChromium(chromiumPath, { locale: 'vi-VN' })
  })

  test.after(async () => {
    await browser?.close()
    await site?.close()
    await endpoint?.close()
    await removeDir(work)
    await removeDir(content)
  })

  test('should serve the policy from _headers, with the comment endpoint allowed', () => {
    const policy = new Map(headers).get('Content-Security-Policy') ?? ''
    assert.match(policy, `connect-src 'self' ${new URL(endpoint!.url).origin}`)
    assert.ok(new Map(headers).has('Permissions-Policy'))
    assert.ok(new Map(headers).has('Strict-Transport-Security'))
  })

  test('should notice a violation (the check can fail)', async () => {
    const { page, violations } = await watchedPage(browser!)
    await page.goto(`${site!.origin}/`)
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.inlineRan = true'
      document.head.append(script)
    })
    await page.waitForFunction(() => true)
    await new Promise((resolve) => setTimeout(resolve, 200))
    assert.ok(violations.length > 0, 'an inline script is refused and reported')
    await page.close()
  })

  test('should load an article with its "Tin mới" and post a comment without a violation', async () => {
    const { page, violations } = await watchedPage(browser!)
    await page.goto(`${site!.origin}/2019/10/hoi-nghi-lang-nghe/`, { waitUntil: 'networkidle' })
    for (const image of await page.locator('img').all()) await image.scrollIntoViewIfNeeded()
    await page.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0))
    await page.locator('#binh-luan-ten').fill('Nguyễn Thị Mai')
    await page.locator('#binh-luan-noi-dung').fill('Bài viết hay, cảm ơn tòa soạn.')
    await page.locator('#gui-binh-luan button[type="submit"]').click()
    await page.locator('.comment-form__status').filter({ hasText: 'Cảm ơn bạn!' }).waitFor()
    assert.is(endpoint!.received.length, 1, 'the post went through')
    assert.equal(violations, [])
    await page.close()
  })

  test('should search with Pagefind (WebAssembly) without a violation', async () => {
    const { page, violations } = await watchedPage(browser!)
    await page.goto(`${site!.origin}/tim-kiem/?q=${encodeURIComponent('hoi nghi')}`)
    await page.waitForSelector('[data-search][data-state="done"]')
    assert.ok((await page.locator('.search-result__title').count()) > 0, 'results are shown')
    for (const image of await page.locator('img').all()) await image.scrollIntoViewIfNeeded()
    assert.equal(violations, [])
    await page.close()
  })

  test('should load the front page and a category page without a violation', async () => {
    const { page, violations } = await watchedPage(browser!)
    for (const path of ['/', '/chuyen-muc/thoi-su/', '/dia-phuong/tp-thanh-hoa/']) {
      await page.goto(`${site!.origin}${path}`, { waitUntil: 'networkidle' })
      for (const image of await page.locator('img').all()) await image.scrollIntoViewIfNeeded()
    }
    assert.equal(violations, [])
    await page.close()
  })
}

test.run()
