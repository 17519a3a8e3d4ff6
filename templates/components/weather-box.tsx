import type { Strings } from '../../src/site/index.ts'
import { weatherUrl } from '../../src/weather/fragment-url.ts'

/**
 * The "Thời tiết" box: a hidden, empty frame (heading, the place, three days) that a script fills
 * from the weather fragment. Without JavaScript the frame takes no room; with it, the stylesheet
 * lays it out at its filled height from the first paint, so nothing moves when the forecast arrives.
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
      <div class="weather__place" />
      <ul class="weather__days" />
    </section>
  )
}
