import { spawn } from 'node:child_process'
import { relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import EleventyDevServer from '@11ty/eleventy-dev-server'
import { watch } from 'chokidar'
import { checkOutput } from '../publish/index.ts'
import type { RunCode } from './command.ts'
import { overlayMiddleware, parseProblems, type ServeProblem } from './serve-overlay.ts'

/** Options of {@link serve}. */
export interface ServeOptions {
  contentDir: string
  outDir: string
  /** @default 8080 */
  port?: number
  drafts?: boolean
}

const cliScript = fileURLToPath(new URL('../../scripts/toasoan.js', import.meta.url))
const watched = [fileURLToPath(new URL('../../templates', import.meta.url)), fileURLToPath(new URL('..', import.meta.url))]

/**
 * Builds, serves the output with Eleventy's dev server (live reload), and rebuilds on every change
 * to content, templates or code. Each rebuild runs in a fresh process, so edited templates and
 * code are picked up without restarting; a failed rebuild keeps serving the last good site, with
 * its problems in an overlay on the open pages until the next good build. The terminal shows the
 * time and the changed files of each rebuild.
 *
 * @param options What to build and where to serve it.
 * @returns Never resolves while serving; the exit code if the first build fails.
 * @throws {UsageError} When `outDir` must not be replaced (see `checkOutput`).
 */
export async function serve(options: ServeOptions): Promise<RunCode> {
  await checkOutput({ outDir: options.outDir, contentDir: options.contentDir })
  let problems: ServeProblem[] = []
  const rebuild = (): Promise<boolean> =>
    new Promise((done) => {
      // A deploy reading the output (or a build in another terminal) is waited for, not failed on.
      const args = [cliScript, 'build', '--content', options.contentDir, '--out', options.outDir, '--wait', '600', ...(options.drafts ? ['--drafts'] : [])]
      // Problems go to the terminal as they come and, read back, to the browser's overlay.
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'pipe'] })
      let errors = ''
      child.stderr.on('data', (chunk: Buffer) => {
        process.stderr.write(chunk)
        errors += chunk.toString()
      })
      child.on('exit', (code) => {
        problems = code === 0 ? [] : parseProblems(errors)
        done(code === 0)
      })
    })
  if (!(await rebuild())) return 1
  // A middleware of Eleventy's dev server runs before it serves a file (see serve-overlay.ts).
  const serverOptions = { liveReload: true, domDiff: true, middleware: [overlayMiddleware(options.outDir, () => problems)] }
  const server = EleventyDevServer.getServer('toasoan', resolve(options.outDir), serverOptions)
  server.serve(options.port ?? 8080)
  let running: Promise<void> | undefined
  let again = false
  const changes = new Set<string>()
  const onChange = (_event: string, path: string): void => {
    changes.add(relative(process.cwd(), path) || path)
    if (running) {
      again = true
      return
    }
    running = (async () => {
      do {
        again = false
        const changed = [...changes]
        changes.clear()
        const started = Date.now()
        console.log(
          `[${clockTime(started)}] ${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ` and ${changed.length - 3} more` : ''} changed: rebuilding…`
        )
        if (await rebuild()) {
          console.log(`[${clockTime(Date.now())}] rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`)
          server.reload({})
        } else {
          console.log(`[${clockTime(Date.now())}] the rebuild failed; the last good site is still served, with the problems over its pages`)
          // Tells the open pages; their overlay fetches the problems.
          ;(server as unknown as ErrorNotifier).sendError({ error: new Error(`toasoan: the rebuild failed with ${problems.length} problem(s)`) })
        }
      } while (again)
      running = undefined
    })()
  }
  watch([resolve(options.contentDir), ...watched], { ignoreInitial: true }).on('all', onChange)
  return new Promise<RunCode>(() => {})
}

/**
 * The dev server's way to tell open pages of a failed build, which src/render/eleventy-dev-server.d.ts
 * (another stage's file) does not declare.
 */
interface ErrorNotifier {
  sendError(event: { error: Error }): void
}

/** `HH:MM:SS` in the operator's own zone, for the terminal only. */
function clockTime(epoch: number): string {
  return new Date(epoch).toTimeString().slice(0, 8)
}
