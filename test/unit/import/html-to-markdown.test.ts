import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { htmlToMarkdown, type ImageResolution } from '../../../src/import/html-to-markdown.ts'

const test = suite('htmlToMarkdown')

function convert(html: string) {
  const problems: string[] = []
  const resolveImage = (url: string): ImageResolution => {
    const path = /\/wp-content\/uploads\/(.+)$/.exec(url)?.[1]
    if (path === undefined) return 'external'
    return path.includes('missing') ? { missing: path } : { src: path }
  }
  return { ...htmlToMarkdown(html, { resolveImage, onProblem: (rule, reason) => problems.push(`${rule}: ${reason}`) }), problems }
}

test('should keep headings, emphasis, links, lists and tables as Markdown', () => {
  const { markdown } = convert(
    '<h2>Tiêu đề</h2><p><strong>Đậm</strong>, <em>nghiêng</em>, <a href="https://a.example/">liên kết</a>.</p><ol><li>một</li><li>hai</li></ol><table><tr><th>A</th></tr><tr><td>1</td></tr></table>'
  )
  assert.is(markdown, '## Tiêu đề\n\n**Đậm**, _nghiêng_, [liên kết](https://a.example/).\n\n1. một\n2. hai\n\n| A |\n| - |\n| 1 |\n')
})

test('should make a figure a paragraph holding only the image, its alt and caption listed', () => {
  const result = convert(
    '<figure class="wp-block-image"><img src="https://old.example/wp-content/uploads/2020/01/a.jpg" alt="Ảnh"><figcaption>Chú <em>thích</em>.</figcaption></figure>'
  )
  assert.is(result.markdown, '![](2020/01/a.jpg)\n')
  assert.equal(result.images, [{ src: '2020/01/a.jpg', alt: 'Ảnh', caption: 'Chú thích.' }])
})

test('should unwrap an image linked to its own file and list each image once', () => {
  const img = '<a href="https://old.example/wp-content/uploads/2020/01/a.jpg"><img src="https://old.example/wp-content/uploads/2020/01/a.jpg" alt="A"></a>'
  const result = convert(`<p>${img}</p><div>${img}</div>`)
  assert.is(result.markdown, '![](2020/01/a.jpg)\n\n![](2020/01/a.jpg)\n')
  assert.equal(result.images, [{ src: '2020/01/a.jpg', alt: 'A' }])
})

test('should leave a missing image out and report it, and keep an external one as a link', () => {
  const result = convert(
    '<p>Trước</p><p><img src="https://old.example/wp-content/uploads/missing.jpg"></p><p><img src="https://cdn.example/x.jpg" alt="X"></p>'
  )
  assert.is(result.markdown, 'Trước\n\n![X](https://cdn.example/x.jpg)\n')
  assert.equal(result.problems, [
    'missing-media: Image https://old.example/wp-content/uploads/missing.jpg is not in the --media folder (looked for missing.jpg).',
    'external-image: Image https://cdn.example/x.jpg is on another site.',
  ])
})

test('should keep YouTube players, drop other embeds, scripts and block comments', () => {
  const result = convert(
    '<!-- wp:html --><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0"></iframe><iframe src="https://maps.example/x"></iframe><script>x()</script><!-- /wp:html --><p>A<!--more-->B</p>'
  )
  assert.is(
    result.markdown,
    '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="Video YouTube" width="560" height="315" allowfullscreen></iframe>\n\nAB\n'
  )
  assert.equal(result.problems, ['dropped-embed: The embed https://maps.example/x was dropped.'])
})

test.run()
