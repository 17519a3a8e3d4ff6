import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { glob } from 'tinyglobby'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadContent } from '../../../src/content/index.ts'
import { formatProblems } from '../../../src/problems/index.ts'
import { bodyLimits } from '../../../src/content/body-limits.ts'
import { contentWith, removeDir } from '../../helpers/fixtures.ts'

// Inputs too big or too deep to commit as fixtures are generated here: each must give a positioned
// problem with its rule, quickly, and the same in worker threads as in one.
const test = suite('content inputs')

const frontMatter = '---\ntitle: "Bài thử"\ndate: 2019-10-24 09:15\nauthors: [to-phuong]\nlocality: dien-bien\n---\n\n'

/**
 * Loads a content folder holding an article with this body (and the fixture registries), or
 * `copies` of it: threads are capped at the number of articles, so two threads need two.
 */
async function loadBody(body: string, options: { workers?: number; copies?: number } = {}): Promise<{ report: string; ms: number }> {
  const dir = await contentWith(undefined)
  try {
    await mkdir(join(dir, 'articles', '2019', '10'), { recursive: true })
    for (let copy = 1; copy <= (options.copies ?? 1); copy++) {
      await writeFile(join(dir, 'articles', '2019', '10', copy === 1 ? 'bai-thu.md' : `bai-thu-${copy}.md`), frontMatter + body)
    }
    const start = performance.now()
    const { files } = await loadContent({ contentDir: dir, ...(options.workers === undefined ? {} : { workers: options.workers }) })
    return { report: formatProblems(files, dir), ms: performance.now() - start }
  } finally {
    await removeDir(dir)
  }
}

const cases: Array<{ name: string; body: string; expected: string }> = [
  {
    name: '200,000 list items',
    body: '- mục\n'.repeat(200_000),
    expected: 'articles/2019/10/bai-thu.md:33341:2 error The body has 1,200,001 characters, more than the limit of 200,000 characters. [body-too-large]',
  },
  {
    name: '1,001 list items',
    body: '- mục\n'.repeat(1_001),
    expected: 'articles/2019/10/bai-thu.md:1008:1 error The body has more than 1,000 list items, more than the limit of 1,000 list items. [body-too-large]',
  },
  {
    name: '5,001 lines',
    body: 'a\n\n'.repeat(2_501),
    expected: 'articles/2019/10/bai-thu.md:5007:1 error The body has 5,004 lines, more than the limit of 5,000 lines. [body-too-large]',
  },
  {
    name: '3,000 nested quotes',
    body: `${'>'.repeat(3_000)} x\n`,
    expected: 'articles/2019/10/bai-thu.md:8:1 error The body nests quotes and lists more than 32 levels deep here. [body-too-deep]',
  },
  {
    name: '3,000 nested lists',
    body: Array.from({ length: 3_000 }, (_, i) => `${'  '.repeat(i)}- a`)
      .join('\n')
      .slice(0, 150_000),
    expected: 'articles/2019/10/bai-thu.md:40:1 error The body nests quotes and lists more than 32 levels deep here. [body-too-deep]',
  },
  {
    name: '5,000 nested divs',
    body: `${'<div>'.repeat(5_000)}x${'</div>'.repeat(5_000)}`,
    expected: 'articles/2019/10/bai-thu.md:8:161 error The body nests HTML elements more than 32 levels deep here. [body-too-deep]',
  },
  {
    name: '1,000 nested spans across lines',
    body: `${'<span>\n'.repeat(1_000)}x`,
    expected: 'articles/2019/10/bai-thu.md:40:1 error The body nests HTML elements more than 32 levels deep here. [body-too-deep]',
  },
  {
    name: '5,000 nested emphasis markers',
    body: `${'*'.repeat(5_000)}x${'*'.repeat(5_000)}`,
    expected: 'articles/2019/10/bai-thu.md:8:1 error The body nests emphasis (*, _ or ~ in a row) more than 100 levels deep here. [body-too-deep]',
  },
  {
    name: '5,000 nested links',
    body: `${'['.repeat(5_000)}x${'](u)'.repeat(5_000)}`,
    expected: 'articles/2019/10/bai-thu.md:8:33 error The body nests brackets [ ] more than 32 levels deep here. [body-too-deep]',
  },
]

for (const { name, body, expected } of cases) {
  test(`should report ${name} at its place, without parsing it`, async () => {
    const { report, ms } = await loadBody(body)
    assert.match(report, expected)
    assert.match(report, /^1 error, 0 warnings$/m)
    assert.ok(ms < 5_000, `took ${Math.round(ms)} ms`)
  })
}

test('should load a body at every limit at once, in bounded time', async () => {
  const nested = Array.from({ length: bodyLimits.nesting }, (_, i) => `${'  '.repeat(i)}- mục`).join('\n')
  const html = `${'<div>'.repeat(bodyLimits.nesting)}x${'</div>'.repeat(bodyLimits.nesting)}`
  const body = [
    nested,
    html,
    `${'*'.repeat(bodyLimits.emphasisRun)}x${'*'.repeat(bodyLimits.emphasisRun)}`,
    '- mục\n'.repeat(bodyLimits.listItems - bodyLimits.nesting),
    'Đoạn văn.\n\n'.repeat(1_000),
  ].join('\n\n')
  const { report, ms } = await loadBody(body)
  assert.is(report, '0 errors, 0 warnings')
  assert.ok(ms < 20_000, `took ${Math.round(ms)} ms`)
})

test('should report the same in worker threads as in one thread', async () => {
  // A worker thread's stack is smaller than the main thread's: the nesting limit must hold in both.
  const body = `${'<div>'.repeat(5_000)}x`
  const threads = (await loadBody(body, { workers: 2, copies: 2 })).report
  assert.match(threads, 'bai-thu-2.md', 'both copies loaded, one a thread')
  assert.is(threads, (await loadBody(body, { workers: 1, copies: 2 })).report)
})

test('should load a CRLF copy with byte-order marks exactly like the LF original', async () => {
  const lf = await contentWith(undefined, { keepSiteArticles: true })
  const crlf = await contentWith(undefined, { keepSiteArticles: true })
  try {
    for (const path of await glob('**/*.{md,yml}', { cwd: crlf, absolute: true })) {
      await writeFile(path, `\uFEFF${(await readFile(path, 'utf8')).replace(/\n/g, '\r\n')}`)
    }
    const original = await loadContent({ contentDir: lf })
    const copy = await loadContent({ contentDir: crlf })
    assert.is(formatProblems(copy.files, crlf), '0 errors, 0 warnings')
    assert.ok(original.sources && copy.sources)
    // Paths differ by folder; so do digests, which hash the images' source paths with the body.
    const comparable = (dir: string, value: unknown): unknown =>
      JSON.parse(JSON.stringify(value, (key, entry: unknown) => (key === 'digest' ? undefined : entry)).replaceAll(dir, '<content>'))
    assert.equal(comparable(crlf, copy.sources), comparable(lf, original.sources))
  } finally {
    await removeDir(lf)
    await removeDir(crlf)
  }
})

test.run()
