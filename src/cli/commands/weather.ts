import { defineCommand } from '../command.ts'

/** `toasoan weather`: the "Thời tiết" fragment. */
export const weather = defineCommand({
  name: 'weather',
  summary: 'Fetch the forecast and write the "Thời tiết" fragment',
  usage: `            for the places of content/weather.yml (without it the box is off: an empty fragment)
            --out DIR (default: dist)  --content DIR  --endpoint URL (default: weather.yml's)`,
  options: {
    out: { type: 'string', default: 'dist' },
    content: { type: 'string', default: 'content' },
    endpoint: { type: 'string' },
    now: { type: 'string' },
  },
  run: ({ values }) => import('../../weather/index.ts').then((command) => command.weatherCommand(values)),
})
