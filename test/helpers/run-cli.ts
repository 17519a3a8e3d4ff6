import { spawn } from 'node:child_process'
import { cliScript, root } from './fixtures.ts'

/** What a command printed and how it exited. */
export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs the `toasoan` command as a user would, in a child process.
 *
 * @param args Arguments after `toasoan`.
 * @param env Extra environment variables (e.g. `TZ`).
 */
export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runNode([cliScript, ...args], env)
}

/**
 * Runs Node in a child process from the repository's root, collecting what it prints.
 *
 * @param args Node's arguments: flags, the script and its arguments.
 * @param env Extra environment variables.
 */
export function runNode(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}
