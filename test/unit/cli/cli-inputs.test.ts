import { readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { parseFeed } from '@rowanmanning/feed-parser'
import { XMLValidator } from 'fast-xml-parser'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { contentWith, fixtures, removeDir, root, tempDir, testNow } from '../../helpers/fixtures.ts'
import { runCliInProcess } from '../../helpers/run-cli.ts'
import { renderRss } from '../../../templates/xml/rss.ts'
import type { FeedWithBodies } from '../../../src/site/index.ts'

// check and build read content the same way: on hostile inputs they report the same problems,
// and build leaves nothing half-done (no stack trace, no Eleventy error).
const test = suite('cli inputs')

/** The problem lines of a report (paths relative to the content folder differ by cwd only). */
function problems(output: string): string[] {
  return output.split('\n').filter((line) => /:\d+:\d+ (error|warning) /.test(line) || /^\d+ errors?, \d+ warnings?$/.test(line))
}

// Both commands report through loadContent, so agreement is structural; one case stands for each
// stage that could disagree: the body (Markdown limits), the bytes (decoding) and the images
// (format). The commands run in this process (cli.test.ts runs the command as a child process).
for (const name of ['body-too-deep', 'invalid-encoding', 'unsupported-image']) {
  test(`should report ${name} the same in check and build`, async () => {
    const content = await contentWith(join(fixtures, 'errors', name), { keepSiteArticles: true })
    const work = await tempDir('cli-inputs')
    try {
      const check = await runCliInProcess(['check', '--content', relative(root, content)])
      const build = await runCliInProcess([
        'build',
        '--content',
        relative(root, content),
        '--out',
        relative(root, join(work, 'dist')),
        '--now',
        String(testNow),
      ])
      assert.is(check.code, 1, check.stdout + check.stderr)
      assert.is(build.code, 1, build.stdout + build.stderr)
      const expected = (await readFile(join(fixtures, 'errors', name, 'expected.txt'), 'utf8'))
        .trim()
        .split('\n')
        .filter((line) => !line.startsWith('  hint'))
      const prefix = `${relative(root, content)}/`
      const printed = (output: string): string[] => problems(output).map((line) => line.replace(prefix, ''))
      assert.equal(printed(check.stderr).slice(0, -1), expected.slice(0, -1))
      assert.equal(printed(build.stderr).slice(0, -1), printed(check.stderr).slice(0, -1))
      assert.not.match(build.stderr + build.stdout, /Maximum call stack|URI malformed|Output conflict|\n\s+at /)
    } finally {
      await removeDir(content)
      await removeDir(work)
    }
  })
}

test('should build a CRLF copy with byte-order marks like the original', async () => {
  const content = await contentWith(join(fixtures, 'errors', 'crlf-bom'))
  try {
    const check = await runCliInProcess(['check', '--content', relative(root, content)])
    assert.match(check.stderr, 'articles/2019/10/bai-loi.md:4:11 error Unknown locality "tp-thanh-hao"')
  } finally {
    await removeDir(content)
  }
})

test('should keep content:encoded well-formed whatever the body and title hold', () => {
  const body = '<p>a ]]> b ]]]]> c \u0001\u0008\u000b\u000c\u001f\uFFFE d <![CDATA[ e</p>'
  const feed: FeedWithBodies = {
    url: '/feed.xml',
    title: 'Báo \u0001',
    link: 'https://x.example/',
    description: '',
    language: 'vi',
    items: [
      {
        link: 'https://x.example/a/',
        title: 'Tiêu đề \u0002 ]]> <b>',
        description: 'Sapo \u0003',
        pubDate: 'Thu, 24 Oct 2019 09:15:00 +0700',
        creators: ['A\u0004'],
        categories: [],
        article: '2019/10/a',
        digest: 'd',
        contentHtml: body,
      },
    ],
  }
  const xml = renderRss(feed, 'https://x.example')
  assert.is(XMLValidator.validate(xml), true)
  const parsed = parseFeed(xml)
  assert.is(parsed.items[0]?.content, '<p>a ]]> b ]]]]> c  d <![CDATA[ e</p>')
  assert.is(parsed.items[0]?.title, 'Tiêu đề  ]]> <b>')
})

test.run()
