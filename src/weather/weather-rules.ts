import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'

/** The problems of `toasoan weather`, by stable rule id, each with what to do. Ids never change once published. */
export const weatherRules = {
  'invalid-weather-config': {
    severity: 'error',
    hint: 'weather.yml has endpoint (an http(s) URL, optional) and places: a list of {locality, lat, lon}; see docs/most-read.md.',
  },
  'unknown-weather-place': { severity: 'error', hint: 'Use an id of localities.yml.' },
  'forecast-failed': {
    severity: 'error',
    hint: 'The provider did not answer with a forecast; the last weather fragment was kept. Check the endpoint, or try again at the next run.',
  },
} as const satisfies Record<string, { severity: 'error' | 'warning'; hint: string }>

/** The id of a weather rule. */
export type WeatherRuleId = keyof typeof weatherRules

/**
 * Records a weather problem on a file at a place in it.
 *
 * @param file The file (weather.yml, or the provider's answer).
 * @param id The rule id.
 * @param reason What went wrong.
 * @param place Where; the start of the file when unknown.
 */
export function reportWeather(file: VFile, id: WeatherRuleId, reason: string, place?: Point | Position): VFileMessage {
  const message = file.message(reason, { place: place ?? { line: 1, column: 1 }, ruleId: id, source: 'toasoan-weather' })
  message.fatal = weatherRules[id].severity === 'error'
  message.note = weatherRules[id].hint
  return message
}
