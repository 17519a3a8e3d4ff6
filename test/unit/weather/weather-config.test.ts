import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadWeatherConfig } from '../../../src/weather/weather-config.ts'
import { removeDir, tempDir } from '../../helpers/fixtures.ts'

const test = suite('weatherConfig')
const localities = [
  { id: 'thanh-hoa', name: 'Thanh Hóa', kind: 'tỉnh' as const },
  { id: 'tp-thanh-hoa', name: 'TP. Thanh Hóa', kind: 'thành phố' as const, parent: 'thanh-hoa' },
]

async function load(text: string | undefined) {
  const dir = await tempDir('weather-config')
  try {
    await mkdir(dir, { recursive: true })
    if (text !== undefined) await writeFile(join(dir, 'weather.yml'), text)
    return await loadWeatherConfig(dir, localities)
  } finally {
    await removeDir(dir)
  }
}

const problems = (loaded: Awaited<ReturnType<typeof load>>): string[] =>
  loaded === 'absent' ? [] : loaded.file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)

test('should say the box is off without weather.yml', async () => {
  assert.is(await load(undefined), 'absent')
})

test("should read places and default to Open-Meteo's endpoint", async () => {
  const loaded = await load('places:\n  - locality: tp-thanh-hoa\n    lat: 19.8067\n    lon: 105.7852\n')
  assert.ok(loaded !== 'absent')
  assert.equal(loaded.config, {
    provider: 'open-meteo',
    endpoint: 'https://api.open-meteo.com/v1/forecast',
    places: [{ locality: 'tp-thanh-hoa', lat: 19.8067, lon: 105.7852 }],
  })
})

test('should report a bad value and an unknown key at their place', async () => {
  const loaded = await load('endpoint: ftp://x\nplaces:\n  - locality: tp-thanh-hoa\n    lat: 91\n    lon: 105.7\n    zoom: 3\n')
  assert.ok(loaded !== 'absent')
  assert.is(loaded.config, undefined)
  assert.equal(
    problems(loaded).map((line) => line.split(' ').slice(0, 2).join(' ')),
    ['1:11 invalid-weather-config', '4:10 invalid-weather-config', '6:5 invalid-weather-config']
  )
})

test('should report a place that is not a locality, with a near miss', async () => {
  const loaded = await load('places:\n  - locality: tp-thanh-hao\n    lat: 19.8\n    lon: 105.7\n')
  assert.ok(loaded !== 'absent')
  assert.is(loaded.config, undefined)
  assert.equal(problems(loaded), ['2:15 unknown-weather-place "tp-thanh-hao" is not a locality of localities.yml. Did you mean "tp-thanh-hoa"?'])
})

test.run()
