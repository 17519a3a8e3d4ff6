import { cp, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { contentWith, exists, fixtures, removeDir, tempDir } from '../../helpers/fixtures.ts'
import { runCliInProcess } from '../../helpers/run-cli.ts'
import { hashTree } from '../../helpers/tree.ts'

// The whole command on real exports: a Vietnamese paper's (fixtures/import/wordpress/vi-export.xml)
// and edge cases modelled on the kinds of posts WordPress's theme unit test data covers.
const test = suite('wordpressImport')
const fixture = join(fixtures, 'import', 'wordpress')
const viExport = join(fixture, 'vi-export.xml')
const options = ['--map', join(fixture, 'map.yml'), '--media', join(fixture, 'uploads'), '--locality', 'thanh-hoa']
const article = 'articles/2019/10/cong-an-tp-thanh-hoa-lang-nghe-y-kien-nhan-dan.md'
const comments = 'comments/2019/10/cong-an-tp-thanh-hoa-lang-nghe-y-kien-nhan-dan'

let content = ''
let firstRun: Awaited<ReturnType<typeof runCliInProcess>>

test.before(async () => {
  content = await contentWith(undefined)
  firstRun = await runCliInProcess(['import', 'wordpress', viExport, '--content', content, ...options])
})
test.after(() => removeDir(content))

const read = (path: string): Promise<string> => readFile(join(content, path), 'utf8')

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}

test('should import posts, drafts, scheduled and private posts, pages and comments, and exit 0', async () => {
  assert.is(firstRun.code, 0, firstRun.stderr)
  assert.match(firstRun.stdout, 'Imported 5 articles (2 drafts), 1 pages, 4 comments, 3 images, 4 aliases, 1 new authors')
  for (const path of [
    article,
    'articles/2019/11/hoang-hoa-ra-quan-lam-duong.md',
    'articles/2019/11/mua-gat-o-hoang-hoa-ban-nhap.md',
    'articles/2031/01/ke-hoach-bau-cu-2031.md',
    'articles/2019/12/ghi-chu-noi-bo.md',
    'pages/gioi-thieu-toa-soan.md',
    `${comments}/1001.yml`,
    'media/2019/10/hoi-nghi.jpg',
    'media/2019/10/dai-bieu.jpg',
  ]) {
    assert.ok(await exists(join(content, path)), path)
  }
  assert.not.ok(await exists(join(content, 'articles/2019/12/bai-da-xoa.md')), 'trash is not imported')
})

test('should write the front matter the project writes, slug decoded and folded, lead first', async () => {
  const text = await read(article)
  assert.match(
    text,
    /^---\ntitle: "Công an TP Thanh Hóa lắng nghe ý kiến nhân dân"\ndate: 2019-10-24 09:15\nauthors: \[to-phuong\]\nlocality: tp-thanh-hoa\ncategory: thoi-su\ntags: \["công an"\]\n/
  )
  assert.match(text, 'summary: "Sáng 24-10, Công an TP Thanh Hóa tổ chức hội nghị lắng nghe ý kiến nhân dân năm 2019."')
  assert.match(text, 'aliases: ["/2019/10/24/công-an-tp-thanh-hóa-lắng-nghe-ý-kiến-nhân-dân/"]')
  assert.match(
    text,
    'images:\n  - src: "2019/10/hoi-nghi.jpg"\n    alt: "Hội trường kín chỗ ngồi"\n    caption: "Các đại biểu dự hội nghị."\n  - src: "2019/10/dai-bieu.jpg"\n    alt: "Một đại biểu phát biểu"\n    caption: "Đại biểu phường Đông Thọ góp ý tại hội nghị."'
  )
  assert.match(text, /imported: \{from: wordpress, id: "101", source: "[0-9a-f]{20}", digest: "[0-9a-f]{20}"\}\n---\n/)
})

test('should turn captions, embeds and the more tag into the project Markdown and report the rest', async () => {
  const text = await read(article)
  assert.match(text, '\n![](2019/10/dai-bieu.jpg)\n')
  assert.match(text, '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"')
  assert.match(text, '### Kết quả\n\n- Lấy phiếu đánh giá sự hài lòng;')
  assert.not.match(text, 'more')
  assert.not.match(text, 'contact-form-7')
  assert.match(firstRun.stderr, /vi-export\.xml:94:2 warning Post 101: shortcode \[contact-form-7\] is not converted\. \[unknown-shortcode\]/)
  const gutenberg = await read('articles/2019/11/hoang-hoa-ra-quan-lam-duong.md')
  assert.match(gutenberg, '| Xã          | Số km |')
  assert.match(gutenberg, 'embed/aqz-KE-bpKQ')
  assert.not.match(gutenberg, 'wp:')
  assert.match(firstRun.stderr, '[dropped-embed]')
})

test('should mark drafts, private posts and date scheduled ones in the future', async () => {
  assert.match(await read('articles/2019/11/mua-gat-o-hoang-hoa-ban-nhap.md'), /date: 2019-11-02 08:30\n[\s\S]*draft: true\n/)
  assert.match(await read('articles/2019/12/ghi-chu-noi-bo.md'), 'draft: true')
  const scheduled = await read('articles/2031/01/ke-hoach-bau-cu-2031.md')
  assert.match(scheduled, 'date: 2031-01-01 08:00')
  assert.not.match(scheduled, 'draft')
})

test('should report a missing image at its post and leave it out', async () => {
  assert.match(firstRun.stderr, /vi-export\.xml:283:2 warning Post 103: Image \S+thu-hoach-mat-tich\.jpg is not in the --media folder .*\[missing-media\]/)
  assert.not.match(await read('articles/2019/11/mua-gat-o-hoang-hoa-ban-nhap.md'), 'thu-hoach')
})

test('should keep approved comments threaded, a reply to an unapproved comment hanging from its nearest approved ancestor', async () => {
  assert.equal((await readdir(join(content, comments))).sort(), ['1001.yml', '1002.yml', '1004.yml', '1007.yml'])
  assert.match(await read(`${comments}/1002.yml`), '_parent: "1001"')
  assert.not.match(await read(`${comments}/1004.yml`), '_parent', 'its parent was pending and had no parent: the article')
  assert.match(await read(`${comments}/1007.yml`), '_parent: "1002"', 'its parent was spam, a reply to 1002')
  assert.match(await read(`${comments}/1001.yml`), 'message: "Diễn đàn như thế này rất cần thiết & bổ ích.\\n\\nMong công an phường tổ chức hằng quý."')
})

test('should never write an e-mail or IP address of a commenter or author', async () => {
  const xml = await readFile(viExport, 'utf8')
  const personal = [...xml.matchAll(/<wp:(?:comment_author_email|comment_author_IP|author_email)><!\[CDATA\[([^\]]+)\]\]>/g)].map((match) => match[1] as string)
  assert.ok(personal.length >= 10, 'the fixture carries e-mails and IPs')
  for (const path of await filesUnder(content)) {
    if (!/\.(?:md|yml)$/.test(path)) continue
    const text = await readFile(path, 'utf8')
    for (const value of personal) assert.not.ok(text.includes(value), `${value} in ${path}`)
    assert.not.match(text, /[\w.+-]+@[\w-]+\.[\w.]+/, `an e-mail address in ${path}`)
    assert.not.match(text, /\b(?:\d{1,3}\.){3}\d{1,3}\b/, `an IPv4 address in ${path}`)
  }
  assert.match(await read('authors.yml'), '- id: ban-bien-tap\n  name: "Ban Biên Tập"\n')
})

test('should change no byte when the same export is imported again', async () => {
  const before = await hashTree(content)
  const again = await runCliInProcess(['import', 'wordpress', viExport, '--content', content, ...options])
  assert.is(again.code, 0, again.stderr)
  assert.match(again.stdout, 'files: 0 new, 0 updated, 10 unchanged, 0 conflicts')
  assert.equal(await hashTree(content), before)
})

test('should leave a file edited since the import, and report it once its source changes, --dry-run printing the plan', async () => {
  const path = join(content, `${comments}/1002.yml`)
  const edited = (await readFile(path, 'utf8')).replace('Đồng ý với bác Bình.', 'Đồng ý với bác Bình!')
  await writeFile(path, edited)
  const same = await runCliInProcess(['import', 'wordpress', viExport, '--content', content, ...options])
  assert.match(same.stdout, 'files: 0 new, 0 updated, 10 unchanged, 0 conflicts', 'the same export: nothing to bring, nothing in conflict')
  assert.is(await readFile(path, 'utf8'), edited)
  const dir = await tempDir('import-update')
  try {
    const changed = join(dir, 'export.xml')
    const xml = (await readFile(viExport, 'utf8'))
      .replace('Đồng ý với bác Bình.', 'Đồng ý với bác Bình, sửa trên trang cũ.')
      .replace('đưa tin về <strong>thời sự</strong>', 'đưa tin về <strong>thời sự và kinh tế</strong>')
    await writeFile(changed, xml)
    const before = await hashTree(content)
    const dry = await runCliInProcess(['import', 'wordpress', changed, '--content', content, ...options, '--dry-run'])
    assert.is(dry.code, 0, dry.stderr)
    assert.match(dry.stdout, `would leave (edited since import) ${comments}/1002.yml`)
    assert.match(dry.stdout, 'would update pages/gioi-thieu-toa-soan.md')
    assert.match(dry.stderr, '[edited-since-import]')
    assert.equal(await hashTree(content), before, '--dry-run writes nothing')
    const result = await runCliInProcess(['import', 'wordpress', changed, '--content', content, ...options])
    assert.is(result.code, 0, result.stderr)
    // The article's comments changed: its source line with them; the page's text changed.
    assert.match(result.stdout, 'files: 0 new, 2 updated, 7 unchanged, 1 conflicts')
    assert.is(await readFile(path, 'utf8'), edited)
    assert.match(await readFile(join(content, 'pages/gioi-thieu-toa-soan.md'), 'utf8'), '**thời sự và kinh tế**')
    const back = await runCliInProcess(['import', 'wordpress', changed, '--content', content, ...options])
    assert.match(back.stdout, 'files: 0 new, 0 updated, 10 unchanged, 0 conflicts')
  } finally {
    await removeDir(dir)
  }
})

test('should report a post whose date changed on the old site, leaving the file of its old date', async () => {
  const dir = await contentWith(undefined)
  const work = await tempDir('import-moved')
  try {
    await runCliInProcess(['import', 'wordpress', viExport, '--content', dir, ...options])
    const moved = join(work, 'export.xml')
    await writeFile(
      moved,
      (await readFile(viExport, 'utf8')).replace('<wp:post_date_gmt><![CDATA[2019-11-01 00:30:00]]>', '<wp:post_date_gmt><![CDATA[2019-12-01 00:30:00]]>')
    )
    const result = await runCliInProcess(['import', 'wordpress', moved, '--content', dir, ...options])
    assert.is(result.code, 0, result.stderr)
    assert.match(
      result.stderr,
      'warning Post 102 is now articles/2019/12/hoang-hoa-ra-quan-lam-duong.md; articles/2019/11/hoang-hoa-ra-quan-lam-duong.md, written for it by an earlier import, was left. [moved-post]'
    )
    assert.ok(await exists(join(dir, 'articles/2019/11/hoang-hoa-ra-quan-lam-duong.md')), 'never deleted')
    assert.ok(await exists(join(dir, 'articles/2019/12/hoang-hoa-ra-quan-lam-duong.md')))
  } finally {
    await removeDir(dir)
    await removeDir(work)
  }
})

test('should convert a post again when a missing image appears in --media', async () => {
  const dir = await contentWith(undefined)
  const media = await tempDir('import-media')
  try {
    await cp(join(fixture, 'uploads'), media, { recursive: true })
    const args = ['import', 'wordpress', viExport, '--content', dir, '--map', join(fixture, 'map.yml'), '--media', media, '--locality', 'thanh-hoa']
    await runCliInProcess(args)
    const draft = join(dir, 'articles/2019/11/mua-gat-o-hoang-hoa-ban-nhap.md')
    assert.not.match(await readFile(draft, 'utf8'), 'thu-hoach')
    await cp(join(media, '2019/11/ruong-lua.jpg'), join(media, '2019/11/thu-hoach-mat-tich.jpg'))
    const again = await runCliInProcess(args)
    assert.match(again.stdout, '1 updated')
    assert.match(await readFile(draft, 'utf8'), '![](2019/11/thu-hoach-mat-tich.jpg)')
    assert.not.match(again.stderr, 'thu-hoach-mat-tich.jpg is not in the --media folder')
  } finally {
    await removeDir(dir)
    await removeDir(media)
  }
})

test('should report invalid XML at its line and column and exit 1, writing nothing', async () => {
  const dir = await contentWith(undefined)
  try {
    const before = await hashTree(dir)
    const result = await runCliInProcess(['import', 'wordpress', join(fixture, 'broken-export.xml'), '--content', dir, '--locality', 'thanh-hoa'])
    assert.is(result.code, 1)
    assert.match(result.stderr, /broken-export\.xml:42:36 error Invalid XML: undefined entity\. \[invalid-xml\]/)
    assert.match(result.stdout, 'Nothing was imported')
    assert.equal(await hashTree(dir), before)
  } finally {
    await removeDir(dir)
  }
})

test('should report an unknown id of the map at its line and exit 1', async () => {
  const result = await runCliInProcess(['import', 'wordpress', viExport, '--content', content, '--map', join(fixture, 'bad-map.yml')])
  assert.is(result.code, 1)
  assert.match(
    result.stderr,
    /bad-map\.yml:2:14 error Unknown locality id "tp-thanh-hao" for "thành-phố": not in localities\.yml\. Did you mean "tp-thanh-hoa"\? \[unknown-map-id\]/
  )
})

test('should exit 2 on a usage error and 1 on an export that cannot be read', async () => {
  assert.is((await runCliInProcess(['import'])).code, 2)
  assert.is((await runCliInProcess(['import', 'joomla', viExport])).code, 2)
  assert.is((await runCliInProcess(['import', 'wordpress', viExport, '--content', content, '--locality', 'tp-thanh-hao'])).code, 2)
  assert.is((await runCliInProcess(['import', 'wordpress', viExport, '--content', content, '--bogus'])).code, 2)
  assert.is((await runCliInProcess(['import', 'wordpress', join(fixture, 'none.xml'), '--content', content])).code, 1)
})

test('should import the edge cases: empty titles, markup, more and next-page tags, passwords, threads, one slug twice', async () => {
  const dir = await contentWith(undefined)
  try {
    const result = await runCliInProcess(['import', 'wordpress', join(fixture, 'edge-cases.xml'), '--content', dir, '--locality', 'thanh-hoa'])
    assert.is(result.code, 0, result.stderr)
    const at = (path: string): Promise<string> => readFile(join(dir, path), 'utf8')
    assert.match(await at('articles/2013/01/bai-1.md'), 'title: "(Không có tiêu đề) 1"')
    assert.match(await at('articles/2013/01/markup-title-with-markup.md'), 'title: "Markup: Title With & Markup"')
    const markup = await at('articles/2013/01/markup-html-elements.md')
    assert.match(markup, '> Quoted text.')
    assert.match(markup, '```\nconst x = 1 < 2\n```')
    assert.not.match(markup, 'alert(1)')
    assert.match(await at('articles/2013/01/template-more-tag.md'), 'Teaser text before the tag.\n\nText after the more tag.\n\nSecond page of the post.\n')
    assert.match(await at('articles/2013/01/template-excerpt-defined.md'), 'summary: "A defined excerpt, as the lead."')
    assert.match(await at('articles/2013/01/template-password-protected.md'), 'draft: true')
    assert.not.match(await at('articles/2013/01/template-password-protected.md'), 'enter')
    assert.match(result.stderr, '[protected-post]')
    assert.match(await at('articles/2013/01/pending-review.md'), 'draft: true')
    assert.match(await at('articles/2013/01/same-slug.md'), 'Same slug one')
    assert.match(await at('articles/2013/01/same-slug-17.md'), 'Same slug two')
    assert.match(await at('articles/2013/01/post-format-video-youtube.md'), 'embed/nwe-H6l4beM')
    assert.match(result.stderr, 'shortcode [audio] is not converted')
    assert.match(result.stderr, 'the featured image (attachment 9999) is not in the export')
    assert.match(result.stderr, 'Post 8 ("Edge Case: No Content") has no content and no excerpt.')
    const thread = join(dir, 'comments/2013/01/template-comments')
    assert.equal((await readdir(thread)).sort(), ['501.yml', '502.yml', '504.yml', '505.yml', '507.yml'])
    assert.match(await readFile(join(thread, '504.yml'), 'utf8'), '_parent: "502"')
    assert.match(await readFile(join(thread, '507.yml'), 'utf8'), 'message: "First paragraph.\\n\\nSecond link."')
    assert.not.ok(await exists(join(dir, 'articles/2013/01/14-revision-v1.md')))
    assert.match(await at('pages/about/our-team.md'), 'A child page keeps its place under its parent.')
    assert.match(await at('pages/about.md'), 'The parent page')
    const check = await runCliInProcess(['check', '--content', dir])
    assert.is(check.code, 0, check.stderr + check.stdout)
  } finally {
    await removeDir(dir)
  }
})

test('should check and build the imported archive, the old permalink redirecting to the article', async () => {
  const check = await runCliInProcess(['check', '--content', content])
  assert.is(check.code, 0, check.stdout + check.stderr)
  const out = await tempDir('import-dist')
  const cache = await tempDir('import-cache')
  try {
    const build = await runCliInProcess(['build', '--content', content, '--out', out, '--cache', cache, '--now', '2026-11-26T08:00:00+07:00'])
    assert.is(build.code, 0, build.stderr)
    const alias = await readFile(join(out, '2019/10/24/công-an-tp-thanh-hóa-lắng-nghe-ý-kiến-nhân-dân/index.html'), 'utf8')
    assert.match(alias, 'url=/2019/10/cong-an-tp-thanh-hoa-lang-nghe-y-kien-nhan-dan/')
    const redirects = await readFile(join(out, '_redirects'), 'utf8')
    assert.match(
      redirects,
      '/2019/10/24/c%C3%B4ng-an-tp-thanh-h%C3%B3a-l%E1%BA%AFng-nghe-%C3%BD-ki%E1%BA%BFn-nh%C3%A2n-d%C3%A2n/ /2019/10/cong-an-tp-thanh-hoa-lang-nghe-y-kien-nhan-dan/ 301'
    )
    const page = await readFile(join(out, '2019/10/cong-an-tp-thanh-hoa-lang-nghe-y-kien-nhan-dan/index.html'), 'utf8')
    assert.match(page, 'Đại biểu phường Đông Thọ góp ý tại hội nghị.')
    assert.match(page, 'Trần Thị Hoa')
    assert.ok((await stat(join(out, 'gioi-thieu-toa-soan/index.html'))).isFile())
    assert.not.ok(await exists(join(out, '2031/01/ke-hoach-bau-cu-2031/index.html')), 'scheduled: not yet published')
  } finally {
    await removeDir(out)
    await removeDir(cache)
  }
})

test.run()
