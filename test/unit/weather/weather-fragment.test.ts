import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { dictionaries } from '../../../src/site/strings.ts'
import { conditionOf, dayLabel, weatherFragment } from '../../../src/weather/weather-fragment.ts'

const test = suite('weatherFragment')
const strings = dictionaries.vi

test('should put WMO weather codes in Vietnamese words', () => {
  const words = (code: number) => strings.weatherConditions[conditionOf(code)]
  assert.equal([0, 1, 2, 3, 45, 53, 61, 63, 65, 71, 81, 95, 99, 42].map(words), [
    'Trời quang',
    'Ít mây',
    'Có mây',
    'Trời âm u',
    'Sương mù',
    'Mưa phùn',
    'Mưa nhỏ',
    'Mưa',
    'Mưa to',
    'Tuyết',
    'Mưa rào',
    'Dông',
    'Dông kèm mưa đá',
    'Có mây',
  ])
})

test('should label today, tomorrow and later days by weekday', () => {
  assert.is(dayLabel('2026-11-26', '2026-11-26', strings), 'Hôm nay')
  assert.is(dayLabel('2026-11-27', '2026-11-26', strings), 'Ngày mai')
  assert.is(dayLabel('2026-11-28', '2026-11-26', strings), 'Thứ bảy 28/11')
  assert.is(dayLabel('2026-12-01', '2026-11-30', strings), 'Ngày mai')
})

test('should write rounded numbers and words, leaving out days already past', () => {
  const text = weatherFragment(
    [
      {
        locality: 'tp-thanh-hoa',
        name: 'TP. Thanh Hóa',
        days: [
          { date: '2026-11-25', code: 0, min: 1, max: 2 },
          { date: '2026-11-26', code: 3, min: 18.2, max: 24.6, rain: 10 },
          { date: '2026-11-27', code: 61, min: 17.5, max: 22.1 },
        ],
      },
    ],
    '2026-11-26',
    strings
  )
  assert.is(
    text,
    '{"version":1,"places":[{"locality":"tp-thanh-hoa","name":"TP. Thanh Hóa","days":[{"date":"2026-11-26","label":"Hôm nay","condition":"Trời âm u","min":18,"max":25,"rain":10},{"date":"2026-11-27","label":"Ngày mai","condition":"Mưa nhỏ","min":18,"max":22}]}]}\n'
  )
})

test.run()
