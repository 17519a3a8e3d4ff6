import { spawn } from 'node:child_process'
import { watchMemory, type MemoryPeak } from './process-tree.ts'

/** What a measured command did. */
export interface Measured {
  code: number | null
  /** Wall time in ms. */
  ms: number
  memory: MemoryPeak
  stdout: string
  stderr: string
}

/**
 * Runs a command, timing it and sampling the peak memory of its whole process tree.
 *
 * @param command The program.
 * @param args Its arguments.
 * @param options Working folder and environment.
 */
export function runMeasured(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env })
    const watch = watchMemory(child.pid ?? 0)
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const ms = performance.now() - start
      void watch.stop().then((memory) => resolve({ code, ms, memory, stdout, stderr }))
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
