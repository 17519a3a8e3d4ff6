import { cp, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseAllRedirects } from '@netlify/redirect-parser'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { renderHeaders } from '../../../templates/cdn/cdn-files.ts'
import { cacheControlFor, contentTypeFor } from '../../../templates/cdn/cdn-rules.ts'
import { checkLimits, checkTarget, planDeploy, platformLimits, parseRedirects } from '../../../src/deploy/index.ts'
import { builtFixture } from '../../helpers/built-fixture.ts'
import { removeDir, tempDir } from '../../helpers/fixtures.ts'
import { runCliInProcess } from '../../helpers/run-cli.ts'

const test = suite('deploy/platform-limits')
let work = ''
let outDir = ''

test.before(async () => {
  work = await tempDir('limits')
  outDir = await builtFixture()
})

test.after(async () => {
  await removeDir(work)
})

test('should know the platforms documented limits', () => {
  assert.equal(platformLimits.cloudflare, { maxFiles: 20_000, maxFileBytes: 25 * 1024 * 1024, maxStaticRedirects: 2_000, maxDynamicRedirects: 100 })
  assert.is(platformLimits.pages.maxSiteBytes, 1_000_000_000)
  assert.is(platformLimits.netlify.maxFilesPerFolder, 10_000)
})

test('should fail a site past a limit with the limit and the way out, and pass one within it', () => {
  const files = Array.from({ length: 5 }, (_, index) => ({ path: `/media/ab/${index}.webp`, size: 100 }))
  const redirects = parseRedirects('/a /b 301\n/c /d 301\n/e/* /f 301\n')
  assert.equal(checkLimits({ files, redirects }, 'cloudflare'), [])
  const errors = checkLimits({ files, redirects }, 'cloudflare', { maxFiles: 4, maxFileBytes: 99, maxStaticRedirects: 1, maxDynamicRedirects: 0 })
  assert.is(errors.length, 4)
  assert.match(errors[0] ?? '', /cloudflare: 5 files, more than the 4 a deploy may hold\. \[maxFiles\]\n {2}way out: On a paid plan/)
  assert.match(errors[2] ?? '', /2 static rules; only the first 1 would work, the rest dropped silently/)
  assert.match(
    checkLimits({ files, redirects: [] }, 'netlify', { maxFilesPerFolder: 4 })[0] ?? '',
    /1 folders hold more than 4 files, e\.g\. \/media\/ab\/ \(5\)/
  )
  assert.match(checkLimits({ files, redirects: [] }, 'pages', { maxSiteBytes: 499 })[0] ?? '', /500 bytes in all.*\n.*GitHub Pages refuses sites over 1 GB/)
})

test('should refuse a fixture past tiny limits, naming the limit, in the command line too', async () => {
  const result = await checkTarget(outDir, 'cloudflare', { limits: { maxFiles: 10 } })
  assert.is(result.errors.length, 1)
  assert.match(result.errors[0] ?? '', /^cloudflare: \d+ files, more than the 10 a deploy may hold\. \[maxFiles\]/)
  const cli = await runCliInProcess(['deploy', '--check', 'cloudflare', '--max-files', '10', '--out', outDir])
  assert.is(cli.code, 1)
  assert.match(cli.stderr, /more than the 10 a deploy may hold\. \[maxFiles\]\n {2}way out: On a paid plan Cloudflare allows 100,000 files/)
  assert.match(cli.stderr, /cannot be deployed to cloudflare as it is; nothing was uploaded\./)
})

test('should force the redirects for Netlify, as its own parser reads them', async () => {
  const copy = join(work, 'netlify')
  await cp(outDir, copy, { recursive: true })
  assert.is((await checkTarget(copy, 'netlify')).errors.length, 1, 'unforced rules shadowed by fallback pages fail the check')
  const prepared = await checkTarget(copy, 'netlify', { prepare: true })
  assert.equal(prepared.errors, [])
  const { redirects, errors } = await parseAllRedirects({ redirectsFiles: [join(copy, '_redirects')], configRedirects: [], minimal: true })
  assert.equal(errors, [])
  assert.equal(
    (redirects as Array<{ from: string; to: string; status: number; force: boolean }>).map(({ from, to, status, force }) => ({ from, to, status, force })),
    [
      { from: '/bai-viet/hoi-nghi-lang-nghe/', to: '/2019/10/hoi-nghi-lang-nghe/', status: 301, force: true },
      { from: '/tin-cu/hoi-nghi-108456.htm', to: '/2019/10/hoi-nghi-lang-nghe/', status: 301, force: true },
    ]
  )
})

test('should move static redirects past the limit into _worker.js for Cloudflare', async () => {
  const copy = join(work, 'cloudflare')
  await cp(outDir, copy, { recursive: true })
  const prepared = await checkTarget(copy, 'cloudflare', { prepare: true, limits: { maxStaticRedirects: 1 } })
  assert.equal(prepared.errors, [])
  assert.is(parseRedirects(await readFile(join(copy, '_redirects'), 'utf8')).length, 1)
  assert.match(await readFile(join(copy, '_worker.js'), 'utf8'), /"\/tin-cu\/hoi-nghi-108456\.htm":\["\/2019\/10\/hoi-nghi-lang-nghe\/",301\]/)
  assert.equal(JSON.parse(await readFile(join(copy, '_routes.json'), 'utf8')), { version: 1, include: ['/tin-cu/*'], exclude: [] })
})

test('should give _headers and uploads the same Cache-Control, and each file its Content-Type', () => {
  assert.match(renderHeaders(), /^\/assets\/\*\n {2}! Cache-Control\n {2}Cache-Control: public, max-age=31536000, immutable$/m)
  assert.is(cacheControlFor('/assets/site.0123456789.css'), 'public, max-age=31536000, immutable')
  assert.is(cacheControlFor('/media/ab/x-400.ab12345678.webp'), 'public, max-age=31536000, immutable')
  assert.is(cacheControlFor('/2019/10/a/index.html'), 'public, max-age=300, must-revalidate')
  assert.is(contentTypeFor('/tin-cu/a.htm'), 'text/html; charset=utf-8')
  assert.is(contentTypeFor('/pagefind/0/wasm.unknown.pagefind'), 'application/octet-stream')
})

test('should plan uploads of changed files, pages last, pending paths again, and deletions', () => {
  const local = {
    version: 1 as const,
    files: {
      '/a.css': { hash: '1', size: 1 },
      '/p/index.html': { hash: '2', size: 2 },
      '/same.webp': { hash: '3', size: 3 },
      '/again.js': { hash: '4', size: 4 },
    },
  }
  const remote = {
    files: { '/a.css': { hash: '0', size: 1 }, '/same.webp': { hash: '3', size: 3 }, '/again.js': { hash: '4', size: 4 }, '/old.html': { hash: '9', size: 9 } },
    pending: ['/again.js', '/half.jpg'],
    rules: 'r',
  }
  // biome-ignore lint/suspicious/noThenProperty: the plan's phases are named first and then; no one awaits it
  assert.equal(planDeploy(local, remote, 'r'), { first: ['/a.css', '/again.js'], then: ['/p/index.html'], deletes: ['/half.jpg', '/old.html'], bytes: 7 })
  assert.is(planDeploy(local, remote, 'new rules').first.length, 3, 'new header rules upload everything again')
})

test.run()
