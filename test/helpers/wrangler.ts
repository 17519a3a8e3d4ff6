import { spawn, type ChildProcess } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { root } from './fixtures.ts'
import { freePort } from './free-port.ts'

/** Wrangler's command line, from npm (it brings workerd, Cloudflare's runtime). */
export const wranglerScript = join(root, 'node_modules/wrangler/bin/wrangler.js')

/** A wrangler dev server that answered its probe. */
export interface Wrangler {
  child: ChildProcess
  /** Where it listens: `http://127.0.0.1:<port>`. */
  origin: string
  /** What it printed so far. */
  log: () => string
}

/** Starts that are tried again: workerd failing under load, and a port taken between our choice and wrangler's listen. */
const passing = ['The Workers runtime failed to start', 'Address already in use']

/**
 * Starts `wrangler <args>` on a free port of 127.0.0.1, detached (its process group can be
 * stopped), and waits until the server answers `probe`, for at most a minute. Under load, workerd
 * sometimes fails to start ("The Workers runtime failed to start", about once in ten whole `npm
 * test` runs), and another process can take the port between its choice and wrangler's listen:
 * then the failure is printed, with the end of wrangler's own log, and it starts once more on
 * another port.
 *
 * The probe's answer must be one this server gives (`ours`): when another test's server took the
 * port first, wrangler's own listen fails, but that other server answers the probe (a fresh-clone
 * run once served every request of the Cloudflare suite a 404 that way).
 *
 * @param args After `wrangler`, given the port.
 * @param options The working folder and the environment.
 * @param probe A path of the server. @default /
 * @param ours Whether the probe's response is this server's. @default any response
 * @throws When it did not answer, with what wrangler printed and the end of its log.
 */
export async function startWrangler(
  args: (port: number) => readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
  probe = '/',
  ours: (response: Response) => boolean = () => true
): Promise<Wrangler> {
  for (let start = 1; ; start++) {
    const port = await freePort()
    const origin = `http://127.0.0.1:${port}`
    let log = ''
    const child = spawn(process.execPath, [wranglerScript, ...args(port)], { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
    for (let attempt = 0; attempt < 240 && child.exitCode === null; attempt++) {
      // A port that accepts but never answers (another server took it) must not hang the probe.
      const up = await fetch(`${origin}${probe}`, { redirect: 'manual', signal: AbortSignal.timeout(2000) }).then(
        (response) => ours(response),
        () => false
      )
      // An answer while wrangler says it could not listen is another server's.
      if (up && !log.includes('Address already in use')) return { child, origin, log: () => log }
      await new Promise((done) => setTimeout(done, 250))
    }
    stopWrangler(child)
    const reason = `wrangler ${args(port).join(' ')} did not answer at ${origin}${probe}${child.exitCode === null ? ' in 60 s' : ` (exit ${child.exitCode})`}:\n${log}${await logTail(log)}`
    if (start === 1 && passing.some((text) => log.includes(text))) {
      console.error(`${reason}\nstarting it once more`)
      continue
    }
    throw new Error(reason)
  }
}

/** Stops a wrangler started by {@link startWrangler} (its whole process group: workerd too). */
export function stopWrangler(child: ChildProcess): void {
  if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM')
}

/** The end of the log file wrangler names in its output ("Logs were written to "<file>""), if any. */
async function logTail(output: string): Promise<string> {
  const file = /Logs were written to "([^"]+)"/.exec(output)?.[1]
  if (file === undefined) return ''
  const text = await readFile(file, 'utf8').catch(() => '')
  return text === '' ? '' : `\n${file} ends:\n${text.slice(-3000)}`
}
