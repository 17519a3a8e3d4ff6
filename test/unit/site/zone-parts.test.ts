import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { partsInZone } from '../../../src/content/index.ts'
import { DateTime } from 'luxon'
import { rfc822InZone, wallClock } from '../../../src/site/zone-parts.ts'

const test = suite('wallClock')

test('should agree with Luxon (wall clock and RFC 822) every 73 minutes across DST changes and old local mean times', () => {
  const zones = ['Asia/Ho_Chi_Minh', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu']
  const ranges = [
    [Date.UTC(1905, 11, 25), Date.UTC(1906, 6, 5)],
    [Date.UTC(1975, 5, 1), Date.UTC(1975, 5, 20)],
    [Date.UTC(2024, 2, 25), Date.UTC(2024, 3, 10)],
    [Date.UTC(2024, 9, 20), Date.UTC(2024, 10, 10)],
  ] as const
  let checked = 0
  for (const zone of zones) {
    for (const [from, to] of ranges) {
      for (let epoch = from; epoch < to; epoch += 73 * 60_000 + 13_000) {
        assert.equal(wallClock(epoch, zone), partsInZone(epoch, zone), `${zone} at ${new Date(epoch).toISOString()}`)
        if (checked % 4 === 0)
          assert.is(rfc822InZone(epoch, zone), DateTime.fromMillis(epoch, { zone }).toRFC2822(), `RFC 822 in ${zone} at ${new Date(epoch).toISOString()}`)
        checked++
      }
    }
  }
  assert.ok(checked > 10_000)
})

test.run()
