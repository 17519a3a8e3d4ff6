import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { VFile } from 'vfile'
import { createMarkdownProcessor, renderMarkdown } from '../../../src/markdown/index.ts'

const test = suite('createMarkdownProcessor')
const processor = createMarkdownProcessor({ embedHosts: ['www.youtube-nocookie.com'] })

function render(markdown: string) {
  const file = new VFile({ path: 'bai.md', value: markdown })
  return { html: renderMarkdown(processor, file, new Map()).html, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`) }
}

test('should render GitHub-flavoured Markdown', () => {
  const { html } = render('| Xã | Hộ |\n|---|---|\n| Hoằng Lộc | 120 |\n\n~~cũ~~\n')
  assert.match(html, '<table>')
  assert.match(html, '<td>Hoằng Lộc</td>')
  assert.match(html, '<del>cũ</del>')
})

test('should remove scripts, event handlers and javascript: links', () => {
  const { html } = render(
    '<script>alert(1)</script>\n\n<img src="x.png" onerror="alert(1)">\n\n[bấm](javascript:alert(1))\n\n<a href="https://example.org" onclick="x()">a</a>\n'
  )
  assert.not.match(html, 'script')
  assert.not.match(html, 'onerror')
  assert.not.match(html, 'onclick')
  assert.not.match(html, 'javascript:')
})

test('should keep iframes from allowed hosts and drop others with a warning', () => {
  const { html, messages } = render(
    '<iframe src="https://www.youtube-nocookie.com/embed/x" title="Video" width="560" height="315" allowfullscreen></iframe>\n\n<iframe src="https://evil.example/x"></iframe>\n'
  )
  assert.match(html, '<iframe src="https://www.youtube-nocookie.com/embed/x" title="Video" width="560" height="315" allowfullscreen></iframe>')
  assert.not.match(html, 'evil.example')
  assert.equal(messages, ['3:1 embed-not-allowed'])
})

test('should give headings ids and external links rel="noopener"', () => {
  const { html } = render('## Kết quả bầu cử\n\n[Báo](https://example.org) và [nội bộ](/2019/10/a/)\n')
  assert.match(html, '<h2 id="kết-quả-bầu-cử">Kết quả bầu cử</h2>')
  assert.match(html, '<a href="https://example.org" rel="noopener">Báo</a>')
  assert.match(html, '<a href="/2019/10/a/">nội bộ</a>')
})

test.run()
