import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { build } from '../../src/pipeline/build.ts'
import { contentWith, removeDir, tempDir, testNow } from '../helpers/fixtures.ts'
import { readPage } from '../helpers/html.ts'
import { hashTree } from '../helpers/tree.ts'

const test = suite('comments')
let work = ''
let content = ''

test.before(async () => {
  work = await tempDir('comments')
  content = await contentWith(undefined, { keepSiteArticles: true })
  const result = await build({ contentDir: content, outDir: join(work, 'before'), cacheDir: join(work, 'cache'), now: testNow, log: () => {} })
  assert.ok(result.ok)
})

test.after(async () => {
  await removeDir(work)
  await removeDir(content)
})

test('should render approved comments as a thread with the count, replies under their parent, oldest first', async () => {
  const html = await readPage(join(work, 'before'), '/2019/10/hoi-nghi-lang-nghe/')
  assert.match(html, '<h2 id="binh-luan-tieu-de">3 bình luận</h2>')
  const order = [...html.matchAll(/<li class="comment" id="binh-luan-([a-z0-9]+)">/g)].map((match) => match[1])
  assert.equal(order, ['a1', 'b2', 'c3'])
  assert.match(html, /<li class="comment" id="binh-luan-a1">.*<ol class="comment-thread comment-thread--replies"><li class="comment" id="binh-luan-b2">/)
  assert.match(html, '<strong class="comment__name">Bác Tư</strong> - <time datetime="2019-10-24T18:00:00+07:00">Thứ năm, 24/10/2019 - 18:00</time>')
  assert.match(html, '<p class="comment__message">Hội nghị rất thiết thực.<br/>Mong phường làm thường xuyên.</p>')
})

test('should escape every field and keep commenters from adding markup or links', async () => {
  const html = await readPage(join(work, 'before'), '/2019/10/hoi-nghi-lang-nghe/')
  assert.match(html, '<strong class="comment__name">&lt;b>Cô Lan&lt;/b></strong>')
  assert.match(html, '&lt;script>alert(1)&lt;/script> và &lt;img src=x onerror=alert(2)> nhưng [link](https://spam.example) thì không.')
  assert.not.match(html, '<script>alert(1)')
  assert.not.match(html, 'href="https://spam.example"')
})

test('should say 0 bình luận and offer the form where nobody has commented yet', async () => {
  const html = await readPage(join(work, 'before'), '/2020/03/hai-tac-gia-va-dinh-chinh/')
  assert.match(html, '<h2 id="binh-luan-tieu-de">0 bình luận</h2>')
  assert.match(
    html,
    '<form id="gui-binh-luan" class="comment-form" method="post" action="https://comments.example/v3/entry/toasoan" data-comment-form="2020/03/hai-tac-gia-va-dinh-chinh">'
  )
})

test('should carry the fields every form service accepts', async () => {
  const html = await readPage(join(work, 'before'), '/2020/03/hai-tac-gia-va-dinh-chinh/')
  const back = 'https://fixture.example/2020/03/hai-tac-gia-va-dinh-chinh/?binh-luan=da-gui#binh-luan'
  for (const field of [
    '<input type="hidden" name="options[slug]" value="2020/03/hai-tac-gia-va-dinh-chinh"/>',
    `<input type="hidden" name="options[redirect]" value="${back}"/>`,
    `<input type="hidden" name="_next" value="${back}"/>`,
    'name="fields[name]" required maxlength="80"',
    'name="fields[email]" type="email"',
    'name="fields[message]" required maxlength="3000"',
    '<input name="_gotcha" tabindex="-1" autocomplete="off"/>',
    'Ý kiến của bạn sẽ được biên tập trước khi đăng.',
  ])
    assert.match(html, field)
  assert.not.match(html, 'options[parent]', 'only a reply carries a parent')
})

test('should leave out the form when an article turns comments off', async () => {
  const off = await contentWith(undefined, { keepSiteArticles: true })
  try {
    const path = join(off, 'articles/2020/03/hai-tac-gia-va-dinh-chinh.md')
    const { readFile } = await import('node:fs/promises')
    await writeFile(path, (await readFile(path, 'utf8')).replace('category: thoi-su', 'category: thoi-su\ncomments: false'))
    const out = join(work, 'off')
    assert.ok((await build({ contentDir: off, outDir: out, cacheDir: join(work, 'cache'), now: testNow, log: () => {} })).ok)
    const html = await readPage(out, '/2020/03/hai-tac-gia-va-dinh-chinh/')
    assert.not.match(html, 'comment-form')
    assert.not.match(html, 'comments.js')
  } finally {
    await removeDir(off)
  }
})

test('should change only that article page when a comment is approved', async () => {
  const dir = join(content, 'comments/2020/03/hai-tac-gia-va-dinh-chinh')
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'z9.yml'), '_id: z9\nname: Bạn đọc\nmessage: Đường đẹp quá.\ndate: 2020-03-07 10:00\n')
  try {
    await build({ contentDir: content, outDir: join(work, 'after'), cacheDir: join(work, 'cache'), now: testNow, log: () => {} })
    const before = await hashTree(join(work, 'before'))
    const after = await hashTree(join(work, 'after'))
    // The file manifest lists every file's hash, so it changes whenever anything does.
    const changed = Object.keys(after).filter((file) => before[file] !== after[file] && file !== '.toasoan-manifest.json')
    assert.equal(changed, ['2020/03/hai-tac-gia-va-dinh-chinh/index.html'])
    assert.equal(
      Object.keys(before).filter((file) => !(file in after)),
      []
    )
  } finally {
    await removeDir(dir)
  }
})

test.run()
