import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { detectFormat } from '../../../src/most-read/detect-format.ts'

const test = suite('detectFormat')

test('should tell each format from its first line', () => {
  const cases: Array<[string, ReturnType<typeof detectFormat>]> = [
    ['192.0.2.1 - - [25/Nov/2026:10:00:00 +0700] "GET / HTTP/1.1" 200 1 "-" "x"', 'combined'],
    ['2001:db8::1 - alice [25/Nov/2026:10:00:00 +0700] "GET / HTTP/1.1" 200 1', 'combined'],
    ['#Version: 1.0', 'cloudfront'],
    ['#Fields: date time x-edge-location', 'cloudfront'],
    ['2026-11-25\t10:00:00\tHAN50\t100\t192.0.2.1\tGET', 'cloudfront'],
    ['79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be site [25/Nov/2026:10:00:00 +0000] 192.0.2.3 - ID WEBSITE.GET.OBJECT', 's3'],
    ['{"ClientIP":"192.0.2.1"}', 'json'],
    ['path,views', 'csv'],
    ['/2019/10/a/,12', 'csv'],
    ['"2,Path",Title,Event,User-Agent', 'csv'],
    ['name,visitors,pageviews,bounce_rate,time_on_page', 'csv'],
    ['<html>', undefined],
    ['PK\u0003\u0004', undefined],
  ]
  for (const [line, format] of cases) assert.is(detectFormat(line), format, line)
})

test.run()
