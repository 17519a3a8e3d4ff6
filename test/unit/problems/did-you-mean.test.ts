import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { didYouMean } from '../../../src/problems/index.ts'

const test = suite('didYouMean')

test('should suggest the nearest id for a typo', () => {
  assert.is(didYouMean('tp-thanh-hao', ['thanh-hoa', 'tp-thanh-hoa', 'tp-sam-son']), 'tp-thanh-hoa')
  assert.is(didYouMean('localty', ['title', 'locality', 'tags']), 'locality')
})

test('should suggest nothing when nothing is close', () => {
  assert.is(didYouMean('mood', ['title', 'locality', 'tags']), undefined)
})

test('should suggest the entry whose display name the writer typed', () => {
  const authors = [
    { id: 'le-ha', name: 'Lê Hà' },
    { id: 'to-phuong', name: 'Tố Phương' },
  ]
  assert.is(didYouMean('Lê Hà', authors), 'le-ha')
  assert.is(didYouMean('tố phương', authors), 'to-phuong')
})

test('should suggest the id that ends with what the writer typed', () => {
  const localities = [
    { id: 'tp-sam-son', name: 'TP. Sầm Sơn' },
    { id: 'tp-thanh-hoa', name: 'TP. Thanh Hóa' },
    { id: 'thanh-hoa', name: 'Thanh Hóa' },
  ]
  assert.is(didYouMean('sam-son', localities), 'tp-sam-son')
  assert.is(didYouMean('Thanh Hóa', localities), 'thanh-hoa', 'a display name wins over a suffix')
  assert.is(didYouMean('sam-son', ['tp-sam-son', 'tx-sam-son']), 'tp-sam-son', 'ties go to the first id')
  assert.is(didYouMean('Sầm Sơn', localities), 'tp-sam-son', 'the end of a display name')
  assert.is(
    didYouMean('Hoằng Hóa', [
      { id: 'hoang-hoa', name: 'Huyện Hoằng Hóa' },
      { id: 'hoang-hop', name: 'Xã Hoằng Hợp' },
    ]),
    'hoang-hoa',
    'the id the name makes'
  )
})

test.run()
