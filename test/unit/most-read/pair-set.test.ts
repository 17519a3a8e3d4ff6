import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { createPairSet } from '../../../src/most-read/pair-set.ts'

test('should add a pair once, whichever order the pairs come in', () => {
  const pairs = createPairSet()
  assert.is(pairs.add(7, 0), true)
  assert.is(pairs.add(7, 0), false)
  assert.is(pairs.add(0, 7), true)
  assert.is(pairs.add(7, 1), true)
  assert.is(pairs.size, 3)
})

test('should keep every pair through its growth, the largest values included', () => {
  const pairs = createPairSet()
  const count = 200_000
  for (let index = 0; index < count; index++) assert.is(pairs.add(index * 1024 + (index % 8), index % 1000), true)
  assert.is(pairs.add(0xffffffff, 0xfffffffe), true)
  for (let index = 0; index < count; index += 997) assert.is(pairs.add(index * 1024 + (index % 8), index % 1000), false)
  assert.is(pairs.size, count + 1)
  const seen: Array<[number, number]> = []
  pairs.forEach((first, second) => {
    if (first === 0xffffffff || first === 5 * 1024 + 5) seen.push([first, second])
  })
  assert.equal(
    seen.sort((a, b) => a[0] - b[0]),
    [
      [5 * 1024 + 5, 5],
      [0xffffffff, 0xfffffffe],
    ]
  )
})

test.run()
