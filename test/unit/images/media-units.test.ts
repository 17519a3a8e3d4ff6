import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { mediaUnits } from '../../../src/images/media-units.ts'

const test = suite('images/media-units')

const set = (...urls: string[]) => ({ variants: urls.map((url) => ({ url, width: 400, height: 300, format: 'webp' as const })) })

test('should make one unit per two-digit folder, keyed by the names it holds whatever their order', () => {
  const units = mediaUnits([set('/media/3f/a-400.3f01.webp', '/media/0c/a-800.0c02.webp'), set('/media/3f/b-400.3f03.webp')], 'code')
  assert.equal(
    units.map((unit) => unit.path),
    ['media/0c', 'media/3f']
  )
  const reordered = mediaUnits([set('/media/3f/b-400.3f03.webp'), set('/media/0c/a-800.0c02.webp', '/media/3f/a-400.3f01.webp')], 'code')
  assert.equal(reordered, units)
  // The same file listed by two sets (one photograph in two articles) counts once.
  assert.equal(
    mediaUnits([set('/media/3f/b-400.3f03.webp'), set('/media/3f/b-400.3f03.webp', '/media/3f/a-400.3f01.webp', '/media/0c/a-800.0c02.webp')], 'code'),
    units
  )
})

test('should change the key of a folder that gains or loses a name, or when the image code changes, and only then', () => {
  const before = mediaUnits([set('/media/3f/a-400.3f01.webp', '/media/0c/a-800.0c02.webp')], 'code')
  const added = mediaUnits([set('/media/3f/a-400.3f01.webp', '/media/0c/a-800.0c02.webp'), set('/media/3f/c-400.3f09.webp')], 'code')
  assert.is(added[0]?.key, before[0]?.key, 'media/0c unchanged')
  assert.is.not(added[1]?.key, before[1]?.key, 'media/3f holds another name')
  const otherCode = mediaUnits([set('/media/3f/a-400.3f01.webp', '/media/0c/a-800.0c02.webp')], 'other')
  assert.is.not(otherCode[0]?.key, before[0]?.key)
})

test.run()
