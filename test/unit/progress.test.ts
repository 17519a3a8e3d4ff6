import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { progressBar, progressLines, wantsProgressBar } from '../../src/shared/progress.ts'

const test = suite('progress')

test('should draw a bar only on an interactive terminal outside CI', () => {
  assert.ok(wantsProgressBar({ isTTY: true }, {}))
  assert.not.ok(wantsProgressBar({ isTTY: true }, { CI: 'true' }), 'CI gets plain lines')
  assert.not.ok(wantsProgressBar({ isTTY: false }, {}), 'piped output gets plain lines')
  assert.not.ok(wantsProgressBar({}, {}))
})

test('should redraw one line at most every interval, and always at the end', () => {
  const written: string[] = []
  let clock = 0
  const bar = progressBar((text) => written.push(text), { width: 10, interval: 100, now: () => clock })
  bar.sink('rendering pages', 0, 129795)
  clock = 50
  bar.sink('rendering pages', 1000, 129795)
  clock = 150
  bar.sink('rendering pages', 64000, 129795)
  bar.sink('rendering pages', 129795, 129795)
  assert.equal(written, [
    '\r\x1b[2Krendering pages [░░░░░░░░░░] 0% 0/129,795',
    '\r\x1b[2Krendering pages [█████░░░░░] 49% 64,000/129,795',
    '\r\x1b[2Krendering pages [██████████] 100% 129,795/129,795',
  ])
  bar.clear()
  assert.is(written.at(-1), '\r\x1b[2K', 'cleared before the next line')
})

test('should print plain progress lines for pipes: none in a quick step, then one per interval, none at the end', () => {
  const lines: string[] = []
  let clock = 0
  const sink = progressLines((line) => lines.push(line), { interval: 5000, now: () => clock })
  sink('processing images', 0, 40)
  clock = 4000
  sink('processing images', 10, 40)
  clock = 5000
  sink('processing images', 12, 40)
  clock = 6000
  sink('processing images', 20, 40)
  clock = 11000
  sink('processing images', 40, 40)
  sink('indexing search', 0, 2)
  clock = 12000
  sink('indexing search', 1, 2)
  assert.equal(lines, ['  processing images: 12/40'])
})

test.run()
