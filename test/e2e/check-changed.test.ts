import { execFileSync } from 'node:child_process'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { changedFiles, checkChanged } from '../../src/cli/check-changed.ts'
import { formatProblems } from '../../src/problems/index.ts'
import { contentWith, fixtures, removeDir, root } from '../helpers/fixtures.ts'
import { runCliInProcess } from '../helpers/run-cli.ts'

const test = suite('checkChanged')

// Git must not find the worktree these temporary folders live in when a test means "no repository".
process.env['GIT_CEILING_DIRECTORIES'] = join(root, '.cache', 'test-tmp')

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Tòa soạn', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  })
}

/** A repository whose `main` holds the fixture site plus one article with an error, and a branch `bai-moi` checked out. */
async function repository(): Promise<{ repo: string; content: string }> {
  const content = await contentWith(join(fixtures, 'errors', 'unknown-author'), { keepSiteArticles: true })
  git(content, 'init', '-q', '-b', 'main')
  git(content, 'add', '-A')
  git(content, 'commit', '-q', '-m', 'Nội dung')
  git(content, 'checkout', '-q', '-b', 'bai-moi')
  return { repo: content, content }
}

const brokenArticle = (locality: string): string =>
  `---\ntitle: Bài mới\ndate: 2019-10-25 08:00\nauthors: [to-phuong]\nlocality: ${locality}\n---\n\nNội dung.\n`

test('should check only the articles changed since the merge base: committed, staged, modified and new', async () => {
  const { content } = await repository()
  try {
    await writeFile(join(content, 'articles/2019/10/bai-moi.md'), brokenArticle('tp-thanh-hao'))
    git(content, 'add', '-A')
    git(content, 'commit', '-q', '-m', 'Bài mới')
    await writeFile(join(content, 'articles/2019/10/chua-them.md'), brokenArticle('hoang-hao'))
    const lines: string[] = []
    const { files } = await checkChanged({ contentDir: content, log: (line) => lines.push(line) })
    const report = formatProblems(files, content)
    assert.match(lines.join('\n'), /checking 2 articles changed since [0-9a-f]{12} \(merge base\)/)
    assert.match(report, 'articles/2019/10/bai-moi.md:5:11 error Unknown locality "tp-thanh-hao". Did you mean "tp-thanh-hoa"? [unknown-locality]')
    assert.match(report, 'articles/2019/10/chua-them.md:5:11 error Unknown locality "hoang-hao". Did you mean "hoang-hoa"? [unknown-locality]')
    assert.not.match(report, 'minh-dc', 'the unchanged article with an error is not checked')
    assert.match(report, /^2 errors, 0 warnings$/m)
    assert.equal(
      files.map((file) => relative(content, file.path)).filter((path) => path.startsWith('articles')),
      ['articles/2019/10/bai-moi.md', 'articles/2019/10/chua-them.md']
    )
  } finally {
    await removeDir(content)
  }
})

test('should find a duplicate URL with an unchanged article of the same slug, and check everything when a registry changed', async () => {
  const { content } = await repository()
  try {
    // Filed under another month, dated into the month of the existing article of that name.
    await mkdir(join(content, 'articles/2019/11'), { recursive: true })
    const original = await readFile(join(content, 'articles/2019/10/hoi-nghi-lang-nghe.md'), 'utf8')
    await writeFile(join(content, 'articles/2019/11/hoi-nghi-lang-nghe.md'), original)
    const { files } = await checkChanged({ contentDir: content, base: 'main' })
    assert.match(
      formatProblems(files, content),
      /articles\/2019\/11\/hoi-nghi-lang-nghe\.md:\d+:\d+ error Two articles have the URL \/2019\/10\/hoi-nghi-lang-nghe\/: this one and articles\/2019\/10\/hoi-nghi-lang-nghe\.md\. \[duplicate-url\]/
    )
    await rm(join(content, 'articles/2019/11'), { recursive: true })
    await writeFile(join(content, 'authors.yml'), (await readFile(join(content, 'authors.yml'), 'utf8')).replace('id: minh-duc', 'id: minh-duc-2'))
    const lines: string[] = []
    const all = await checkChanged({ contentDir: content, base: 'main', log: (line) => lines.push(line) })
    assert.match(lines.join('\n'), 'checking every article: authors.yml changed since main')
    assert.match(formatProblems(all.files, content), 'Unknown author "minh-dc"')
  } finally {
    await removeDir(content)
  }
})

test('should check everything when there is no repository, and say why', async () => {
  const content = await contentWith(join(fixtures, 'errors', 'unknown-author'))
  try {
    assert.ok('reason' in (await changedFiles(content, undefined)))
    // In this process (a child costs a second or two): git, its child, inherits the ceiling set above.
    const result = await runCliInProcess(['check', '--changed', '--content', relative(root, content)])
    assert.is(result.code, 1)
    assert.match(result.stderr, 'toasoan: checking every article: git is not available here, or this is not a git repository.')
    assert.match(result.stderr, 'Unknown author "minh-dc"')
  } finally {
    await removeDir(content)
  }
})

test.run()
