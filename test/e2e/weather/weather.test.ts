import { copyFile, mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { updateWeather } from '../../../src/weather/weather.ts'
import { contentWith, fixtures, removeDir, tempDir, testNow } from '../../helpers/fixtures.ts'
import { runCli, runCliInProcess } from '../../helpers/run-cli.ts'
import { type ForecastServer, startForecastServer } from '../../helpers/forecast-server.ts'

const test = suite('weather')
let server: ForecastServer
let content = ''
let work = ''

test.before(async () => {
  server = await startForecastServer()
  content = await contentWith(undefined)
  work = await tempDir('weather')
})

test.after(async () => {
  await server.close()
  await removeDir(content)
  await removeDir(work)
})

test('should write an empty fragment without weather.yml, asking no one', async () => {
  const result = await updateWeather({ contentDir: content, outDir: join(work, 'off'), now: testNow, endpoint: server.endpoint })
  assert.is(result.status, 'off')
  assert.is(server.asked.length, 0)
  assert.is(await readFile(join(work, 'off', 'thoi-tiet', 'index.json'), 'utf8'), '{"version":1,"places":[]}\n')
})

test("should write the places' forecast from the provider's answer, in Vietnamese", async () => {
  await copyFile(join(fixtures, 'weather', 'weather.yml'), join(content, 'weather.yml'))
  const out = join(work, 'dist')
  await mkdir(out, { recursive: true })
  const result = await updateWeather({ contentDir: content, outDir: out, now: testNow, endpoint: server.endpoint })
  assert.is(result.status, 'written', JSON.stringify(result.files.flatMap((file) => file.messages.map(String))))
  assert.is(server.asked.at(-1)?.get('latitude'), '19.8067,19.8617')
  assert.is(server.asked.at(-1)?.get('timezone'), 'Asia/Ho_Chi_Minh')
  const fragment = JSON.parse(await readFile(join(out, 'thoi-tiet', 'index.json'), 'utf8'))
  assert.equal(fragment.places[0], {
    locality: 'tp-thanh-hoa',
    name: 'TP. Thanh Hóa',
    days: [
      { date: '2026-11-26', label: 'Hôm nay', condition: 'Trời âm u', min: 18, max: 25, rain: 10 },
      { date: '2026-11-27', label: 'Ngày mai', condition: 'Mưa nhỏ', min: 18, max: 22, rain: 65 },
      { date: '2026-11-28', label: 'Thứ bảy 28/11', condition: 'Dông', min: 17, max: 20, rain: 90 },
    ],
  })
  assert.is(fragment.places[1].name, 'Huyện Hoằng Hóa')
  const again = await updateWeather({ contentDir: content, outDir: out, now: testNow, endpoint: server.endpoint })
  assert.equal(again.written?.changed, [], 'the same forecast is the same bytes')
})

test('should keep the last forecast when the provider fails', async () => {
  const out = join(work, 'dist')
  const before = await readFile(join(out, 'thoi-tiet', 'index.json'), 'utf8')
  server.fail(true)
  try {
    const result = await updateWeather({ contentDir: content, outDir: out, now: testNow, endpoint: server.endpoint })
    assert.is(result.status, 'failed')
    assert.equal(
      result.files.flatMap((file) => file.messages.map((message) => [message.ruleId, message.reason])),
      [['forecast-failed', `${new URL(server.endpoint).origin} answered 503 Service Unavailable`]]
    )
    assert.is(await readFile(join(out, 'thoi-tiet', 'index.json'), 'utf8'), before)
  } finally {
    server.fail(false)
  }
})

test('should run from the command line', async () => {
  const out = join(work, 'dist')
  const ok = await runCli(['weather', '--content', content, '--out', out, '--endpoint', server.endpoint, '--now', new Date(testNow).toISOString()])
  assert.is(ok.code, 0, ok.stderr)
  assert.match(ok.stdout, /Wrote the weather of 2 places into .* \(unchanged\)/)
  // A failure and a usage error take the same path in this process (a child costs a second or two).
  server.fail(true)
  const failed = await runCliInProcess(['weather', '--content', content, '--out', out, '--endpoint', server.endpoint])
  server.fail(false)
  assert.is(failed.code, 1)
  assert.match(failed.stderr, /error .*answered 503.*\[forecast-failed\]/)
  const usage = await runCliInProcess(['weather', '--endpoint', 'api.open-meteo.com'])
  assert.is(usage.code, 2)
})

test.run()
