import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { didYouMean } from '../../src/problems/index.ts'

const test = suite('didYouMean')

test('should suggest the nearest id for a typo', () => {
  assert.is(didYouMean('tp-thanh-hao', ['thanh-hoa', 'tp-thanh-hoa', 'tp-sam-son']), 'tp-thanh-hoa')
  assert.is(didYouMean('localty', ['title', 'locality', 'tags']), 'locality')
})

test('should suggest nothing when nothing is close', () => {
  assert.is(didYouMean('mood', ['title', 'locality', 'tags']), undefined)
})

test.run()
