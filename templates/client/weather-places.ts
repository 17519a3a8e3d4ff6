/** One day of a place's forecast, as `toasoan weather` writes it: words and numbers ready to show. */
export interface WeatherDay {
  /** `Hôm nay`, `Ngày mai`, `Thứ hai`. */
  label: string
  /** `Nhiều mây`. */
  condition: string
  /** °C, rounded. */
  min: number
  max: number
  /** Chance of rain, %, when the provider gives it. */
  rain?: number
}

/** A place's forecast. */
export interface WeatherPlace {
  locality: string
  name: string
  days: WeatherDay[]
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/**
 * The places of a weather fragment, well-formed ones only (anything else gives none).
 *
 * @param data The fragment's parsed JSON.
 */
export function readPlaces(data: unknown): WeatherPlace[] {
  if (typeof data !== 'object' || data === null || !('places' in data) || !Array.isArray(data.places)) return []
  return (data.places as unknown[]).filter(
    (place): place is WeatherPlace =>
      typeof place === 'object' &&
      place !== null &&
      'locality' in place &&
      typeof place.locality === 'string' &&
      'name' in place &&
      typeof place.name === 'string' &&
      'days' in place &&
      Array.isArray(place.days) &&
      place.days.length > 0 &&
      place.days.every(
        (day: unknown) =>
          typeof day === 'object' &&
          day !== null &&
          'label' in day &&
          typeof day.label === 'string' &&
          'condition' in day &&
          typeof day.condition === 'string' &&
          'min' in day &&
          isNumber(day.min) &&
          'max' in day &&
          isNumber(day.max) &&
          (!('rain' in day) || isNumber(day.rain))
      )
  )
}

/**
 * The place a box shows first: the one it names, else the first of its ancestors that has a
 * forecast, else the fragment's first (the province's main place).
 *
 * @param places The fragment's places.
 * @param wanted The page's locality and its ancestors, nearest first.
 */
export function placeFor(places: readonly WeatherPlace[], wanted: readonly string[]): WeatherPlace | undefined {
  for (const id of wanted) {
    const place = places.find((candidate) => candidate.locality === id)
    if (place) return place
  }
  return places[0]
}

/**
 * A day's temperatures: `18–24 °C`.
 *
 * @param day The day.
 */
export function temperatures(day: WeatherDay): string {
  return `${Math.round(day.min)}–${Math.round(day.max)} °C`
}
