import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { build } from '../../src/pipeline/build.ts'
import { findChromium, launchChromium, shareChromium, serveStatic, skipNotice } from '../helpers/browser.ts'
import { startCommentEndpoint, type CommentEndpoint } from '../helpers/comment-endpoint.ts'
import { contentWith, removeDir, tempDir, testNow } from '../helpers/fixtures.ts'

const test = suite('comments in a browser')
const chromiumPath = findChromium()
const articlePath = '/2019/10/hoi-nghi-lang-nghe/'
let work = ''
let content = ''
let site: { origin: string; close: () => Promise<void> } | undefined
let endpoint: CommentEndpoint | undefined
let browser: BrowserContext | undefined
/**
 * The reader's one page, which every test with JavaScript navigates to the article (a new document
 * each time): a page per test is a new window and renderer in Chromium, over a second of CPU each.
 */
let reader: Page | undefined

/** Opens the article, as a new document, in the reader's page or in `page`. */
async function openArticle(page: Page = reader!): Promise<Page> {
  await page.goto(`${site!.origin}${articlePath}`)
  return page
}

async function waitForPosts(count: number): Promise<void> {
  const deadline = Date.now() + 10_000
  while (endpoint!.received.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
  assert.is(endpoint!.received.length, count, 'posts received')
}

if (!chromiumPath) {
  console.warn(skipNotice)
  test.skip('should post a comment with and without JavaScript', () => {})
} else {
  shareChromium(test)
  test.before(async () => {
    work = await tempDir('comments-browser')
    content = await contentWith(undefined, { keepSiteArticles: true })
    endpoint = await startCommentEndpoint()
    const out = join(work, 'dist')
    site = await serveStatic(out)
    const siteYml = join(content, 'site.yml')
    await writeFile(siteYml, (await readFile(siteYml, 'utf8')).replace('https://comments.example/v3/entry/toasoan', endpoint.url))
    const result = await build({ contentDir: content, outDir: out, cacheDir: join(work, 'cache'), now: testNow, log: () => {}, baseUrl: site.origin })
    assert.ok(result.ok)
    browser = await launchChromium(chromiumPath, { locale: 'vi-VN' })
    reader = await browser.newPage()
  })

  test.after(async () => {
    await browser?.close()
    await site?.close()
    await endpoint?.close()
    await removeDir(work)
    await removeDir(content)
  })

  test('should send the exact fields with JavaScript and show the moderation notice', async () => {
    endpoint!.received.length = 0
    const page = await openArticle()
    await page.locator('#binh-luan-ten').fill('Nguyễn Thị Mai')
    await page.locator('#binh-luan-email').fill('mai@example.org')
    await page.locator('#binh-luan-noi-dung').fill('Bài viết hay.\nCảm ơn tòa soạn.')
    await page.locator('#gui-binh-luan button[type="submit"]').click()
    await page.locator('.comment-form__status').filter({ hasText: 'Cảm ơn bạn! Ý kiến của bạn sẽ được biên tập trước khi đăng.' }).waitFor()
    await waitForPosts(1)
    const [post] = endpoint!.received
    assert.match(post?.accept ?? '', 'application/json')
    assert.equal(post?.fields, {
      'options[slug]': '2019/10/hoi-nghi-lang-nghe',
      'options[redirect]': `${site!.origin}${articlePath}?binh-luan=da-gui#binh-luan`,
      _next: `${site!.origin}${articlePath}?binh-luan=da-gui#binh-luan`,
      'fields[name]': 'Nguyễn Thị Mai',
      'fields[email]': 'mai@example.org',
      'fields[message]': 'Bài viết hay.\nCảm ơn tòa soạn.',
      _gotcha: '',
    })
    assert.is(await page.locator('#binh-luan-noi-dung').inputValue(), '', 'the form is cleared once sent')
  })

  test('should keep the text on a 500, also across a reload', async () => {
    endpoint!.received.length = 0
    endpoint!.failWith(500)
    try {
      const page = await openArticle()
      await page.locator('#binh-luan-ten').fill('Lê Văn Tám')
      await page.locator('#binh-luan-noi-dung').fill('Ý kiến dài mà tôi không muốn mất.')
      await page.locator('#gui-binh-luan button[type="submit"]').click()
      await page.locator('.comment-form__status').filter({ hasText: 'Chưa gửi được ý kiến' }).waitFor()
      assert.is(await page.locator('#binh-luan-noi-dung').inputValue(), 'Ý kiến dài mà tôi không muốn mất.')
      assert.is(await page.locator('#gui-binh-luan button[type="submit"]').isDisabled(), false, 'the button is usable again')
      await page.reload()
      assert.is(await page.locator('#binh-luan-noi-dung').inputValue(), 'Ý kiến dài mà tôi không muốn mất.', 'restored from localStorage')
    } finally {
      endpoint!.failWith(undefined)
    }
  })

  test('should send a filled honeypot as is, and warn gently about missing diacritics without blocking', async () => {
    endpoint!.received.length = 0
    const page = await openArticle()
    await page.locator('#binh-luan-ten').fill('Bot')
    await page.locator('#binh-luan-noi-dung').fill('cam on bai viet rat hay')
    await page.evaluate(() => {
      const trap = document.querySelector<HTMLInputElement>('input[name="_gotcha"]')
      if (trap) trap.value = 'http://spam.example'
    })
    await page.locator('#gui-binh-luan button[type="submit"]').click()
    await page.locator('.comment-form__status').filter({ hasText: 'Vui lòng gõ tiếng Việt có dấu.' }).waitFor()
    await waitForPosts(1)
    assert.is(endpoint!.received[0]?.fields['_gotcha'], 'http://spam.example')
    // The endpoint has the post before the page has its answer: the thanks come after.
    await page.locator('.comment-form__status').filter({ hasText: 'Cảm ơn bạn!' }).waitFor()
    assert.match(await page.locator('.comment-form__status').innerText(), 'Vui lòng gõ tiếng Việt có dấu.', 'the hint stays beside the thanks')
  })

  test('should reply under a comment with options[parent]', async () => {
    endpoint!.received.length = 0
    const page = await openArticle()
    await page.locator('#binh-luan-a1 .comment__reply').first().click()
    assert.is(
      await page.evaluate(() => document.getElementById('gui-binh-luan')?.previousElementSibling?.closest('#binh-luan-a1') !== null),
      true,
      'the form moves under the comment'
    )
    assert.match(await page.locator('.comment-form__replying').innerText(), 'Trả lời Bác Tư')
    await page.locator('#binh-luan-ten').fill('Chị Hằng')
    await page.locator('#binh-luan-noi-dung').fill('Tôi đồng ý với bác.')
    await page.locator('#gui-binh-luan button[type="submit"]').click()
    await waitForPosts(1)
    assert.is(endpoint!.received[0]?.fields['options[parent]'], 'a1')
  })

  test('should post the plain form without JavaScript and show the notice after the redirect', async () => {
    endpoint!.received.length = 0
    const noScript = await launchChromium(chromiumPath, { javaScriptEnabled: false })
    try {
      const page = await openArticle(await noScript.newPage())
      assert.is(await page.locator('#binh-luan').isVisible(), false, 'no notice before posting')
      await page.locator('#binh-luan-ten').fill('Ông Sáu')
      await page.locator('#binh-luan-noi-dung').fill('Gửi từ máy không bật JavaScript.')
      await page.locator('#gui-binh-luan button[type="submit"]').click()
      await page.waitForURL(`${site!.origin}${articlePath}?binh-luan=da-gui#binh-luan`)
      await waitForPosts(1)
      assert.not.match(endpoint!.received[0]?.accept ?? '', 'application/json')
      assert.is(endpoint!.received[0]?.fields['fields[name]'], 'Ông Sáu')
      assert.is(await page.locator('#binh-luan').isVisible(), true, 'the moderation notice shows')
      assert.match(await page.locator('#binh-luan').innerText(), 'sẽ được biên tập trước khi đăng')
    } finally {
      await noScript.close()
    }
  })

  test('should not send an empty comment', async () => {
    endpoint!.received.length = 0
    const page = await openArticle()
    // The form answers an empty comment at once, before anything could be sent: the browser flags a
    // required field, or the script says what is missing.
    const answered = page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const form = document.querySelector('#gui-binh-luan')
          form?.addEventListener('invalid', (event) => resolve(`invalid ${(event.target as Element).id}`), { capture: true, once: true })
          const status = form?.querySelector('[role="status"]')
          if (status)
            new MutationObserver(() => resolve(`status ${status.textContent}`)).observe(status, { childList: true, characterData: true, subtree: true })
        })
    )
    await page.locator('#gui-binh-luan button[type="submit"]').click()
    assert.ok(await answered)
    assert.is(endpoint!.received.length, 0)
  })
}

test.run()
