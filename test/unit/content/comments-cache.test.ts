import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadComments } from '../../../src/content/comments.ts'
import { gitBlobId } from '../../../src/content/git-blobs.ts'
import { contentWith, removeDir, tempDir } from '../../helpers/fixtures.ts'

// Parsed comment files are cached; a cached run must give exactly what a fresh one gives,
// problems included, and see every edit.
const test = suite('comment cache')
let content = ''
let work = ''
const ids = new Set(['2019/10/hoi-nghi-lang-nghe'])
const load = (cacheFile?: string) => loadComments(content, ids, 'Asia/Ho_Chi_Minh', cacheFile)
const problems = (files: Awaited<ReturnType<typeof load>>['files']) =>
  files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`))

test.before(async () => {
  content = await contentWith(undefined, { keepSiteArticles: true })
  work = await tempDir('comment-cache')
})

test.after(async () => {
  await removeDir(content)
  await removeDir(work)
})

test('should give the same comments and problems from the cache, and see edits', async () => {
  const cacheFile = join(work, 'comments.cache')
  const fresh = await load()
  assert.ok(fresh.comments.length >= 3)
  assert.equal(await load(cacheFile), fresh, 'first run, writing the cache')
  assert.equal(await load(cacheFile), fresh, 'second run, from the cache')
  const path = join(content, 'comments/2019/10/hoi-nghi-lang-nghe/a1.yml')
  const original = await readFile(path, 'utf8')
  await writeFile(path, original.replace(/^name: .*$/m, 'name: Người Đọc Mới'))
  const edited = await load(cacheFile)
  assert.ok(
    edited.comments.some((comment) => comment.name === 'Người Đọc Mới'),
    'an edited file is read again'
  )
  await writeFile(path, original.replace(/^date: .*$/m, 'date: 2019-02-30 10:00'))
  const broken = await load(cacheFile)
  const again = await load(cacheFile)
  assert.ok(problems(broken.files).some((line) => line.includes('invalid-date')))
  assert.equal(problems(again.files), problems(broken.files), 'a problem is reported on every run, from the cache too')
  assert.equal(problems(again.files), problems((await load()).files), 'and is the same as without the cache')
  await writeFile(path, original)
})

test("should take a comment whose id git's index holds from the cache, and read one whose id differs", async () => {
  const cacheFile = join(work, 'comments-blobs.cache')
  const path = join(content, 'comments/2019/10/hoi-nghi-lang-nghe/a1.yml')
  const original = await readFile(path)
  await load(cacheFile)
  // Git's index says the file holds its committed bytes: the cache stands for it, unread.
  const committed = new Map([[path, gitBlobId(original)]])
  await writeFile(path, original.toString().replace(/^name: .*$/m, 'name: Chưa Ghi Vào Git'))
  try {
    const known = await loadComments(content, ids, 'Asia/Ho_Chi_Minh', cacheFile, committed)
    assert.not.ok(
      known.comments.some((comment) => comment.name === 'Chưa Ghi Vào Git'),
      'the committed bytes, as git says'
    )
    // Once git's index holds other bytes for it (or none), the file is read again.
    const staged = new Map([[path, gitBlobId(await readFile(path))]])
    const read = await loadComments(content, ids, 'Asia/Ho_Chi_Minh', cacheFile, staged)
    assert.ok(read.comments.some((comment) => comment.name === 'Chưa Ghi Vào Git'))
    assert.equal(await loadComments(content, ids, 'Asia/Ho_Chi_Minh', cacheFile, staged), read, 'and then taken from the cache by its id')
  } finally {
    await writeFile(path, original)
  }
})

test.run()
