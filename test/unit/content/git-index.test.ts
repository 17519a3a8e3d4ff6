import { execFileSync } from 'node:child_process'
import { cp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadContent } from '../../../src/content/index.ts'
import { gitBlobId } from '../../../src/content/git-blobs.ts'
import { gitBlobIds } from '../../../src/content/git-index.ts'
import { fixtureSite, removeDir, tempDir } from '../../helpers/fixtures.ts'
import { commitAll, gitIn } from '../../helpers/git.ts'

// After a fresh checkout every article's size, time and inode are new: git's index says which
// bytes each file holds, so the source cache is trusted without reading the archive again.
const test = suite('content/git-index')
let work = ''
let repo = ''

const git = (...args: string[]): string => gitIn(repo)(...args)

test.before(async () => {
  work = await tempDir('git-index')
  repo = join(work, 'content')
  await cp(fixtureSite, repo, { recursive: true })
  commitAll(repo, 'archive')
})

test.after(async () => {
  await removeDir(work)
})

test("should give each committed, unmodified article git's object id of its bytes, and nothing for a modified, untracked or linked one", async () => {
  const [first, second] = git('ls-files', 'articles').trim().split('\n') as [string, string]
  await writeFile(join(repo, second), `${await readFile(join(repo, second), 'utf8')}\nSửa.\n`)
  await writeFile(join(repo, 'articles', 'untracked.md'), 'new')
  await symlink(join(repo, first), join(repo, 'articles', 'linked.md'))
  git('add', 'articles/linked.md')
  const blobs = await gitBlobIds(repo, 'articles')
  assert.is(blobs.get(join(repo, first)), gitBlobId(await readFile(join(repo, first))))
  assert.is(blobs.get(join(repo, first)), git('rev-parse', `HEAD:${first}`).trim())
  assert.not.ok(blobs.has(join(repo, second)), 'modified in the working tree')
  assert.not.ok(blobs.has(join(repo, 'articles', 'untracked.md')))
  assert.not.ok(blobs.has(join(repo, 'articles', 'linked.md')), 'a link is stat-ed as before')
  git('update-index', '--assume-unchanged', first)
  assert.not.ok((await gitBlobIds(repo, 'articles')).has(join(repo, first)), 'a file git is told not to look at')
  git('update-index', '--no-assume-unchanged', first)
  git('rm', '-q', '--cached', 'articles/linked.md')
  await rm(join(repo, 'articles', 'linked.md'))
  await rm(join(repo, 'articles', 'untracked.md'))
  git('checkout', '-q', '--', second)
  assert.equal(await gitBlobIds(join(work, 'not-a-repo'), 'articles'), new Map(), 'outside a work tree: nothing')
})

// The usual newsroom: content/ beside the code, in one repository. Git prints paths from the
// folder it was asked in, and a modified file must be named that way too.
test('should leave out a modified article when the content folder is a folder of the repository', async () => {
  const site = join(work, 'site')
  await cp(fixtureSite, join(site, 'content'), { recursive: true })
  await writeFile(join(site, 'README.md'), 'Báo\n')
  commitAll(site, 'site')
  const content = join(site, 'content')
  const [first, second] = gitIn(content)('ls-files', 'articles').trim().split('\n') as [string, string]
  await writeFile(join(content, second), `${await readFile(join(content, second), 'utf8')}\nSửa.\n`)
  const blobs = await gitBlobIds(content, 'articles')
  assert.is(blobs.get(join(content, first)), gitBlobId(await readFile(join(content, first))))
  assert.not.ok(blobs.has(join(content, second)), 'modified in the working tree')
  await rm(join(content, first))
  assert.not.ok((await gitBlobIds(content, 'articles')).has(join(content, first)), 'deleted from the working tree')
})

test('should reuse every cached article after a fresh clone at the same place, and load again one edited after it', async () => {
  const cache = join(work, 'cache')
  const first = await loadContent({ contentDir: repo, cacheDir: cache })
  assert.ok(first.sources)
  // A fresh checkout where the last one was: new inodes and times for every file.
  await rename(repo, `${repo}-origin`)
  execFileSync('git', ['clone', '-q', `${repo}-origin`, repo])
  const cloned = await loadContent({ contentDir: repo, cacheDir: cache })
  assert.is(cloned.reused, first.sources.articles.length, 'every article from the cache')
  const edited = git('ls-files', 'articles').trim().split('\n')[0] as string
  await writeFile(join(repo, edited), (await readFile(join(repo, edited), 'utf8')).replace(/\n\n/, '\n\nĐoạn mở đầu mới sau khi sửa.\n\n'))
  const again = await loadContent({ contentDir: repo, cacheDir: cache })
  assert.is(again.reused, first.sources.articles.length - 1, 'the edited article loaded again')
  const article = again.sources?.articles.find((candidate) => join(repo, candidate.sourcePath) === join(repo, edited))
  assert.match((await again.sources?.bodies.read([article?.id ?? '']))?.get(article?.id ?? '') ?? '', 'Đoạn mở đầu mới sau khi sửa.')
})

test.run()
