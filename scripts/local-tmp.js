// Preloaded before tsx by the npm scripts: temporary files (tsx's compile cache, and anything else
// that asks the OS for a temporary folder) go under .cache/tmp, never outside the project.
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'

if (!process.env.TMPDIR) {
  process.env.TMPDIR = resolve('.cache', 'tmp')
  mkdirSync(process.env.TMPDIR, { recursive: true })
}
