import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import {
  foldVietnamese,
  hasMarks,
  phraseExcerpt,
  phraseMatch,
  spelledAsTyped,
  spellingOf,
  wordExcerpt,
} from '../../../../templates/client/search/vietnamese-text.ts'

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
  assert.is(phraseMatch('tỉnh Thanh Hoá', 'thanh hóa'), 2, 'the tone wherever it sits')
  // A phrase is first looked for in the text's letters alone: what punctuation splits or joins still matches.
  assert.is(phraseMatch('Thêm ca covid-19 mới.', 'covid19 mới'), 2)
  assert.is(phraseMatch('(Đà Nẵng) đón khách', 'đà nẵng đón'), 0, 'across a clause')
  assert.is(phraseMatch('Đà Nẵng đón khách', 'đà nẵng đón'), 2)
})

test('should give the same answers for the same words, however often they were seen', () => {
  const text = 'Đường giao thông nông thôn ở Thọ Xuân. Tuyên dương đường làng'
  for (let round = 0; round < 3; round++) {
    assert.is(phraseMatch(text, 'đường giao thông'), 2)
    assert.is(phraseMatch(text, 'duong giao thong'), 1)
    assert.ok(spelledAsTyped(text, 'đường'))
    assert.not.ok(spelledAsTyped('tuyên dương', 'đường'))
    assert.equal(spellingOf('Hoá'), spellingOf('hóa'))
  }
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

test('should compare spellings apart from where the tone sits', () => {
  assert.equal(spellingOf('Hoá'), spellingOf('hóa'), 'old and new placement of the tone')
  assert.equal(spellingOf('ĐƯỜNG,'), { letters: 'đương', tone: '\u0300' })
  assert.not.equal(spellingOf('đường'), spellingOf('dương'))
  assert.ok(hasMarks('Thanh Hóa') && hasMarks('HDND đ') && !hasMarks('duong GIAO thong'))
})

test('should tell a text holding the query as typed from one holding it only folded', () => {
  const road = 'Hoằng Hóa mở rộng đường liên xã.'
  const praise = 'Nhà trường tuyên dương học sinh giỏi.'
  assert.ok(spelledAsTyped(road, 'đường'))
  assert.not.ok(spelledAsTyped(praise, 'đường'), '"dương" is "đường" folded, not as typed')
  assert.ok(spelledAsTyped(praise, 'duong') && spelledAsTyped(road, 'duong'), 'typed without marks: no spelling to prefer')
  assert.ok(spelledAsTyped('Thanh Hoá', 'thanh hóa'), 'the tone wherever it sits')
  assert.ok(spelledAsTyped(road, 'mở rộng đườ'), 'the last word as the start of a word, its tone not typed yet')
  assert.not.ok(spelledAsTyped(road, '"mở rộng đườ"'), 'a quoted query holds whole words')
  assert.not.ok(spelledAsTyped(road, 'mở rộng cho'), 'a word typed without marks in a query with marks is taken as typed')
})

test.run()
