import type { Strings } from '../site/index.ts'
import type { ForecastDay } from './open-meteo.ts'

type Condition = keyof Strings['weatherConditions']

/**
 * The words for a WMO weather code (the codes Open-Meteo's `weather_code` uses), in groups a reader
 * of a forecast needs: clear, cloud, fog, drizzle, rain by strength, showers, snow, storms.
 *
 * @param code The WMO code.
 */
export function conditionOf(code: number): Condition {
  if (code === 0) return 'clear'
  if (code === 1) return 'partlyCloudy'
  if (code === 2) return 'cloudy'
  if (code === 3) return 'overcast'
  if (code === 45 || code === 48) return 'fog'
  if (code >= 51 && code <= 57) return 'drizzle'
  if (code === 61 || code === 66) return 'lightRain'
  if (code === 63) return 'rain'
  if (code === 65 || code === 67) return 'heavyRain'
  if (code >= 71 && code <= 77) return 'snow'
  if (code >= 80 && code <= 82) return 'showers'
  if (code === 85 || code === 86) return 'snow'
  if (code === 95) return 'thunderstorm'
  if (code === 96 || code === 99) return 'hail'
  return 'cloudy'
}

/**
 * A day's label: `Hôm nay`, `Ngày mai`, else the weekday and date (`Thứ hai 07/12`).
 *
 * @param date The local date, `YYYY-MM-DD`.
 * @param today Today's local date in the site's zone.
 * @param strings The site's words.
 */
export function dayLabel(date: string, today: string, strings: Pick<Strings, 'today' | 'tomorrow' | 'weekdays'>): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  const days = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(y, m - 1, d)) / 86_400_000)
  if (days === 0) return strings.today
  if (days === 1) return strings.tomorrow
  const weekday = strings.weekdays[(new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7]
  return `${weekday} ${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}`
}

/**
 * The weather fragment: each place's days with words and rounded numbers, ready to show; days
 * before today (an answer from yesterday) left out. Same forecast, same bytes.
 *
 * @param places Each place's id, name and days, in the order of weather.yml.
 * @param today Today's local date in the site's zone.
 * @param strings The site's words.
 */
export function weatherFragment(
  places: ReadonlyArray<{ locality: string; name: string; days: readonly ForecastDay[] }>,
  today: string,
  strings: Strings
): string {
  const fragment = {
    version: 1,
    places: places.map((place) => ({
      locality: place.locality,
      name: place.name,
      days: place.days
        .filter((day) => day.date >= today)
        .map((day) => ({
          date: day.date,
          label: dayLabel(day.date, today, strings),
          condition: strings.weatherConditions[conditionOf(day.code)],
          min: Math.round(day.min),
          max: Math.round(day.max),
          ...(day.rain === undefined ? {} : { rain: Math.round(day.rain) }),
        })),
    })),
  }
  return `${JSON.stringify(fragment)}\n`
}
