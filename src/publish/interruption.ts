import { removeInBackground } from './remove-in-background.ts'

/**
 * What happens when a build is told to stop (the command line calls {@link interruptBuild} on
 * SIGINT and SIGTERM). The live output is changed only inside {@link uninterruptible} steps,
 * which check {@link isInterrupted} before every rename and roll back what they did; everything
 * else a build writes is in its staging folder, which is simply discarded.
 */

let interrupted = false
let running: Promise<void> | undefined
const stagings = new Set<string>()

/** Thrown by publishing steps that saw the interruption and rolled back. */
export class BuildInterrupted extends Error {
  constructor() {
    super('the build was interrupted; the output was left as it was')
    this.name = 'BuildInterrupted'
  }
}

/** Whether the build has been told to stop. */
export function isInterrupted(): boolean {
  return interrupted
}

/**
 * Records a staging folder in use, so an interruption can discard it.
 *
 * @param dir The staging folder.
 * @param live Whether it is in use (`false` once it was discarded or swapped into place).
 */
export function trackStaging(dir: string, live: boolean): void {
  if (live) stagings.add(dir)
  else stagings.delete(dir)
}

/**
 * Runs a step that changes the live output. An interruption waits for it to finish; the step
 * itself checks {@link isInterrupted} and rolls back while it still can.
 *
 * @param step The step; it throws {@link BuildInterrupted} when it stopped early.
 */
export async function uninterruptible<T>(step: () => Promise<T>): Promise<T> {
  if (interrupted) throw new BuildInterrupted()
  const result = step()
  running = result.then(
    () => {},
    () => {}
  )
  try {
    return await result
  } finally {
    running = undefined
  }
}

/**
 * Stops the build at a safe point: no further change of the live output starts, a change in
 * progress finishes or rolls back, and the staging folders are deleted in the background (the
 * next build removes whatever is left). Resolves when the process may exit.
 */
export async function interruptBuild(): Promise<void> {
  interrupted = true
  await running
  for (const dir of stagings) removeInBackground(dir)
  stagings.clear()
}
