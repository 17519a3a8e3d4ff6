import { spawn } from 'node:child_process'
import { format } from 'node:util'
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
 * @param cwd The working folder. @default the repository's root
 */
export function runCli(args: readonly string[], env: Record<string, string> = {}, cwd: string = root): Promise<CliResult> {
  return runNode([cliScript, ...args], env, cwd)
}

/**
 * Runs Node in a child process, collecting what it prints.
 *
 * @param args Node's arguments: flags, the script and its arguments.
 * @param env Extra environment variables.
 * @param cwd The working folder. @default the repository's root
 */
export function runNode(args: readonly string[], env: Record<string, string> = {}, cwd: string = root): Promise<CliResult> {
  return runProcess(process.execPath, args, env, cwd)
}

/**
 * Runs a program in a child process, collecting what it prints.
 *
 * @param command The program (`bash`, Node…).
 * @param args Its arguments.
 * @param env Extra environment variables.
 * @param cwd The working folder. @default the repository's root
 */
export function runProcess(command: string, args: readonly string[], env: Record<string, string> = {}, cwd: string = root): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    // No standard input (/dev/null): a child that reads it (a shell, a prompt) gets end of file at
    // once instead of waiting on a pipe nobody writes to.
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/**
 * Runs a `toasoan` command in this process (src/cli/cli.ts's `runCommand`, what the bin runs), collecting
 * what it prints through `console`. It spares the seconds a child process costs (Node, tsx, the
 * stages loaded again); what only a real process shows — the exit code the shell sees, signals, the
 * environment's TZ and locale, the working folder, tsx's set-up — needs {@link runCli}.
 *
 * @param args Arguments after `toasoan`; relative paths are read from the repository's root, the
 *   working folder of the tests.
 */
export async function runCliInProcess(args: readonly string[]): Promise<CliResult> {
  const { runCommand } = await import('../../src/cli/cli.ts')
  let stdout = ''
  let stderr = ''
  const saved = { log: console.log, info: console.info, error: console.error, warn: console.warn }
  const toStdout = (...data: unknown[]): void => {
    stdout += `${format(...data)}\n`
  }
  const toStderr = (...data: unknown[]): void => {
    stderr += `${format(...data)}\n`
  }
  Object.assign(console, { log: toStdout, info: toStdout, error: toStderr, warn: toStderr })
  try {
    const code = await runCommand(args)
    return { code, stdout, stderr }
  } finally {
    Object.assign(console, saved)
  }
}
