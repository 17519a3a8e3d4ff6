import { execFile } from 'node:child_process'
import { access, constants } from 'node:fs/promises'
import { delimiter, join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** Hugo found (its path and version), or why not. */
export type HugoLookup = { ok: true; path: string; version: string } | { ok: false; reason: string }

/** What to tell the reader when Hugo is missing. */
export const hugoInstallHint = 'install with: sudo apt-get install hugo'

/**
 * Finds a program on `PATH`.
 *
 * @param name The program's name.
 * @param path The search path. @default process.env.PATH
 */
export async function which(name: string, path = process.env['PATH'] ?? ''): Promise<string | undefined> {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name)
    if (
      await access(candidate, constants.X_OK).then(
        () => true,
        () => false
      )
    )
      return candidate
  }
  return undefined
}

/**
 * Reads Hugo's version from `hugo version` (`hugo v0.111.3+extended linux/amd64 …` → `0.111.3`).
 *
 * @param output What `hugo version` printed.
 */
export function parseHugoVersion(output: string): string | undefined {
  return /v(\d+\.\d+(?:\.\d+)?)/.exec(output)?.[1]
}

async function versionOf(path: string): Promise<HugoLookup> {
  try {
    const { stdout } = await run(path, ['version'])
    const version = parseHugoVersion(stdout)
    return version ? { ok: true, path, version } : { ok: false, reason: `could not read the version from "${stdout.trim()}"` }
  } catch (error) {
    return { ok: false, reason: `${path} version failed: ${(error as Error).message}` }
  }
}

async function aptInstall(log: (line: string) => void): Promise<string | undefined> {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  try {
    await run('apt-get', ['install', '-y', 'hugo'], { env })
    return undefined
  } catch {
    log('  apt-get install failed; running apt-get update and trying again…')
  }
  try {
    await run('apt-get', ['update'], { env })
    await run('apt-get', ['install', '-y', 'hugo'], { env })
    return undefined
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? (error as Error).message
    return `apt-get install -y hugo failed: ${stderr.trim().split('\n').at(-1) ?? ''}`
  }
}

/**
 * Finds Hugo on `PATH`; when missing, and allowed, installs the Debian package with apt-get (as
 * root only), saying so.
 *
 * @param options Whether installing is allowed, and where progress goes.
 */
export async function locateHugo(options: { install: boolean; log: (line: string) => void }): Promise<HugoLookup> {
  const found = await which('hugo')
  if (found) return versionOf(found)
  if (!options.install) return { ok: false, reason: 'not on PATH (installing was turned off)' }
  if (process.getuid?.() !== 0) return { ok: false, reason: 'not on PATH, and installing needs root' }
  if (!(await which('apt-get'))) return { ok: false, reason: 'not on PATH, and apt-get is not available' }
  options.log('Hugo is not on PATH: installing the Debian package (apt-get install -y hugo)…')
  const failure = await aptInstall(options.log)
  if (failure) return { ok: false, reason: failure }
  const installed = await which('hugo')
  return installed ? versionOf(installed) : { ok: false, reason: 'apt-get installed hugo but it is not on PATH' }
}
