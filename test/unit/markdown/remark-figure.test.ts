import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { VFile } from 'vfile'
import { createMarkdownProcessor, type FigureImage, renderMarkdown } from '../../../src/markdown/index.ts'
import { figureImage } from '../../helpers/figure-image.ts'

const test = suite('remarkFigure')
const processor = createMarkdownProcessor()
const image = figureImage('Lúa chín <vàng>')
const { set } = image

function render(markdown: string, images: FigureImage[] = [image]) {
  const file = new VFile({ path: 'bai.md', value: markdown })
  const result = renderMarkdown(processor, file, new Map(images.map((entry) => [entry.src, entry])))
  return { ...result, messages: file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`) }
}

test('should turn a paragraph holding only a listed image into a figure with caption and credit', () => {
  const { html, placedImages, messages } = render('![](anh.jpg)\n')
  const [avif, webp] = set.sources
  assert.is(
    html,
    '<figure><picture>' +
      `<source type="image/avif" srcset="${avif?.srcset}" sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)">` +
      `<source type="image/webp" srcset="${webp?.srcset}" sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)">` +
      `<img src="${set.fallback.url}" srcset="${set.fallback.srcset}" sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)" alt="Cánh đồng lúa" width="800" height="600" loading="lazy" decoding="async">` +
      '</picture><figcaption>Lúa chín &#x3C;vàng> <span class="credit">Ảnh: Lan Anh</span></figcaption></figure>'
  )
  assert.match(set.fallback.srcset, /^\/media\/[0-9a-f]{2}\/anh-400\.[0-9a-f]{10}\.jpg 400w, \/media\/[0-9a-f]{2}\/anh-800\.[0-9a-f]{10}\.jpg 800w$/)
  assert.equal(placedImages, ['anh.jpg'])
  assert.equal(messages, [])
})

test('should prefer alt text written in the body', () => {
  assert.match(render('![Lúa trổ bông](anh.jpg)\n').html, 'alt="Lúa trổ bông"')
})

test('should omit the caption when there is neither caption nor credit', () => {
  const { html } = render('![](anh.jpg)\n', [{ ...image, caption: '', credit: '' }])
  assert.not.match(html, 'figcaption')
})

test('should keep an inline listed image inline, pointing at its published file', () => {
  const { html } = render('Trước ![](anh.jpg) sau\n')
  assert.is(html, `<p>Trước <img src="${set.fallback.url}" alt="Cánh đồng lúa"> sau</p>`)
})

test('should report an image placed but not listed, at its position', () => {
  const { messages } = render('Đoạn một.\n\n![](anhh.jpg)\n')
  assert.equal(messages, ['3:1 unlisted-image'])
})

test('should leave external images alone', () => {
  const { html, messages } = render('![](https://example.org/a.png)\n')
  assert.match(html, 'src="https://example.org/a.png"')
  assert.equal(messages, [])
})

test.run()
