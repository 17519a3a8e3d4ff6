import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { loadRegistries } from '../content/index.ts'
import { formatProblems } from '../problems/index.ts'
import { repositoryOf } from '../publish/index.ts'
import type { RunCode } from './command.ts'
import { serve, type ServeOptions } from './serve.ts'
import { UsageError } from '../shared/usage-error.ts'

/** decap-server's own default port, the one `local_backend: true` looks for. */
export const defaultCmsPort = 8081

const decapServerScript = createRequire(import.meta.url).resolve('decap-server')

/** A running decap-server. */
export interface DecapServer {
  /** Its API, e.g. `http://127.0.0.1:8081/api/v1`. */
  url: string
  child: ChildProcess
  /** Stops it. */
  close: () => Promise<void>
}

/** Options of {@link startDecapServer}. */
export interface DecapServerOptions {
  /** The git repository holding the content folder. */
  repository: string
  /** @default 8081 */
  port?: number
  /** Only this machine can reach it. @default 'localhost' */
  host?: string
  quiet?: boolean
  /**
   * `fs` writes straight into the files; `git` commits, and with the editorial workflow keeps each
   * article on a `cms/…` branch until it is published (merged). @default 'fs'
   */
  mode?: 'fs' | 'git'
}

/**
 * Starts decap-server (Decap CMS's local backend) on a repository: in `fs` mode what the web
 * editor saves on localhost lands in the content folder, with no login and no commit.
 *
 * @param options The repository folder, the mode, and where to listen.
 * @returns The server once it answers.
 */
export async function startDecapServer(options: DecapServerOptions): Promise<DecapServer> {
  const port = options.port ?? defaultCmsPort
  const host = options.host ?? 'localhost'
  const child = spawn(process.execPath, [decapServerScript], {
    env: {
      ...process.env,
      PORT: String(port),
      BIND_HOST: host,
      GIT_REPO_DIRECTORY: options.repository,
      MODE: options.mode ?? 'fs',
      LOG_LEVEL: options.quiet ? 'error' : 'info',
    },
    stdio: options.quiet ? 'ignore' : 'inherit',
  })
  const url = `http://${host}:${port}/api/v1`
  const exited = new Promise<never>((_, fail) =>
    child.once('exit', (code) => fail(new Error(`decap-server stopped (exit code ${code ?? '?'}); is port ${port} free?`)))
  )
  exited.catch(() => {})
  const deadline = Date.now() + 10_000
  for (;;) {
    const ready = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"info"}' }).then(
      (response) => response.ok,
      () => false
    )
    if (ready) break
    if (Date.now() > deadline) {
      child.kill()
      throw new Error(`decap-server did not answer at ${url}`)
    }
    await Promise.race([exited, new Promise((done) => setTimeout(done, 100))])
  }
  const close = (): Promise<void> =>
    new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done()
      child.once('exit', () => done())
      child.kill()
    })
  return { url, child, close }
}

/**
 * `toasoan cms`: the dev server (see {@link serve}) plus decap-server on the port site.yml's
 * `cms.localBackend` names (8081 by default), so an article saved at
 * http://localhost:8080/admin/ is written into the content folder and the site rebuilds. With
 * `cms.workflow: editorial`, decap-server runs in git mode: drafts are `cms/…` branches of the
 * repository, and publishing merges one into the branch checked out.
 *
 * @param options What to build and where to serve it.
 * @returns The exit code if the content's registries are invalid or the first build fails.
 */
export async function serveWithCms(options: ServeOptions): Promise<RunCode> {
  const { registries, files } = await loadRegistries(options.contentDir)
  if (!registries) {
    console.error(formatProblems(files, process.cwd()))
    return 1
  }
  const local = registries.site.cms.localBackend
  if (local === false)
    throw new UsageError(
      'cms.localBackend is false in site.yml, so the web editor cannot use a local server.',
      'Remove it (or set it to true) to edit articles locally.'
    )
  const url = local === true ? undefined : new URL(local)
  const repository = repositoryOf(options.contentDir).root
  // Only git mode keeps drafts on branches: the editorial workflow needs it (fs mode refuses it).
  const mode = registries.site.cms.workflow === 'editorial' ? 'git' : 'fs'
  if (mode === 'git' && !existsSync(join(repository, '.git')))
    throw new UsageError(
      `cms.workflow is editorial in site.yml, which keeps each draft on a git branch, but ${repository} is not a git repository.`,
      'Run the editor in a clone of the site repository (or git init there), or remove cms.workflow to save files directly.'
    )
  const decap = await startDecapServer({
    repository,
    mode,
    port: url === undefined ? defaultCmsPort : Number(url.port || 80),
    ...(url === undefined ? {} : { host: url.hostname }),
  })
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => void decap.close().then(() => process.exit(0)))
  console.log(`Web editor: http://localhost:${options.port ?? 8080}/admin/ (decap-server at ${decap.url})`)
  const code = await serve(options)
  await decap.close()
  return code
}
