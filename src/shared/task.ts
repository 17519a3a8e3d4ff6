import type { Progress, ProgressSink } from './progress.ts'

/** How long a named step of the build took. */
export interface Timing {
  name: string
  ms: number
}

/** Where the build writes its progress lines. */
export type Logger = (line: string) => void

/**
 * Runs one named step of the build, logs it with its duration, and records the timing.
 *
 * @param name What the step does, e.g. `rendering pages`.
 * @param timings Where the timing is recorded.
 * @param log Where the progress line goes.
 * @param step The work; it may report how far it is.
 * @param progress Where progress goes (a terminal bar); nowhere by default.
 */
export async function task<T>(name: string, timings: Timing[], log: Logger, step: (progress: Progress) => Promise<T> | T, progress?: ProgressSink): Promise<T> {
  const start = performance.now()
  const result = await step(progress ? (done, total) => progress(name, done, total) : () => {})
  const ms = performance.now() - start
  timings.push({ name, ms })
  log(`✓ ${name} (${formatMs(ms)})`)
  return result
}

/** Formats a duration for people: `850 ms`, `2.4 s`. */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
}
