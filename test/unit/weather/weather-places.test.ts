import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { placeFor, readPlaces, temperatures } from '../../../templates/client/weather-places.ts'

const test = suite('weatherPlaces')
const day = { label: 'Hôm nay', condition: 'Mưa nhỏ', min: 18, max: 22, rain: 65 }
const fragment = {
  version: 1,
  places: [
    { locality: 'tp-thanh-hoa', name: 'TP. Thanh Hóa', days: [day] },
    { locality: 'hoang-hoa', name: 'Huyện Hoằng Hóa', days: [{ ...day, rain: undefined }] },
    { locality: 'bad', name: 'x', days: [{ label: 'x', condition: 'y', min: '1', max: 2 }] },
    { locality: 'empty', name: 'x', days: [] },
  ],
}

test('should keep well-formed places only', () => {
  assert.equal(
    readPlaces(fragment).map((place) => place.locality),
    ['tp-thanh-hoa']
  )
  assert.equal(
    readPlaces(JSON.parse(JSON.stringify(fragment))).map((place) => place.locality),
    ['tp-thanh-hoa', 'hoang-hoa'],
    'an absent rain chance is fine'
  )
  for (const junk of [null, {}, { places: 'x' }, 3]) assert.equal(readPlaces(junk), [])
})

test("should pick the page's place, else its nearest ancestor with a forecast, else the first", () => {
  const places = readPlaces(JSON.parse(JSON.stringify(fragment)))
  assert.is(placeFor(places, ['hoang-hoa', 'thanh-hoa'])?.name, 'Huyện Hoằng Hóa')
  assert.is(placeFor(places, ['dien-bien', 'tp-thanh-hoa', 'thanh-hoa'])?.name, 'TP. Thanh Hóa')
  assert.is(placeFor(places, ['nowhere'])?.name, 'TP. Thanh Hóa')
  assert.is(placeFor([], ['x']), undefined)
})

test('should print temperatures as a range in °C', () => {
  assert.is(temperatures({ ...day, min: 17.6, max: 24.4 }), '18–24 °C')
})

test.run()
