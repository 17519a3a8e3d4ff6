import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parseWindows } from '../../../src/most-read/windows.ts'

const test = suite('windows')

test('should read windows in hours and days', () => {
  assert.equal(parseWindows('24h,7d'), {
    windows: [
      { name: '24h', ms: 86_400_000 },
      { name: '7d', ms: 604_800_000 },
    ],
  })
  assert.equal(parseWindows(' 6h , 6h,30d'), {
    windows: [
      { name: '6h', ms: 21_600_000 },
      { name: '30d', ms: 2_592_000_000 },
    ],
  })
})

test('should name the part that is not a window', () => {
  assert.equal(parseWindows('24h,week'), { invalid: 'week' })
  assert.equal(parseWindows('0h'), { invalid: '0h' })
  assert.equal(parseWindows('1000d'), { invalid: '1000d' })
  assert.equal(parseWindows(''), { invalid: '' })
})

test.run()
