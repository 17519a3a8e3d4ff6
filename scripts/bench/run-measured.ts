import { spawn } from 'node:child_process'
import { watchMemory, type MemoryPeak } from './process-tree.ts'

/** What a measured command did. */
export interface Measured {
  code: number | null
  /** The signal that ended it, if one did (e.g. `SIGKILL` after a time-out). */
  signal?: NodeJS.Signals | null
  /** Whether it was stopped for running past `timeoutMs`. */
  timedOut?: boolean
  /** Wall time in ms. */
  ms: number
  memory: MemoryPeak
  stdout: string
  stderr: string
}

/** Options of {@link runMeasured}. */
export interface RunMeasuredOptions {
  cwd?: string
  env?: NodeJS.ProcessEnv
  /** Kill the whole process tree after this many ms. @default no limit */
  timeoutMs?: number
}

/**
 * Runs a command, timing it and sampling the peak memory of its whole process tree.
 *
 * @param command The program.
 * @param args Its arguments.
 * @param options Working folder, environment and time limit.
 */
export function runMeasured(command: string, args: readonly string[], options: RunMeasuredOptions = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const start = performance.now()
    // A time limit needs the child in its own process group, so the kill reaches its workers too.
    const limited = options.timeoutMs !== undefined
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, detached: limited })
    const watch = watchMemory(child.pid ?? 0)
    let stdout = ''
    let stderr = ''
    let timedOut = false
    const timer = limited
      ? setTimeout(() => {
          timedOut = true
          try {
            process.kill(-(child.pid ?? 0), 'SIGKILL')
          } catch {
            child.kill('SIGKILL')
          }
        }, options.timeoutMs)
      : undefined
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const ms = performance.now() - start
      void watch.stop().then((memory) => resolve({ code, ms, memory, stdout, stderr, ...(limited ? { signal, timedOut } : {}) }))
    })
  })
}

/**
 * Reads a task's duration from the build's progress lines (`✓ indexing search (12.3 s)`).
 *
 * @param output The build's standard output.
 * @param task The task name.
 */
export function taskMs(output: string, task: string): number | undefined {
  const match = new RegExp(`✓ ${task} \\(([\\d.]+) (ms|s)\\)`).exec(output)
  if (!match) return undefined
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1)
}
