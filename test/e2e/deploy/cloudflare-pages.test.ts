import type { ChildProcess } from 'node:child_process'
import { cp, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { checkTarget } from '../../../src/deploy/index.ts'
import { builtFixture } from '../../helpers/built-fixture.ts'
import { removeDir, tempDir } from '../../helpers/fixtures.ts'
import { startWrangler, stopWrangler } from '../../helpers/wrangler.ts'

const test = suite('deploy/cloudflare-pages')
let work = ''
let outDir = ''
let wrangler: ChildProcess | undefined
let origin = ''
let skipped = ''

// uvu neither reports nor prints an error thrown in a hook (run-tests.js fails the suite as NOT
// RUN): the reason is printed here, and run-tests.js prints the output whole.
test.before(() =>
  startPagesDev().catch((error: unknown) => {
    console.error(`deploy/cloudflare-pages: ${error instanceof Error ? error.message : String(error)}`)
    throw error
  })
)

/** A copy of the built fixture prepared for Cloudflare, served by `wrangler pages dev` (workerd). */
async function startPagesDev(): Promise<void> {
  work = await tempDir('cloudflare')
  outDir = join(work, 'dist')
  await cp(await builtFixture(), outDir, { recursive: true })
  // One static rule stays in _redirects, the other goes to _worker.js: both paths are served below.
  assert.equal((await checkTarget(outDir, 'cloudflare', { prepare: true, limits: { maxStaticRedirects: 1 } })).errors, [])
  // Cloudflare's own runtime (workerd, from npm).
  try {
    const started = await startWrangler(
      (port) => ['pages', 'dev', outDir, '--ip', '127.0.0.1', '--port', String(port), '--compatibility-date=2026-04-01', '--log-level=warn'],
      { cwd: work, env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', XDG_CONFIG_HOME: join(work, 'config') } },
      // The front page is there: a 404 is another server's, which took the port first.
      '/',
      (response) => response.status === 200
    )
    wrangler = started.child
    origin = started.origin
  } catch (error) {
    // Skipping is for a developer's machine without workerd; in CI (which installs it) it is a failure.
    if (process.env['CI'] === 'true') throw error
    skipped = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'wrangler pages dev did not start'
    console.log(`SKIPPED: Cloudflare runtime tests (${skipped})`)
  }
}

test.after(async () => {
  if (wrangler) stopWrangler(wrangler)
  await removeDir(work)
})

const get = (path: string): Promise<Response> => fetch(`${origin}${path}`, { redirect: 'manual' })

test('should answer an alias with 301 to its article, from _redirects and from _worker.js', async () => {
  if (skipped) return
  for (const alias of ['/bai-viet/hoi-nghi-lang-nghe/', '/tin-cu/hoi-nghi-108456.htm']) {
    const response = await get(alias)
    assert.is(response.status, 301, alias)
    assert.is(new URL(response.headers.get('location') ?? '', origin).pathname, '/2019/10/hoi-nghi-lang-nghe/', alias)
  }
})

test('should serve fingerprinted files immutable and pages with the short Cache-Control', async () => {
  if (skipped) return
  const css = (await readdir(join(outDir, 'assets'))).find((name) => name.endsWith('.css'))
  const media = (await readdir(join(outDir, 'media'), { recursive: true })).find((name) => name.endsWith('.webp'))
  for (const path of [`/assets/${css}`, `/media/${media}`]) {
    const response = await get(path)
    assert.is(response.status, 200, path)
    assert.is(response.headers.get('cache-control'), 'public, max-age=31536000, immutable', path)
  }
  for (const path of ['/', '/2019/10/hoi-nghi-lang-nghe/']) {
    const response = await get(path)
    assert.is(response.status, 200, path)
    assert.is(response.headers.get('cache-control'), 'public, max-age=300, must-revalidate', path)
  }
})

test('should serve /404 and answer a missing page with 404 and the site 404 page', async () => {
  if (skipped) return
  assert.is((await get('/404')).status, 200)
  const missing = await get('/khong-co-trang-nay/')
  assert.is(missing.status, 404)
  assert.match(await missing.text(), /<html lang="vi"/)
})

test.run()
