import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { expandShortcodes, shortcodeAttributes, youtubeEmbed, type AttachmentInfo } from '../../../src/import/shortcodes.ts'

const test = suite('shortcodes')

const attachments = new Map<string, AttachmentInfo>([
  ['7', { url: 'https://old.example/wp-content/uploads/2020/01/a.jpg', alt: 'Ảnh A', caption: 'Chú thích "A"', parent: '1' }],
  ['8', { url: 'https://old.example/wp-content/uploads/2020/01/b.jpg', alt: '', caption: '', parent: '1' }],
])
const expand = (html: string, unknown: string[] = []): string =>
  expandShortcodes(html, { postId: '1', attachments, attachmentsOf: (id) => (id === '1' ? ['8', '7'] : []), onUnknown: (name) => unknown.push(name) })

test('should read quoted, single-quoted and bare attributes', () => {
  assert.equal(shortcodeAttributes(' ids="1,2" columns=3 link=\'file\''), { ids: '1,2', columns: '3', link: 'file' })
})

test('should turn a caption into a figure with its caption, the image kept', () => {
  const html = expand('[caption id="attachment_7" width="300"]<a href="x.jpg"><img src="a.jpg" alt="Ảnh"></a> Đại biểu dự họp.[/caption]')
  assert.is(html, '<figure><a href="x.jpg"><img src="a.jpg" alt="Ảnh"></a><figcaption>Đại biểu dự họp.</figcaption></figure>')
  assert.is(expand('[caption caption="Cũ"]<img src="a.jpg">[/caption]'), '<figure><img src="a.jpg"><figcaption>Cũ</figcaption></figure>')
})

test("should turn a gallery into its figures, by ids or by the post's attachments", () => {
  assert.is(
    expand('[gallery ids="7"]'),
    '<figure><img src="https://old.example/wp-content/uploads/2020/01/a.jpg" alt="Ảnh A"><figcaption>Chú thích &quot;A&quot;</figcaption></figure>'
  )
  assert.match(expand('[gallery]'), /b\.jpg[\s\S]*a\.jpg/)
})

test('should embed YouTube from [embed], [youtube] and an address alone on its line', () => {
  const player = youtubeEmbed('https://youtu.be/dQw4w9WgXcQ')
  assert.ok(player?.includes('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'))
  assert.is(expand('[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]'), player)
  assert.is(expand('[youtube https://youtu.be/dQw4w9WgXcQ]'), player)
  assert.is(expand('Trước\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\nSau'), `Trước\n${player}\nSau`)
  assert.is(expand('Xem https://youtu.be/dQw4w9WgXcQ ở đây'), 'Xem https://youtu.be/dQw4w9WgXcQ ở đây', 'inside a sentence it stays a link')
})

test('should report other shortcodes, drop their tags and keep their text, and unescape [[…]]', () => {
  const unknown: string[] = []
  assert.is(expand('[note type="info"]Lưu ý[/note] và [contact-form-7 id="3"]', unknown), 'Lưu ý và ')
  assert.equal(unknown, ['note', 'contact-form-7'])
  assert.is(expand('[[caption]] là mã ngắn'), '[caption] là mã ngắn')
  assert.is(expand('[Ảnh: TTXVN] và [1]'), '[Ảnh: TTXVN] và [1]', 'brackets that are not shortcodes stay')
})

test.run()
