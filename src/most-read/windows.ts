/** A period most-read counts over, ending at the run's "now". */
export interface ReadWindow {
  /** As written and as fragments name it: `24h`, `7d`. */
  name: string
  /** Length in milliseconds. */
  ms: number
}

/** The windows counted by default: the last day and the last week. */
export const defaultWindows = '24h,7d'

const unitMs = { h: 3_600_000, d: 86_400_000 } as const

/**
 * Reads `--window`: durations in hours or days, comma-separated (`24h,7d`).
 *
 * @param text The option's value.
 * @returns The windows, or the part that is not a duration.
 */
export function parseWindows(text: string): { windows: ReadWindow[] } | { invalid: string } {
  const windows: ReadWindow[] = []
  for (const part of text.split(',').map((item) => item.trim())) {
    const match = /^([1-9]\d{0,2})([hd])$/.exec(part)
    if (!match) return { invalid: part }
    const name = `${match[1]}${match[2]}`
    if (!windows.some((window) => window.name === name)) windows.push({ name, ms: Number(match[1]) * unitMs[match[2] as keyof typeof unitMs] })
  }
  return windows.length === 0 ? { invalid: text } : { windows }
}
