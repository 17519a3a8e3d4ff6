import { readFileSync, unlinkSync } from 'node:fs'
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'

/**
 * One process at a time per output folder: a build writing it, or a deploy reading it. The lock is
 * a small file beside the output (`.<out>.lock`) created exclusively, naming the process that holds
 * it; a lock whose process is no longer running (killed outright) is taken over.
 */

/** Who holds a lock, as its file records it. */
export interface LockHolder {
  pid: number
  /** What it is doing: `build`, `deploy to s3://site`… */
  command: string
  /** When it took the lock (ISO). */
  since: string
}

/** Thrown when another process holds the lock: the message names it and what to do. */
export class OutputBusy extends Error {
  /** The process that holds the lock. */
  readonly holder: LockHolder
  constructor(path: string, holder: LockHolder) {
    super(
      `${path} is in use by another toasoan process: ${holder.command} (pid ${holder.pid}, since ${holder.since}).\n` +
        '  hint: Wait for it to finish, or stop it, then run this again. A lock left by a process that is no longer running is taken over by itself.'
    )
    this.name = 'OutputBusy'
    this.holder = holder
  }
}

/** Options of {@link lockOutput}. */
export interface LockOptions {
  /** How long to wait for another process to release the lock (ms). @default 0 (fail at once) */
  wait?: number
  /** Called once when the lock is held by another process and this one waits. */
  onWait?: (holder: LockHolder) => void
}

/** `.<out>.lock` beside the output folder. */
export function lockFileOf(outDir: string): string {
  const out = resolve(outDir)
  return join(dirname(out), `.${basename(out)}.lock`)
}

/**
 * Takes the lock of an output folder.
 *
 * @param outDir The output folder (it need not exist yet).
 * @param command What this process does with it, for the message another process prints.
 * @param options Whether to wait for a holder.
 * @returns Releases the lock (also released when the process exits).
 * @throws {OutputBusy} When another running process holds it (after `wait`).
 */
export async function lockOutput(outDir: string, command: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const file = lockFileOf(outDir)
  const record: LockHolder = { pid: process.pid, command, since: new Date().toISOString() }
  const text = `${JSON.stringify(record)}\n`
  const deadline = Date.now() + (options.wait ?? 0)
  let told = false
  // Written whole under a name of its own, then linked into place: linking fails when the lock
  // exists, and a reader never sees a lock half-written.
  const draft = `${file}.${process.pid}`
  // The lock lies beside the output: a build into a folder not made yet (`--out site/dist`) makes its parent.
  await mkdir(dirname(file), { recursive: true })
  await writeFile(draft, text)
  try {
    for (;;) {
      try {
        await link(draft, file)
        break
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
      if (await waitOrTakeOver(file, outDir, deadline, told, options)) told = true
    }
  } finally {
    await unlink(draft).catch(() => {})
  }
  const onExit = (): void => {
    try {
      unlinkSync(file)
    } catch {
      // Already gone.
    }
  }
  process.on('exit', onExit)
  let released = false
  return async () => {
    if (released) return
    released = true
    process.off('exit', onExit)
    await unlink(file).catch(() => {})
  }
}

/**
 * Handles a lock held by someone: a stale one is removed (the caller tries again), a live one is
 * waited for until the deadline.
 *
 * @returns Whether this call waited (so {@link LockOptions.onWait} was told).
 */
async function waitOrTakeOver(file: string, outDir: string, deadline: number, told: boolean, options: LockOptions): Promise<boolean> {
  const read = await readHolder(file)
  if (read === undefined) return false
  const { holder, text } = read
  if (holder.pid === process.pid) throw new OutputBusy(resolve(outDir), holder)
  if (!isRunning(holder.pid)) {
    // A stale lock: removed only if the file is still the one read (another process may have taken
    // it over and written its own in between).
    if ((await readFile(file, 'utf8').catch(() => '')) === text) await unlink(file).catch(() => {})
    return false
  }
  if (Date.now() >= deadline) throw new OutputBusy(resolve(outDir), holder)
  if (!told) options.onWait?.(holder)
  await new Promise((done) => setTimeout(done, 200))
  return true
}

/** The holder recorded in a lock file and its text; `undefined` when it vanished meanwhile. A garbled file counts as stale. */
async function readHolder(file: string): Promise<{ holder: LockHolder; text: string } | undefined> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return undefined
  }
  try {
    const holder = JSON.parse(text) as LockHolder
    if (Number.isInteger(holder.pid) && holder.pid > 0) return { holder, text }
  } catch {
    // Not written by toasoan as it is now: treated as the lock of a process that is gone.
  }
  return { holder: { pid: -1, command: 'unknown', since: '' }, text }
}

/**
 * Whether a process is running (one of another user counts). A zombie is not: a killed build's
 * worker stays one until its new parent reaps it (in a container, an init that reaps late), and
 * its lock must not outlive it. Linux says so in `/proc/<pid>/stat`; elsewhere the check is skipped.
 */
export function isRunning(pid: number): boolean {
  if (pid <= 0) return false
  try {
    process.kill(pid, 0)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  return !isZombie(pid)
}

/** Whether `/proc` says the process has exited and waits to be reaped (state `Z`). */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z'
  } catch {
    return false
  }
}
