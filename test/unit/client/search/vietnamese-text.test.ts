import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { foldVietnamese, phraseExcerpt, phraseMatch, wordExcerpt } from '../../../../templates/client/search/vietnamese-text.ts'

const test = suite('vietnamese-text')

test('should fold tone marks, vowel marks and đ', () => {
  assert.is(foldVietnamese('Đà Nẵng, HĐND!'), 'da nang hdnd')
  assert.is(foldVietnamese('Công an TP. Thanh Hóa'), 'cong an tp thanh hoa')
})

test('should rank exact phrases above folded ones, and neither across punctuation', () => {
  assert.is(phraseMatch('Du khách từ Đà Nẵng đến', 'Đà Nẵng'), 2)
  assert.is(phraseMatch('Du khách từ Đà Nẵng đến', 'da nang'), 1)
  assert.is(phraseMatch('công ty đà nâng cấp', 'Đà Nẵng'), 1)
  assert.is(phraseMatch('thêm vài triệu đồng", chị nói', 'dong chi'), 0)
  assert.is(phraseMatch('đồng chí Chủ tịch', 'dong chi'), 1)
  assert.is(phraseMatch('đường', 'duong'), 0, 'one word: Pagefind ranks it')
})

test('should centre an excerpt on the phrase and keep the original text', () => {
  const parts = phraseExcerpt('Nhiều gia đình từ Đà Nẵng chọn biển Hải Tiến.', 'da nang', 2)
  assert.equal(parts, [
    { text: '… đình từ ', mark: false },
    { text: 'Đà Nẵng', mark: true },
    { text: ' chọn biển …', mark: false },
  ])
  assert.is(phraseExcerpt('Không có cụm từ.', 'da nang'), undefined)
})

test('should centre a word excerpt on the first word of the query, highlighting each in the original spelling', () => {
  assert.equal(wordExcerpt('Xã mở rộng đường làng, đường liên xã.', 'duong', 3), [
    { text: 'Xã mở rộng ', mark: false },
    { text: 'đường', mark: true },
    { text: ' làng, ', mark: false },
    { text: 'đường', mark: true },
    { text: ' liên', mark: false },
    { text: ' …', mark: false },
  ])
  assert.equal(wordExcerpt('Lời dẫn của bài.', 'tieu de', 2), [{ text: 'Lời dẫn của bài.', mark: false }], 'no word: the text from its start')
})

test.run()
