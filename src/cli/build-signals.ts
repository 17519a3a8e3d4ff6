import { interruptBuild } from '../publish/interruption.ts'

const signalNumbers = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const
let signalExit: number | undefined

/** The exit code of a build a signal stopped (128 + the signal's number), once one has. */
export const stoppedBySignal = (): number | undefined => signalExit

/**
 * While a build runs, SIGINT, SIGTERM and SIGHUP (CI cancelling a run, Ctrl-C) stop it at a safe
 * point: the previous output stays as it was (or the new one is already complete), the staging
 * folder is discarded, and the process exits with 128 + the signal's number.
 *
 * @param out The output folder, for the message.
 * @returns Removes the handlers once the build is over.
 */
export function exitOnSignal(out: string): () => void {
  let stopping = false
  const handlers = Object.entries(signalNumbers).map(([signal, number]) => {
    const handler = (): void => {
      if (stopping) return
      stopping = true
      signalExit = 128 + number
      console.error(`toasoan: ${signal}: stopping the build; ${out} is left as it was or fully replaced, never in between.`)
      void interruptBuild().finally(() => process.exit(signalExit))
    }
    process.on(signal, handler)
    return () => process.off(signal, handler)
  })
  return () => {
    if (!stopping) for (const remove of handlers) remove()
  }
}
