import { VFile } from 'vfile'
import { loadRegistries } from '../content/index.ts'
import { lockOutput } from '../publish/index.ts'
import { stringsFor } from '../site/index.ts'
import { wallClock } from '../site/zone-parts.ts'
import { type FragmentsWritten, writeFragments } from '../most-read/write-fragments.ts'
import { weatherFolder, weatherUrl } from './fragment-url.ts'
import { fetchForecast, forecastUrl, readForecast } from './open-meteo.ts'
import { loadWeatherConfig } from './weather-config.ts'
import { weatherFragment } from './weather-fragment.ts'
import { reportWeather } from './weather-rules.ts'

/** Options of {@link updateWeather}. */
export interface WeatherOptions {
  /** The content folder: `weather.yml`, the localities and the site's zone and language. */
  contentDir: string
  /** The built site the fragment goes into. */
  outDir: string
  /** Overrides weather.yml's endpoint (a mirror, a recorded answer in tests). */
  endpoint?: string
  /** "Now", for today's date in the site's zone. */
  now: number
}

/** What {@link updateWeather} did. */
export interface WeatherResult {
  /** `off`: no weather.yml (an empty fragment written); `failed`: a problem (the last fragment kept); `written`: done. */
  status: 'off' | 'failed' | 'written'
  files: VFile[]
  written?: FragmentsWritten
  places?: number
}

/**
 * Fetches today's and the next two days' forecast for the places of `weather.yml` and writes the
 * "Thời tiết" fragment into the built site. When the provider fails, the fragment already there is
 * kept (a slightly old forecast beats an empty box).
 *
 * @param options Content, output, endpoint and "now".
 */
export async function updateWeather(options: WeatherOptions): Promise<WeatherResult> {
  const { registries, files } = await loadRegistries(options.contentDir)
  if (!registries) return { status: 'failed', files }
  const loaded = await loadWeatherConfig(options.contentDir, registries.localities)
  // Off: an empty fragment, so pages asking for it get an answer (no box), not a 404.
  if (loaded === 'absent') return { status: 'off', files: [], written: await writeWeather(options.outDir, emptyWeather) }
  if (loaded.config === undefined) return { status: 'failed', files: [loaded.file] }
  const config = { ...loaded.config, ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }) }
  const { timeZone, language } = registries.site
  const url = forecastUrl(config, timeZone)
  const answer = await fetchForecast(url)
  const read = 'data' in answer ? readForecast(answer.data, config.places.length) : answer
  if ('problem' in read) {
    const file = new VFile({ path: new URL(url).origin + new URL(url).pathname })
    reportWeather(file, 'forecast-failed', read.problem)
    return { status: 'failed', files: [file] }
  }
  const names = new Map(registries.localities.map((locality) => [locality.id, locality.name]))
  const { year, month, day } = wallClock(options.now, timeZone)
  const today = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  const text = weatherFragment(
    config.places.map((place, index) => ({ locality: place.locality, name: names.get(place.locality) ?? place.locality, days: read.days[index] ?? [] })),
    today,
    stringsFor(language)
  )
  return { status: 'written', files: [loaded.file], written: await writeWeather(options.outDir, text), places: config.places.length }
}

/** The fragment when the box is off: no places. */
const emptyWeather = '{"version":1,"places":[]}\n'

async function writeWeather(outDir: string, text: string): Promise<FragmentsWritten> {
  const release = await lockOutput(outDir, 'weather')
  try {
    return await writeFragments(outDir, weatherFolder, new Map([[weatherUrl, text]]))
  } finally {
    await release()
  }
}
