// Fills the "Thời tiết" box from `/thoi-tiet/index.json`, which `toasoan weather` rewrites hourly
// from the forecast provider: the reader's browser talks only to the site. A hidden frame in the
// HTML, laid out at its filled height (site.css), it is filled when the reader scrolls near it; nothing shows without JavaScript
// or when the fetch fails.
import { placeFor, readPlaces, temperatures, type WeatherPlace } from './weather-places.ts'
import { fillNear } from './when-near.ts'

fillNear('weather', fill)

function fill(box: HTMLElement, data: unknown): void {
  const places = readPlaces(data)
  const first = placeFor(places, (box.dataset['places'] ?? '').split(' ').filter(Boolean))
  if (!first) {
    box.remove()
    return
  }
  // The frame's place and days (laid out at their filled height before this runs) are filled in place.
  const days = box.querySelector<HTMLElement>('.weather__days') ?? document.createElement('ul')
  days.className = 'weather__days'
  const slot = box.querySelector<HTMLElement>('.weather__place') ?? box.appendChild(document.createElement('div'))
  slot.className = 'weather__place'
  const show = (place: WeatherPlace): void => {
    days.replaceChildren(
      ...place.days.map((day) => {
        const item = document.createElement('li')
        item.className = 'weather__item'
        const parts: Array<[string, string]> = [
          ['weather__day', day.label],
          ['weather__condition', day.condition],
          ['weather__temperature', temperatures(day)],
        ]
        if (day.rain !== undefined) parts.push(['weather__rain', `${box.dataset['rain'] ?? ''} ${Math.round(day.rain)}%`.trim()])
        for (const [name, text] of parts) {
          const span = document.createElement('span')
          span.className = name
          span.textContent = text
          item.append(span)
        }
        return item
      })
    )
  }
  // The front page offers every place; a locality page shows its own (or its district's).
  if (!box.dataset['places'] && places.length > 1) {
    const label = document.createElement('label')
    label.textContent = `${box.dataset['placeLabel'] ?? ''} `
    const select = document.createElement('select')
    for (const place of places) select.append(new Option(place.name, place.locality, false, place === first))
    select.addEventListener('change', () => show(places.find((place) => place.locality === select.value) ?? first))
    label.append(select)
    slot.replaceChildren(label)
  } else slot.textContent = first.name
  show(first)
  if (!days.isConnected) box.append(days)
  box.hidden = false
}
