/** Reports how far a long step is: `done` of `total` items. */
export type Progress = (done: number, total: number) => void

/** Where a build sends progress: the step's name and how far it is. */
export type ProgressSink = (step: string, done: number, total: number) => void

/** A progress bar drawn on one terminal line, redrawn at most every `interval` ms. */
export interface ProgressBar {
  sink: ProgressSink
  /** Erases the bar, so the next line prints cleanly. */
  clear: () => void
}

/**
 * Whether to draw a bar: only on an interactive terminal, never in CI or when output is piped,
 * where the build prints its plain `✓ step (time)` lines only.
 *
 * @param stream The output stream.
 * @param env The environment.
 */
export function wantsProgressBar(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env['CI'] && env['TERM'] !== 'dumb'
}

/**
 * A terminal progress bar: `rendering pages [██████░░░░░░] 52% 67,512/129,795`.
 *
 * @param write Writes raw text to the terminal.
 * @param options Bar width in cells and the least time between redraws.
 */
export function progressBar(write: (text: string) => void, options: { width?: number; interval?: number; now?: () => number } = {}): ProgressBar {
  const width = options.width ?? 24
  const interval = options.interval ?? 100
  const now = options.now ?? (() => performance.now())
  let last = -Infinity
  let shown = false
  const format = new Intl.NumberFormat('en-US')
  return {
    sink: (step, done, total) => {
      const time = now()
      if (time - last < interval && done < total) return
      last = time
      const ratio = total > 0 ? Math.min(1, done / total) : 1
      const filled = Math.round(ratio * width)
      write(`\r\x1b[2K${step} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${Math.floor(ratio * 100)}% ${format.format(done)}/${format.format(total)}`)
      shown = true
    },
    clear: () => {
      if (shown) write('\r\x1b[2K')
      shown = false
    },
  }
}

/**
 * Progress as plain lines, for logs and pipes where a bar cannot redraw: `  processing images:
 * 12/40`, at most one line per `interval` ms, and none in a step's first `interval` ms (a quick
 * step prints nothing more than its `✓` line).
 *
 * @param write Writes one line.
 * @param options The least time between lines (@default 5000), and the clock.
 */
export function progressLines(write: (line: string) => void, options: { interval?: number; now?: () => number } = {}): ProgressSink {
  const interval = options.interval ?? 5000
  const now = options.now ?? (() => performance.now())
  const format = new Intl.NumberFormat('en-US')
  let current = ''
  let last = 0
  return (step, done, total) => {
    const time = now()
    if (step !== current) {
      current = step
      last = time
    }
    if (time - last < interval || done >= total) return
    last = time
    write(`  ${step}: ${format.format(done)}/${format.format(total)}`)
  }
}
