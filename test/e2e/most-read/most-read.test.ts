import { cp, readFile, readdir, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { readFileManifest, type FileManifest } from '../../../src/publish/index.ts'
import type { VFile } from 'vfile'
import { build } from '../../../src/pipeline/build.ts'
import { contentStamp, readArticleIndex } from '../../../src/most-read/article-index-file.ts'
import { mostRead } from '../../../src/most-read/most-read.ts'
import { parseWindows } from '../../../src/most-read/windows.ts'
import { builtFixture, builtFixtureCache } from '../../helpers/built-fixture.ts'
import { fixtureSite, fixtures, removeDir, tempDir, testNow } from '../../helpers/fixtures.ts'
import { runCli, runCliInProcess } from '../../helpers/run-cli.ts'

const test = suite('mostRead')
const logs = join(fixtures, 'most-read')
const parsed = parseWindows('24h,7d')
if (!('windows' in parsed)) throw new Error('24h,7d')
const windows = parsed.windows
const A = '/2019/10/hoi-nghi-lang-nghe/'
const B = '/2020/03/hai-tac-gia-va-dinh-chinh/'
const C = '/2024/05/tieu-de-co-the-script/'

let work = ''
let out = ''

test.before(async () => {
  work = await tempDir('most-read')
  out = join(work, 'dist')
  await cp(await builtFixture(), out, { recursive: true })
})

test.after(async () => {
  await removeDir(work)
})

async function listsOf(file: string): Promise<Record<string, string[]>> {
  const data = JSON.parse(await readFile(join(out, ...file.split('/').filter(Boolean)), 'utf8')) as { windows: Record<string, Array<{ url: string }>> }
  return Object.fromEntries(Object.entries(data.windows).map(([window, links]) => [window, links.map((link) => link.url)]))
}

/** The rules a run reported, unreadable log lines aside (the nginx fixture has some on purpose). */
function ruleIds(result: { files: Array<{ messages: Array<{ ruleId?: string | undefined }> }> }): string[] {
  return result.files.flatMap((file) => file.messages.map((message) => message.ruleId ?? '')).filter((id) => id !== 'unreadable-log-line')
}

/** The warning that the article index was not used, with its place. */
function indexWarning(result: { files: VFile[] }): string {
  const file = result.files.find((each) => each.messages.some((message) => message.ruleId === 'no-article-index'))
  return `${file?.path}:${file?.messages[0]?.line}:${file?.messages[0]?.column} ${file?.messages[0]?.reason}`
}

async function run(source: string) {
  return mostRead({ sources: [join(logs, source)], contentDir: fixtureSite, outDir: out, windows, now: testNow })
}

for (const source of ['nginx', 'cloudfront.log', 's3-access.log', 'cloudflare']) {
  test(`should rank the same readers from the ${source} logs: no robot, reload, draft, scheduled article or asset counts`, async () => {
    const result = await run(source)
    assert.ok(result.ok, JSON.stringify(result.files.flatMap((file) => file.messages.map(String))))
    assert.equal(await listsOf('/doc-nhieu/index.json'), { '24h': [C, A, B], '7d': [B, C, A] })
    assert.equal(await listsOf('/doc-nhieu/chuyen-muc/thoi-su.json'), { '24h': [A, B], '7d': [B, A] })
    assert.equal(await listsOf('/doc-nhieu/dia-phuong/tp-thanh-hoa.json'), { '24h': [C, A], '7d': [C, A] })
    assert.equal(await listsOf('/doc-nhieu/dia-phuong/hoang-hoa.json'), { '24h': [B], '7d': [B] })
    const leftOut = result.leftOut
    assert.ok(leftOut && leftOut.robots >= 90 && leftOut.repeats >= 199 && leftOut.notArticle >= 100, JSON.stringify(leftOut))
  })
}

test('should report unreadable lines at their place and go on', async () => {
  const result = await run('nginx')
  const messages = result.files.flatMap((file) =>
    file.messages.map((message) => `${relative(logs, file.path)}:${message.line}:${message.column} ${message.ruleId} ${message.fatal}`)
  )
  assert.equal(messages, [
    'nginx/access.log:101:1 unreadable-log-line false',
    'nginx/access.log:191:1 unreadable-log-line false',
    'nginx/access.log:291:1 unreadable-log-line false',
  ])
  assert.equal(result.sources?.formats, {
    [relative(process.cwd(), join(logs, 'nginx', 'access.log'))]: 'combined',
    [relative(process.cwd(), join(logs, 'nginx', 'access.log.1.gz'))]: 'combined',
  })
})

test('should rank exports: path,views, GoatCounter and Plausible', async () => {
  assert.ok((await run('path-views.csv')).ok)
  assert.equal(await listsOf('/doc-nhieu/index.json'), { '24h': [A, C, B], '7d': [A, C, B] })
  assert.ok((await run('goatcounter-export.csv')).ok)
  assert.equal(await listsOf('/doc-nhieu/index.json'), { '24h': [B, A], '7d': [B, A] })
  assert.ok((await run('plausible-pages.csv')).ok)
  assert.equal(await listsOf('/doc-nhieu/index.json'), { '24h': [C, A, B], '7d': [C, A, B] })
})

test('should rewrite nothing when the lists did not change, and keep the manifest in step', async () => {
  await run('s3-access.log')
  const again = await run('cloudfront.log')
  assert.equal(again.written?.changed, [])
  assert.is(again.written?.unchanged, 4, 'the site, thoi-su, tp-thanh-hoa and hoang-hoa')
  const manifest = (await readFileManifest(out)) as FileManifest
  const listed = Object.keys(manifest.files).filter((path) => path.startsWith('/doc-nhieu/'))
  const files = (await readdir(join(out, 'doc-nhieu'), { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile())
  assert.is(listed.length, files.length)
  assert.ok(Object.keys(manifest.files).includes(`${A}index.html`), 'the pages are still listed')
})

test('should fail on a file in no known format, writing nothing', async () => {
  const result = await mostRead({ sources: [join(fixtureSite, 'site.yml')], contentDir: fixtureSite, outDir: join(work, 'untouched'), windows, now: testNow })
  assert.not.ok(result.ok)
  assert.equal(
    result.files.flatMap((file) => file.messages.map((message) => message.ruleId)),
    ['unknown-log-format']
  )
})

test('should change no page of a site rebuilt after it ran', async () => {
  const dir = join(work, 'rebuild')
  const options = { contentDir: fixtureSite, outDir: join(dir, 'dist'), cacheDir: join(dir, 'cache'), now: testNow, log: () => {} }
  // The site as its build left it, output and cache (the process's one build of the fixture).
  await cp(await builtFixture(), options.outDir, { recursive: true })
  await cp(await builtFixtureCache(), options.cacheDir, { recursive: true })
  const page = join(dir, 'dist', ...A.split('/').filter(Boolean), 'index.html')
  const before = await readFile(page, 'utf8')
  assert.match(before, /data-most-read="\/doc-nhieu\/index\.json"/)
  assert.ok((await mostRead({ sources: [join(logs, 'nginx')], contentDir: fixtureSite, outDir: options.outDir, windows, now: testNow })).ok)
  assert.ok((await build(options)).ok)
  assert.is(await readFile(page, 'utf8'), before)
})

test('should count from the index the build wrote, as from the content', async () => {
  // The cache of the process's one build of the fixture, copied: a run may write into its cache.
  const cacheDir = join(work, 'built-cache')
  await cp(await builtFixtureCache(), cacheDir, { recursive: true })
  assert.ok('index' in (await readArticleIndex(cacheDir, fixtureSite, await contentStamp(fixtureSite))), 'the build wrote the index')
  const result = await mostRead({ sources: [join(logs, 'nginx')], contentDir: fixtureSite, outDir: out, cacheDir, windows, now: testNow })
  assert.ok(result.ok)
  assert.equal(ruleIds(result), [])
  assert.equal(await listsOf('/doc-nhieu/index.json'), { '24h': [C, A, B], '7d': [B, C, A] })
  assert.equal(await listsOf('/doc-nhieu/dia-phuong/tp-thanh-hoa.json'), { '24h': [C, A], '7d': [C, A] })
})

test('should load the content when the index is missing or stale, say so, and write it for the next run', async () => {
  const dir = join(work, 'unindexed')
  const content = join(dir, 'content')
  await cp(fixtureSite, content, { recursive: true })
  const count = () => mostRead({ sources: [join(logs, 'nginx')], contentDir: content, outDir: out, cacheDir: join(dir, 'cache'), windows, now: testNow })
  const first = await count()
  assert.ok(first.ok)
  assert.equal(ruleIds(first), ['no-article-index'])
  assert.match(indexWarning(first), /most-read\/[0-9a-f]{12}\.jsonl:1:1 No article index of .* in the cache: the content was loaded instead/)
  const lists = await listsOf('/doc-nhieu/index.json')
  const second = await count()
  assert.equal(ruleIds(second), [], 'the first run wrote the index')
  assert.equal(await listsOf('/doc-nhieu/index.json'), lists)
  const article = join(content, 'articles', '2019', '10', 'hoi-nghi-lang-nghe.md')
  await writeFile(article, (await readFile(article, 'utf8')).replace(/^title: .*$/m, 'title: "Tiêu đề đã sửa"'))
  const third = await count()
  assert.equal(ruleIds(third), ['no-article-index'])
  assert.match(indexWarning(third), /made from other content/)
  assert.match(await readFile(join(out, 'doc-nhieu', 'index.json'), 'utf8'), /Tiêu đề đã sửa/)
})

test('should run from the command line, summarising what it counted', async () => {
  const result = await runCli([
    'most-read',
    '--from',
    join(logs, 'nginx'),
    join(logs, 'cloudfront.log'),
    '--content',
    fixtureSite,
    '--out',
    out,
    '--now',
    new Date(testNow).toISOString(),
  ])
  assert.is(result.code, 0, result.stderr)
  assert.match(result.stdout, /Read \d+ lines from 3 files \(combined 2, cloudfront 1\): \d+ readers counted; left out \d+ robots/)
  assert.match(result.stdout, /Wrote the most-read fragments into .*: \d+ changed, \d+ unchanged, 0 removed/)
  assert.match(result.stderr, /access\.log:101:1 warning .*\[unreadable-log-line\]/)
  // Usage errors take the same path in this process (a child costs a second or two).
  const usage = await runCliInProcess(['most-read', '--out', out])
  assert.is(usage.code, 2)
  assert.match(usage.stderr, /most-read needs --from SOURCE/)
  const window = await runCliInProcess(['most-read', '--from', logs, '--window', '24h,week'])
  assert.is(window.code, 2)
  assert.match(window.stderr, /--window: "week" is not a window/)
})

test.run()
