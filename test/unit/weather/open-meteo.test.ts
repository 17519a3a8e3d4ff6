import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { forecastUrl, readForecast } from '../../../src/weather/open-meteo.ts'
import { fixtures } from '../../helpers/fixtures.ts'

const test = suite('openMeteo')
const places = [
  { locality: 'tp-thanh-hoa', lat: 19.8067, lon: 105.7852 },
  { locality: 'hoang-hoa', lat: 19.8617, lon: 105.8617 },
]

test("should ask for every place at once, daily, in the site's zone", () => {
  const url = new URL(forecastUrl({ endpoint: 'https://api.open-meteo.com/v1/forecast', places }, 'Asia/Ho_Chi_Minh'))
  assert.is(url.origin + url.pathname, 'https://api.open-meteo.com/v1/forecast')
  assert.equal(Object.fromEntries(url.searchParams), {
    latitude: '19.8067,19.8617',
    longitude: '105.7852,105.8617',
    daily: 'weather_code,temperature_2m_max,temperature_2m_min,precipitation_probability_max',
    timezone: 'Asia/Ho_Chi_Minh',
    forecast_days: '3',
  })
})

test('should read the documented answer for several places, a missing rain chance left out', async () => {
  const data: unknown = JSON.parse(await readFile(join(fixtures, 'weather', 'open-meteo-forecast.json'), 'utf8'))
  const read = readForecast(data, 2)
  assert.ok('days' in read)
  assert.equal(read.days[0]?.[1], { date: '2026-11-27', code: 61, min: 17.5, max: 22.1, rain: 65 })
  assert.equal(read.days[1]?.[2], { date: '2026-11-28', code: 80, min: 16.4, max: 21.5 })
})

test('should read the answer for one place (an object, not an array)', () => {
  const read = readForecast({ daily: { time: ['2026-11-26'], weather_code: [0], temperature_2m_max: [30], temperature_2m_min: [20] } }, 1)
  assert.equal(read, { days: [[{ date: '2026-11-26', code: 0, min: 20, max: 30 }]] })
})

test('should say what is wrong with another answer', () => {
  assert.equal(readForecast({ error: true, reason: 'Latitude must be in range of -90 to 90°.' }, 1), { problem: 'forecast 1 has no "daily" data' })
  assert.equal(readForecast([{}, {}], 1), { problem: 'the answer has 2 forecasts for 1 places' })
  assert.equal(readForecast({ daily: { time: ['2026-11-26'] } }, 1), {
    problem: 'forecast 1 has no complete day (time, weather_code, temperature_2m_max, temperature_2m_min)',
  })
})

test.run()
