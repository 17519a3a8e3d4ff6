import type { WeatherConfig } from './weather-config.ts'

/** One day of a place's forecast as the provider gives it. */
export interface ForecastDay {
  /** Local date, `2026-12-05`. */
  date: string
  /** WMO weather code. */
  code: number
  min: number
  max: number
  /** Highest chance of rain that day, %, when given. */
  rain?: number
}

/** Days forecast: today and the next two. */
export const forecastDays = 3

/**
 * The forecast request for every place at once (Open-Meteo takes comma-separated coordinates):
 * daily weather code, lowest and highest temperature and chance of rain, in the site's zone.
 *
 * @param config The weather settings.
 * @param timeZone The site's IANA zone, so the days are the readers' days.
 */
export function forecastUrl(config: Pick<WeatherConfig, 'endpoint' | 'places'>, timeZone: string): string {
  const url = new URL(config.endpoint)
  url.searchParams.set('latitude', config.places.map((place) => place.lat).join(','))
  url.searchParams.set('longitude', config.places.map((place) => place.lon).join(','))
  url.searchParams.set('daily', 'weather_code,temperature_2m_max,temperature_2m_min,precipitation_probability_max')
  url.searchParams.set('timezone', timeZone)
  url.searchParams.set('forecast_days', String(forecastDays))
  return url.href
}

/**
 * Reads Open-Meteo's answer (one object for one place, an array for several) into each place's
 * days, in the order asked.
 *
 * @param data The parsed JSON answer.
 * @param places How many places were asked for.
 * @returns The days per place, or what is wrong with the answer.
 */
export function readForecast(data: unknown, places: number): { days: ForecastDay[][] } | { problem: string } {
  const answers = Array.isArray(data) ? data : [data]
  if (answers.length !== places) return { problem: `the answer has ${answers.length} forecasts for ${places} places` }
  const days: ForecastDay[][] = []
  for (const [index, answer] of answers.entries()) {
    const daily = typeof answer === 'object' && answer !== null && 'daily' in answer ? (answer as { daily: unknown }).daily : undefined
    if (typeof daily !== 'object' || daily === null) return { problem: `forecast ${index + 1} has no "daily" data` }
    const column = (name: string): unknown[] => {
      const value = (daily as Record<string, unknown>)[name]
      return Array.isArray(value) ? value : []
    }
    const dates = column('time')
    const codes = column('weather_code')
    const highs = column('temperature_2m_max')
    const lows = column('temperature_2m_min')
    const rains = column('precipitation_probability_max')
    const place: ForecastDay[] = []
    for (const [at, date] of dates.entries()) {
      const [code, max, min, rain] = [codes[at], highs[at], lows[at], rains[at]]
      if (typeof date !== 'string' || typeof code !== 'number' || typeof max !== 'number' || typeof min !== 'number') continue
      place.push({ date, code, min, max, ...(typeof rain === 'number' ? { rain } : {}) })
    }
    if (place.length === 0) return { problem: `forecast ${index + 1} has no complete day (time, weather_code, temperature_2m_max, temperature_2m_min)` }
    days.push(place.slice(0, forecastDays))
  }
  return { days }
}

/**
 * Fetches the forecast, giving up after a while (an hourly job must not hang).
 *
 * @param url From {@link forecastUrl}.
 * @param timeout Milliseconds. @default 15000
 * @returns The parsed JSON, or what went wrong.
 */
export async function fetchForecast(url: string, timeout = 15_000): Promise<{ data: unknown } | { problem: string }> {
  try {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(timeout) })
    if (!response.ok) return { problem: `${new URL(url).origin} answered ${response.status} ${response.statusText}` }
    return { data: await response.json() }
  } catch (error) {
    return { problem: `${new URL(url).origin} did not answer: ${error instanceof Error ? error.message : String(error)}` }
  }
}
