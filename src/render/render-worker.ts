import { parentPort, workerData } from 'node:worker_threads'
import { renderWithEleventy, type EleventyRenderOptions, type RenderModel } from './eleventy-site.tsx'

// A render thread (see render-threads.ts): it gets what every page shows once, then renders the
// runs of pages it is sent, one at a time, each with its own Eleventy, and answers with how many
// files it wrote (or the error).
const { model } = workerData as { model: RenderModel }
parentPort?.on('message', async (options: EleventyRenderOptions) => {
  try {
    parentPort?.postMessage({ written: await renderWithEleventy(model, options) })
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  }
})
