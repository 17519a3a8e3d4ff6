import { Worker, type WorkerOptions } from 'node:worker_threads'

/**
 * Starts a worker thread running a TypeScript module. Workers start without the parent's loader
 * (tsx, or none when the command runs compiled: scripts/cli-bundle.js), so a one-line entry
 * registers tsx (with the package's tsconfig, from TSX_TSCONFIG_PATH), then imports the module.
 *
 * @param module The worker module's URL (its source, `new URL('./x-worker.ts', import.meta.url)`).
 * @param options Node's worker options (`workerData`, `resourceLimits`…).
 */
export function startTypeScriptWorker(module: URL, options: WorkerOptions): Worker {
  const entry = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(module.href)})`
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(entry)}`), options)
}
