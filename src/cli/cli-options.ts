import { readFileSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { UsageError } from '../shared/usage-error.ts'

// What the command line checks before any stage loads: the content folder, a port; and the version.

/** The package's version, from its package.json. */
export function packageVersion(): string {
  const json = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string }
  return json.version ?? '0.0.0'
}

/**
 * Checks that the content folder exists, so a command run from the wrong folder says so at once
 * instead of listing every registry as missing.
 *
 * @param contentDir The value of `--content`.
 * @throws {UsageError} When it is not a folder.
 */
export async function checkContentDir(contentDir: string): Promise<void> {
  const info = await stat(contentDir).catch(() => undefined)
  if (info?.isDirectory()) return
  const where = resolve(contentDir)
  throw new UsageError(
    info ? `--content: ${where} is a file, not the content folder.` : `--content: there is no content folder at ${where}.`,
    "Run toasoan from the newspaper's repository (the folder that holds content/), or give the folder: --content path/to/content."
  )
}

/**
 * `--port N`: a TCP port (0: any free one).
 *
 * @param value The option's value.
 * @throws {UsageError} When it is not a whole number from 0 to 65535.
 */
export function checkPort(value: string): number {
  const port = /^\d+$/.test(value) ? Number(value) : Number.NaN
  if (port <= 65535) return port
  throw new UsageError(`--port: "${value}" is not a port.`, 'Give a whole number from 1 to 65535, e.g. --port 8080 (0: any free port).')
}
