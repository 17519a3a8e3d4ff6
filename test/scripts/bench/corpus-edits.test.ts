import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { addedArticleText, editedArticleText, splitArticle } from '../../../scripts/bench/index.ts'

const test = suite('bench/corpus-edits')

const template = `---
title: "Xử lý khai thác cát trái phép"
date: "2025-12-27 09:47"
authors:
  - "vu-huu-vinh"
locality: "quan-hoa"
category: "an-ninh-trat-tu"
aliases:
  - "/tin/cu.html"
images:
  - src: "anh-2.jpg"
---

Thân bài.
`

test('should shape a new article like the template, with its own title and date and no old addresses', () => {
  const { data, body } = splitArticle(addedArticleText(template, '2025-12-31 23:30'))
  assert.is(data['date'], '2025-12-31 23:30')
  assert.is(data['locality'], 'quan-hoa')
  assert.equal(data['authors'], ['vu-huu-vinh'])
  assert.is(data['category'], 'an-ninh-trat-tu')
  assert.is.not(data['title'], 'Xử lý khai thác cát trái phép')
  assert.is(data['aliases'], undefined)
  assert.is(data['images'], undefined)
  assert.ok(body.trim().length > 0)
})

test('should give the new article a lead photograph when asked', () => {
  const { data } = splitArticle(addedArticleText(template, '2025-12-31 23:30', 'bai-moi-1.jpg'))
  assert.equal(data['images'], [{ src: 'bai-moi-1.jpg', alt: 'Ảnh của bài viết mới' }])
})

test('should append a paragraph to the body and keep the front matter', () => {
  const edited = editedArticleText(template, 'Đoạn mới.')
  assert.ok(edited.endsWith('Thân bài.\n\nĐoạn mới.\n'))
  assert.equal(splitArticle(edited).data, splitArticle(template).data)
})

test.run()
