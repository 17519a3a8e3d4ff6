import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { cacheGroup, isUnrendered, loadBodies, loadContent } from '../../../src/content/index.ts'
import { formatProblems } from '../../../src/problems/index.ts'
import { articleUrlOf, checkSite } from '../../../src/site/index.ts'
import { contentWith, fixtures, fixtureSite, removeDir, tempDir } from '../../helpers/fixtures.ts'

const test = suite('loadContent')
const errorCases = join(fixtures, 'errors')

test('should load the fixture site without problems', async () => {
  const { sources, files } = await loadContent({ contentDir: fixtureSite })
  assert.ok(sources)
  assert.is(formatProblems(files, fixtureSite), '0 errors, 0 warnings')
  assert.is(sources.articles.length, 5)
  assert.equal(
    sources.articles.map((article) => articleUrlOf(article, sources.registries.site.timeZone)),
    ['/2019/10/hoi-nghi-lang-nghe/', '/2020/03/hai-tac-gia-va-dinh-chinh/', '/2024/05/ban-nhap/', '/2024/05/tieu-de-co-the-script/', '/2031/01/hen-gio/']
  )
})

// Each folder of test/fixtures/errors is one content mistake; expected.txt holds the exact report
// (paths relative to the content folder), the site's checks of addresses included, as `check`
// reports it. Regenerate with UPDATE=1 and review the diff.
for (const name of await readdir(errorCases)) {
  test(`should report ${name} with its position, rule and hint`, async () => {
    const dir = await contentWith(join(errorCases, name))
    try {
      const { sources, files } = checkSite(await loadContent({ contentDir: dir }))
      const report = formatProblems(files, dir)
      const expectedPath = join(errorCases, name, 'expected.txt')
      if (process.env['UPDATE']) await writeFile(expectedPath, `${report}\n`)
      assert.fixture(report, (await readFile(expectedPath, 'utf8')).trimEnd())
      if (/^0 errors/m.test(report)) assert.ok(sources)
      else assert.is(sources, undefined)
    } finally {
      await removeDir(dir)
    }
  })
}

test('should report the problems of every file in one run', async () => {
  const dir = await contentWith(join(errorCases, 'unknown-locality'))
  try {
    const other = join(errorCases, 'missing-title', 'articles', '2019', '10', 'bai-viet.md')
    await writeFile(join(dir, 'articles', '2019', '10', 'bai-khac.md'), await readFile(other))
    const { files } = await loadContent({ contentDir: dir })
    const report = formatProblems(files, dir)
    assert.match(report, 'articles/2019/10/bai-khac.md:2:1 error Missing required field "title". [missing-field]')
    assert.match(report, 'articles/2019/10/bai-viet.md:4:11 error Unknown locality "tp-thanh-hao". Did you mean "tp-thanh-hoa"? [unknown-locality]')
    assert.match(report, /^2 errors, 0 warnings$/m)
  } finally {
    await removeDir(dir)
  }
})

test('should refuse a comment endpoint that is not https, at its position', async () => {
  const dir = await contentWith(undefined)
  try {
    const site = await readFile(join(dir, 'site.yml'), 'utf8')
    await writeFile(join(dir, 'site.yml'), site.replace('https://comments.example/v3/entry/toasoan', 'http://comments.example/v3/entry/toasoan'))
    const { sources, files } = await loadContent({ contentDir: dir })
    assert.is(sources, undefined)
    assert.match(
      formatProblems(files, dir),
      'site.yml:14:13 error Comment endpoint "http://comments.example/v3/entry/toasoan" must be an https URL. [invalid-endpoint]'
    )
    await writeFile(join(dir, 'site.yml'), site.replace('https://comments.example/v3/entry/toasoan', 'http://127.0.0.1:8787/entry'))
    assert.ok((await loadContent({ contentDir: dir })).sources, 'http on this machine is allowed for testing')
  } finally {
    await removeDir(dir)
  }
})

test('should require the publisher and its logo in site.yml, at their position', async () => {
  const dir = await contentWith(undefined)
  try {
    const site = await readFile(join(dir, 'site.yml'), 'utf8')
    await writeFile(join(dir, 'site.yml'), site.replace(/^ {2}logo: .*\n/m, ''))
    const { sources, files } = await loadContent({ contentDir: dir })
    assert.is(sources, undefined)
    const report = formatProblems(files, dir)
    assert.match(report, /site\.yml:7:3 error Missing required field "publisher\.logo"\. \[missing-field\]/)
    assert.match(report, 'docs/writers.md')
    await writeFile(join(dir, 'site.yml'), site.replace(/^publisher:\n(?: {2}.*\n)+/m, ''))
    assert.match(
      formatProblems((await loadContent({ contentDir: dir })).files, dir),
      /site\.yml:1:1 error Missing required field "publisher"\. \[missing-field\]/
    )
  } finally {
    await removeDir(dir)
  }
})

test('should load the same in worker threads as in one thread', async () => {
  // Warnings, so that one pair of loads compares both the problems and the sources (an error leaves
  // no sources). Two threads: each starts tsx and loads the stage's modules again (about 2 s of
  // CPU), and two shares already make the order of their results matter (3 and 3 articles here).
  // A thread sends its problems as the one-thread load keeps them (PlainMessage, `fatal` with the
  // rest), so the error fixtures above cover how an error comes back.
  const dir = await contentWith(join(errorCases, 'unknown-key'), { keepSiteArticles: true })
  try {
    const [threads, single] = [await loadContent({ contentDir: dir, workers: 2 }), await loadContent({ contentDir: dir, workers: 1 })]
    assert.is(formatProblems(threads.files, dir), formatProblems(single.files, dir))
    assert.match(formatProblems(threads.files, dir), 'Unknown front-matter key "localty" is ignored.')
    assert.ok(threads.sources && single.sources)
    const { bodies: threadBodies, ...threadSources } = threads.sources
    const { bodies: singleBodies, ...singleSources } = single.sources
    assert.equal(threadSources, singleSources)
    const ids = single.sources.articles.map((article) => article.id)
    assert.ok(ids.length >= 4, 'articles in both shares')
    assert.equal(await threadBodies.read(ids), await singleBodies.read(ids))
  } finally {
    await removeDir(dir)
  }
})

test('should normalise text to NFC', async () => {
  const dir = await contentWith(undefined)
  try {
    // "Hòa" typed with a combining grave accent (NFD), as some keyboards on macOS produce it.
    const decomposed = 'Ho\u0300a bi\u0300nh'.normalize('NFD')
    await mkdir(join(dir, 'articles', '2020', '01'), { recursive: true })
    await writeFile(
      join(dir, 'articles', '2020', '01', 'hoa-binh.md'),
      `---\ntitle: "${decomposed}"\ndate: 2020-01-01 08:00\nauthor: to-phuong\nlocality: thanh-hoa\n---\n\n${decomposed}.\n`
    )
    const { sources } = await loadContent({ contentDir: dir })
    const article = sources?.articles[0]
    assert.is(article?.title, 'Hòa bình'.normalize('NFC'))
    assert.is(article?.title.length, 8)
    assert.match((await sources?.bodies.read([article?.id ?? '']))?.get(article?.id ?? '') ?? '', 'Hòa bình'.normalize('NFC'))
  } finally {
    await removeDir(dir)
  }
})

// A build shard reads every front matter, then renders only its share of bodies.
test('should read front matter only when no body group is asked for, and cache nothing from it', async () => {
  const cacheDir = await tempDir('front-matter')
  try {
    const first = await loadContent({ contentDir: fixtureSite, cacheDir, bodyGroups: [] })
    assert.ok(first.sources)
    assert.is(first.sources.articles.length, 5)
    for (const article of first.sources.articles) {
      assert.ok(isUnrendered(article), 'a digest no rendered article has')
      const body = await first.sources.bodies.read([article.id]).then(
        () => 'read',
        (error: unknown) => String(error)
      )
      assert.match(body, 'was read without its body')
    }
    const sources = await readdir(join(cacheDir, 'sources'), { recursive: true })
    assert.not.ok(
      sources.some((name) => name.endsWith('.v8')),
      'no source-cache group'
    )
    // Then one folder whole: those articles exactly as a whole load gives them, the others untouched.
    const group = cacheGroup(fixtureSite, join(fixtureSite, 'articles/2024/05/x.md'))
    const second = await loadBodies({ sources: first.sources, files: first.files }, { contentDir: fixtureSite, cacheDir, groups: [group] })
    const whole = await loadContent({ contentDir: fixtureSite })
    assert.ok(second.sources && whole.sources)
    for (const [index, article] of second.sources.articles.entries()) {
      if (article.sourcePath.startsWith('articles/2024/05/')) assert.equal(article, whole.sources.articles[index])
      else assert.ok(isUnrendered(article), article.sourcePath)
    }
    assert.ok((await readdir(join(cacheDir, 'sources'), { recursive: true })).some((name) => name.endsWith(group)))
  } finally {
    await removeDir(cacheDir)
  }
})

test.run()
