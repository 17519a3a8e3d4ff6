import { formatProblems } from '../problems/index.ts'
import { resolveNow } from '../shared/operator-input.ts'
import { UsageError } from '../shared/usage-error.ts'
import { updateWeather } from './weather.ts'

/** The options of `toasoan weather`, parsed by the command line (`src/cli/commands/weather.ts`). */
export interface WeatherArgs {
  out: string
  content: string
  endpoint?: string | undefined
  now?: string | undefined
}

/**
 * Runs `toasoan weather`.
 *
 * @param values Its options.
 * @returns The exit code: 0 written (or the box is off), 1 a problem (the last fragment kept);
 *   wrong usage is thrown as a {@link UsageError} (the command line exits 2).
 */
export async function weatherCommand(values: WeatherArgs): Promise<0 | 1> {
  if (values.endpoint !== undefined && !/^https?:\/\/[^/\s]+/.test(values.endpoint))
    throw new UsageError(
      `--endpoint: "${values.endpoint}" is not an http(s) URL.`,
      'Give the forecast API, e.g. --endpoint https://api.open-meteo.com/v1/forecast.'
    )
  const result = await updateWeather({
    contentDir: values.content,
    outDir: values.out,
    now: resolveNow(values.now, {}),
    ...(values.endpoint === undefined ? {} : { endpoint: values.endpoint }),
  })
  const withProblems = result.files.filter((file) => file.messages.length > 0)
  if (withProblems.length > 0) console.error(formatProblems(withProblems, process.cwd()))
  if (result.status === 'off') {
    console.log(`The weather box is off: there is no ${values.content}/weather.yml. Wrote an empty weather fragment into ${values.out}.`)
    return 0
  }
  if (result.status === 'failed' || !result.written) {
    console.error(`weather: the forecast was not updated; ${values.out} was left as it was.`)
    return 1
  }
  const changed = result.written.changed.length > 0
  console.log(`Wrote the weather of ${result.places ?? 0} places into ${values.out}${changed ? '' : ' (unchanged)'} (${result.written.bytes} bytes).`)
  return 0
}
