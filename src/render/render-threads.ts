import { startTypeScriptWorker } from '../shared/typescript-worker.ts'
import type { EleventyRenderOptions, RenderModel } from './eleventy-site.tsx'

/** A thread rendering runs of pages (see render-worker.ts). */
export interface RenderThread {
  /** Renders one run; resolves with the files written. */
  render(options: EleventyRenderOptions): Promise<number>
  /** Stops the thread. */
  close(): Promise<void>
}

/**
 * Starts a thread that renders runs of pages with Eleventy, as the main thread does, so a build
 * that renders many pages (a template change, a cold build) uses a second core. It receives the
 * part of the model every page shows once; each run comes with its items and their bodies.
 *
 * @param model What every page shows.
 */
export function startRenderThread(model: RenderModel): RenderThread {
  const worker = startTypeScriptWorker(new URL('./render-worker.ts', import.meta.url), { workerData: { model } })
  let pending: { done: (written: number) => void; fail: (error: Error) => void } | undefined
  let stopped: Error | undefined
  worker.on('message', (message: { written: number } | { error: string }) => {
    const job = pending
    pending = undefined
    if ('written' in message) job?.done(message.written)
    else job?.fail(new Error(`a render thread failed: ${message.error}`))
  })
  const stop = (error: Error): void => {
    stopped ??= error
    pending?.fail(error)
    pending = undefined
  }
  worker.once('error', stop)
  worker.once('exit', (code) => stop(new Error(`a render thread stopped with code ${code}`)))
  return {
    render(options) {
      if (stopped) return Promise.reject(stopped)
      if (pending) return Promise.reject(new Error('a render thread renders one run at a time'))
      return new Promise((done, fail) => {
        pending = { done, fail }
        worker.postMessage(options)
      })
    },
    async close() {
      stopped ??= new Error('the render thread was closed')
      await worker.terminate()
    },
  }
}
