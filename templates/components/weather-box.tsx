import type { Strings } from '../../src/site/index.ts'
import { weatherUrl } from '../../src/weather/fragment-url.ts'

/**
 * The "Thời tiết" box: an empty, hidden slot that a script fills from the weather fragment.
 *
 * @param places A locality page's place and its ancestors, nearest first; absent on the front page,
 *   which offers every place.
 */
export function WeatherBox({ strings, places }: { strings: Strings; places?: readonly string[] }) {
  return (
    <section
      class="weather"
      aria-labelledby="thoi-tiet"
      data-weather={weatherUrl}
      data-rain={strings.rainChance}
      data-place-label={strings.weatherPlace}
      {...(places === undefined ? {} : { 'data-places': places.join(' ') })}
      hidden
    >
      <h2 id="thoi-tiet">{strings.weather}</h2>
    </section>
  )
}
