import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { foldVietnamese, phraseExcerpt, phraseMatch, queryVariants, wordVariants } from '../../../templates/client/search/query-variants.ts'

const test = suite('query-variants')

test('should try đ only at the start of a syllable', () => {
  assert.equal(wordVariants('duong'), ['duong', 'đuong'])
  assert.equal(wordVariants('Dong'), ['Dong', 'Đong'])
  assert.equal(wordVariants('chi'), ['chi'])
  assert.equal(wordVariants('dinh'), ['dinh', 'đinh'], 'a final consonant is never đ')
})

test('should try đ at every d of an abbreviation', () => {
  assert.equal(wordVariants('hdnd'), ['hdnd', 'hđnd', 'hdnđ', 'hđnđ'])
  assert.equal(wordVariants('UBND'), ['UBND', 'UBNĐ'])
  assert.equal(wordVariants('ubnd'), ['ubnd', 'ubnđ'])
})

test('should combine the words of a query, the query as typed first', () => {
  assert.equal(queryVariants('da nang'), ['da nang', 'đa nang'])
  assert.equal(queryVariants(' dong   chi '), ['dong chi', 'đong chi'])
  assert.equal(queryVariants('cong an'), ['cong an'])
  assert.equal(queryVariants('đường'), ['đường'], 'a query typed with đ is left alone')
  assert.is(queryVariants('dan duong di dau do', 8).length, 8, 'capped')
})

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

test.run()
