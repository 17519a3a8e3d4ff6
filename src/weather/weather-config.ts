import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { VFile } from 'vfile'
import { z } from 'zod'
import type { LocalityEntry } from '../content/index.ts'
import { parseYamlSource, yamlPosition } from '../content/yaml-source.ts'
import { didYouMean } from '../problems/index.ts'
import { reportWeather } from './weather-rules.ts'

/** Open-Meteo's forecast API: no key, free for non-commercial use, CORS open. */
export const defaultEndpoint = 'https://api.open-meteo.com/v1/forecast'

/** `weather.yml`: where forecasts come from and for which places. Absent: the weather box is off. */
export const weatherConfigSchema = z.strictObject({
  /** Only Open-Meteo's API shape is read (Open-Meteo itself, a mirror, or a self-hosted one). @default 'open-meteo' */
  provider: z.literal('open-meteo').default('open-meteo'),
  /** The forecast endpoint. @default https://api.open-meteo.com/v1/forecast */
  endpoint: z.url({ protocol: /^https?$/ }).default(defaultEndpoint),
  /** The places, the first shown first on the front page (the province's main town). */
  places: z
    .array(
      z.strictObject({
        locality: z.string().min(1),
        lat: z.number().min(-90).max(90),
        lon: z.number().min(-180).max(180),
      })
    )
    .min(1),
})

/** A validated `weather.yml`. */
export type WeatherConfig = z.infer<typeof weatherConfigSchema>

/** The file of the weather settings in the content folder. */
export const weatherConfigName = 'weather.yml'

/**
 * Reads and validates `weather.yml`, every problem at its line and column, each place checked
 * against the locality registry.
 *
 * @param contentDir The content folder.
 * @param localities The locality registry.
 * @returns `absent` when there is no file (the box is off), else the config (undefined on errors) and the file.
 */
export async function loadWeatherConfig(
  contentDir: string,
  localities: readonly LocalityEntry[]
): Promise<'absent' | { config: WeatherConfig | undefined; file: VFile }> {
  const path = join(contentDir, weatherConfigName)
  const text = await readFile(path, 'utf8').catch(() => undefined)
  if (text === undefined) return 'absent'
  const file = new VFile({ path, value: text })
  const parsed = parseYamlSource(text, file)
  if (!parsed) return { config: undefined, file }
  const result = weatherConfigSchema.safeParse(parsed.data)
  if (!result.success) {
    for (const issue of result.error.issues) {
      const where = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol')
      // An unknown key is shown where it is written, not at the mapping that holds it.
      const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined
      const place = key === undefined ? yamlPosition(parsed.source, where) : yamlPosition(parsed.source, [...where, key], 'key')
      reportWeather(file, 'invalid-weather-config', `${where.join('.') || 'weather.yml'}: ${issue.message}`, place)
    }
    return { config: undefined, file }
  }
  const known = new Set(localities.map((locality) => locality.id))
  result.data.places.forEach((place, index) => {
    if (known.has(place.locality)) return
    const suggestion = didYouMean(place.locality, known)
    reportWeather(
      file,
      'unknown-weather-place',
      `"${place.locality}" is not a locality of localities.yml.${suggestion === undefined ? '' : ` Did you mean "${suggestion}"?`}`,
      yamlPosition(parsed.source, ['places', index, 'locality'])
    )
  })
  return { config: file.messages.some((message) => message.fatal === true) ? undefined : result.data, file }
}
