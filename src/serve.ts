import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import EleventyDevServer from '@11ty/eleventy-dev-server'
import { watch } from 'chokidar'
import { checkOutput } from './publish/index.ts'

/** Options of {@link serve}. */
export interface ServeOptions {
  contentDir: string
  outDir: string
  /** @default 8080 */
  port?: number
  drafts?: boolean
}

const cliScript = fileURLToPath(new URL('../scripts/toasoan.js', import.meta.url))
const watched = [fileURLToPath(new URL('../templates', import.meta.url)), fileURLToPath(new URL('.', import.meta.url))]

/**
 * Builds, serves the output with Eleventy's dev server (live reload), and rebuilds on every change
 * to content, templates or code. Each rebuild runs in a fresh process, so edited templates and
 * code are picked up without restarting; a failed rebuild keeps serving the last good site.
 *
 * @param options What to build and where to serve it.
 * @returns Never resolves while serving; the exit code if the first build fails.
 * @throws {UsageError} When `outDir` must not be replaced (see `checkOutput`).
 */
export async function serve(options: ServeOptions): Promise<number> {
  await checkOutput({ outDir: options.outDir, contentDir: options.contentDir })
  const rebuild = (): Promise<boolean> =>
    new Promise((done) => {
      const args = [cliScript, 'build', '--content', options.contentDir, '--out', options.outDir, ...(options.drafts ? ['--drafts'] : [])]
      const child = spawn(process.execPath, args, { stdio: 'inherit' })
      child.on('exit', (code) => done(code === 0))
    })
  if (!(await rebuild())) return 1
  const server = EleventyDevServer.getServer('toasoan', resolve(options.outDir), { liveReload: true, domDiff: true })
  server.serve(options.port ?? 8080)
  let running: Promise<void> | undefined
  let again = false
  const onChange = (): void => {
    if (running) {
      again = true
      return
    }
    running = (async () => {
      do {
        again = false
        if (await rebuild()) server.reload({})
      } while (again)
      running = undefined
    })()
  }
  watch([resolve(options.contentDir), ...watched], { ignoreInitial: true }).on('all', onChange)
  return new Promise<number>(() => {})
}
