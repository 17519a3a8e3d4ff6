import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { readDate } from '../../../src/import/html-page.ts'
import { contentWith, exists, fixtures, removeDir, tempDir } from '../../helpers/fixtures.ts'
import { runCliInProcess } from '../../helpers/run-cli.ts'
import { hashTree } from '../../helpers/tree.ts'

// Saved pages of an old CMS shaped like the seed page (sapo "(Baothanhhoa.vn) - …", figures as
// tables with a caption cell, the byline at the end, "Tin liên quan" and "Đọc nhiều" boxes), in a
// `wget --mirror` folder named after the host.
const test = suite('htmlImport')
const fixture = join(fixtures, 'import', 'html')
const mirror = join(fixture, 'mirror', 'baothanhhoa.example')
const args = (content: string): string[] => ['import', 'html', '--config', join(fixture, 'config.yml'), mirror, '--content', content]
const first = 'articles/2019/10/cong-an-tp-thanh-hoa-lang-nghe-y-kien-nhan-dan-de-hoan-thanh-tot-nhiem-vu-duoc-giao.md'

let content = ''
let run: Awaited<ReturnType<typeof runCliInProcess>>
test.before(async () => {
  content = await contentWith(undefined)
  run = await runCliInProcess(args(content))
})
test.after(() => removeDir(content))

test("should read a date in the page's words with the config's format, in the site's zone", () => {
  assert.is(readDate('Thứ năm, 24/10/2019 - 09:15', 'dd/MM/yyyy HH:mm', 'Asia/Ho_Chi_Minh'), '2019-10-24 09:15')
  assert.is(readDate('Cập nhật 2/11/2019 7:05', 'dd/MM/yyyy HH:mm', 'Asia/Ho_Chi_Minh'), '2019-11-02 07:05')
  assert.is(readDate('31/02/2019 10:00', 'dd/MM/yyyy HH:mm', 'Asia/Ho_Chi_Minh'), undefined)
  assert.is(readDate('không có ngày', 'dd/MM/yyyy', 'Asia/Ho_Chi_Minh'), undefined)
})

test('should import each article page with its title, date, sapo, byline, locality and old address', async () => {
  assert.is(run.code, 0, run.stderr)
  assert.match(run.stdout, 'Imported 2 articles (0 drafts), 0 pages, 0 comments, 3 images, 2 aliases')
  const text = await readFile(join(content, first), 'utf8')
  assert.match(
    text,
    /^---\ntitle: "Công an TP Thanh Hóa: Lắng nghe ý kiến nhân dân để hoàn thành tốt nhiệm vụ được giao"\ndate: 2019-10-24 09:15\nauthors: \[to-phuong\]\nlocality: tp-thanh-hoa\n/
  )
  assert.match(text, 'summary: "(Baothanhhoa.vn) - Sáng 24-10, Ban Dân vận Thành ủy')
  assert.match(text, 'aliases: ["/an-ninh-trat-tu/cong-an-tp-thanh-hoa-lang-nghe-y-kien-nhan-dan-251379.htm"]')
  assert.match(
    text,
    /imported: \{from: html, id: "https:\/\/baothanhhoa\.example\/an-ninh-trat-tu\/cong-an-tp-thanh-hoa-lang-nghe-y-kien-nhan-dan-251379\.htm", digest: "[0-9a-f]{20}"\}/
  )
  const second = await readFile(join(content, 'articles/2019/11/hoang-hoa-ra-quan-lam-duong-giao-thong-nong-thon.md'), 'utf8')
  assert.match(second, 'date: 2019-11-02 07:05\nauthors: [minh-duc]\nlocality: hoang-hoa')
  assert.match(second, 'aliases: ["/xa-hoi/hoang-hoa-ra-quan-lam-duong-252001.htm"]', 'without a canonical link, the address from the mirror')
})

test("should turn the old figures into the project's, with captions, and drop the boxes the config removes", async () => {
  const text = await readFile(join(content, first), 'utf8')
  assert.match(
    text,
    '  - src: "upload/2019/10/24/hoi-nghi.jpg"\n    alt: "Công an TP Thanh Hóa: Lắng nghe ý kiến nhân dân để hoàn thành tốt nhiệm vụ được giao"\n    caption: "Thiếu tướng Nguyễn Hải Trung, Giám đốc Công an tỉnh và các đại biểu dự hội nghị."'
  )
  assert.match(text, '\n![](upload/2019/10/24/bo-phieu.jpg)\n')
  for (const gone of ['Tin liên quan', 'Đọc nhiều', 'Chia sẻ', 'Tố Phương\n', 'Quảng cáo', 'bình luận', '(Baothanhhoa.vn)\n'])
    assert.not.ok(text.split('---\n')[2]?.includes(gone), gone)
  assert.ok(await exists(join(content, 'media/upload/2019/10/24/bo-phieu.jpg')), 'an image at a relative address, from the mirror')
  assert.ok(await exists(join(content, 'media/upload/2019/11/02/ra-quan.jpg')), 'an image at an absolute address, from the mirror')
})

test('should report a missing image and a page a selector misses, with the file and the selector', () => {
  assert.match(
    run.stderr,
    /hoang-hoa-ra-quan-lam-duong-252001\.htm:1:1 warning Image https:\/\/baothanhhoa\.example\/upload\/2019\/11\/02\/khong-con\.jpg is not in the --media folder/
  )
  assert.match(run.stderr, /trang-chuyen-muc\.html:1:1 warning The body selector "\.article-body" matches nothing in this page\. \[selector-missed\]/)
  assert.match(run.stdout, '1 items skipped')
})

test('should change no byte on a second import, and check and build the result', async () => {
  const before = await hashTree(content)
  const again = await runCliInProcess(args(content))
  assert.match(again.stdout, 'files: 0 new, 0 updated, 2 unchanged, 0 conflicts')
  assert.equal(await hashTree(content), before)
  const check = await runCliInProcess(['check', '--content', content])
  assert.is(check.code, 0, check.stdout + check.stderr)
  const out = await tempDir('import-html-dist')
  const cache = await tempDir('import-html-cache')
  try {
    const build = await runCliInProcess(['build', '--content', content, '--out', out, '--cache', cache, '--now', '2026-11-26T08:00:00+07:00'])
    assert.is(build.code, 0, build.stderr)
    const alias = await readFile(join(out, 'an-ninh-trat-tu/cong-an-tp-thanh-hoa-lang-nghe-y-kien-nhan-dan-251379.htm'), 'utf8').catch(() => '')
    const redirects = await readFile(join(out, '_redirects'), 'utf8')
    assert.match(
      redirects,
      '/an-ninh-trat-tu/cong-an-tp-thanh-hoa-lang-nghe-y-kien-nhan-dan-251379.htm /2019/10/cong-an-tp-thanh-hoa-lang-nghe-y-kien-nhan-dan-de-hoan-thanh-tot-nhiem-vu-duoc-giao/ 301'
    )
    assert.ok(alias === '' || alias.includes('url=/2019/10/'), 'the alias page, where the build writes one, redirects')
  } finally {
    await removeDir(out)
    await removeDir(cache)
  }
})

test('should report every problem of the config at its line and exit 1', async () => {
  const result = await runCliInProcess(['import', 'html', '--config', join(fixture, 'bad-config.yml'), mirror, '--content', content])
  assert.is(result.code, 1)
  assert.match(result.stderr, /bad-config\.yml:\d+:\d+ error .*colour/)
  const again = await runCliInProcess(['import', 'html', '--config', join(fixture, 'bad-config.yml').replace('bad-config', 'config'), '--content', content])
  assert.is(again.code, 2, 'no page given: a usage error')
})

test.run()
