import { cp, rm, writeFile } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { join } from 'node:path'
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3'
import { createS3rver } from '../../scripts/s3rver.ts'
import { createS3Client } from '../../src/deploy/index.ts'
import { manifestName, manifestText, readFileManifest, tableOf, type FileManifest } from '../../src/publish/index.ts'
import { builtFixture } from './built-fixture.ts'
import { startFaultProxy, type FaultProxy } from './fault-proxy.ts'
import { removeDir, tempDir } from './fixtures.ts'
import { runCliInProcess, type CliResult } from './run-cli.ts'

/** A running S3-compatible server (s3rver) on 127.0.0.1 and what it was asked to write. */
export interface S3Server {
  endpoint: string
  /** Keys written by PUT, in order of arrival. */
  puts: string[]
  /** Called on each PUT (e.g. to kill a deploy half-way). */
  onPut: (listener: (key: string, count: number) => void) => void
  /** Credentials s3rver accepts, as the standard AWS variables. */
  env: Record<string, string>
  close: () => Promise<void>
}

/**
 * Starts s3rver with one bucket on a free port.
 *
 * @param directory Where it keeps objects.
 * @param bucket The bucket to create.
 */
export async function startS3Server(directory: string, bucket: string): Promise<S3Server> {
  const server = createS3rver({ port: 0, address: '127.0.0.1', directory, silent: true, configureBuckets: [{ name: bucket }] })
  const address = await server.run()
  const puts: string[] = []
  const listeners: Array<(key: string, count: number) => void> = []
  server.httpServer.on('request', (request: IncomingMessage) => {
    if (request.method !== 'PUT') return
    const key = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).replace(`/${bucket}/`, '')
    puts.push(key)
    for (const listener of listeners) listener(key, puts.length)
  })
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    puts,
    onPut: (listener) => void listeners.push(listener),
    env: { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1' },
    close: () => server.close(),
  }
}

/** A built site beside an S3 server with a fault proxy in front, for the deploy's suites. */
export interface DeployFixture {
  /** A copy of the built fixture site, without its web editor, its own to change. */
  outDir: string
  server: S3Server
  proxy: FaultProxy
  /** A client straight to the server (no faults), to look at or edit the bucket by hand. */
  client: S3Client
  /** `toasoan deploy --to s3://site/PREFIX --endpoint <the proxy> --out <outDir> …`, in this process. */
  deploy: (prefix: string, ...extra: string[]) => Promise<CliResult>
  /** Keys under a prefix as URL paths (`/index.html`), sorted. */
  keys: (prefix: string) => Promise<string[]>
  /** The output's files as the bucket should hold them (the manifest's, platform files aside), sorted. */
  published: () => Promise<string[]>
  close: () => Promise<void>
}

/** The web editor's files in an output: `/admin/`, Decap CMS's folder and our admin script under `/assets/`. */
const isEditorFile = (path: string): boolean => path.startsWith('/admin/') || /^\/assets\/(?:decap-cms\.[0-9a-f]+\/|cms-admin\.)/.test(path)

/**
 * Removes the web editor from a copy of a built output, files and manifest entries alike: 101 of
 * its 188 files and 6.3 of its 6.6 MB, which every deploy of the copy would upload again (a second
 * of CPU each). What the deploy does under faults and locks does not depend on which files it
 * uploads; s3-deploy.test.ts and push-deploy.test.ts deploy whole builds.
 *
 * @param outDir The copy.
 */
async function removeEditor(outDir: string): Promise<void> {
  const manifest = (await readFileManifest(outDir)) as FileManifest
  const editor = Object.keys(manifest.files).filter(isEditorFile)
  if (editor.length === 0) throw new Error(`${outDir} holds no web editor to remove`)
  for (const path of editor) {
    delete manifest.files[path]
    if (manifest.keys) delete manifest.keys[path]
    await rm(join(outDir, path))
  }
  await rm(join(outDir, 'admin'), { recursive: true })
  await writeFile(join(outDir, manifestName), manifestText(tableOf(manifest)))
}

/**
 * Copies the built fixture site without its web editor (see {@link removeEditor}), starts s3rver
 * (bucket `site`) and a fault proxy in front of it, and puts the server's credentials in the
 * environment (the deploy runs in this process).
 *
 * @param name The suite, for the temporary folder's name.
 */
export async function startDeployFixture(name: string): Promise<DeployFixture> {
  const work = await tempDir(name)
  const outDir = join(work, 'dist')
  // uvu shows a failing `before` only through what fails after it: say it here.
  const built = await builtFixture().catch((error: unknown) => {
    console.error(`the fixture site did not build: ${String(error)}`)
    throw error
  })
  await cp(built, outDir, { recursive: true })
  await removeEditor(outDir)
  const server = await startS3Server(join(work, 's3'), 'site')
  const proxy = await startFaultProxy(server.endpoint)
  Object.assign(process.env, server.env)
  const client = createS3Client({ endpoint: server.endpoint })
  return {
    outDir,
    server,
    proxy,
    client,
    deploy: (prefix, ...extra) => runCliInProcess(['deploy', '--to', `s3://site/${prefix}`, '--endpoint', proxy.endpoint, '--out', outDir, ...extra]),
    keys: async (prefix) => {
      const keys: string[] = []
      let token: string | undefined
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: 'site', Prefix: `${prefix}/`, ...(token === undefined ? {} : { ContinuationToken: token }) })
        )
        for (const object of page.Contents ?? []) keys.push(`/${(object.Key ?? '').slice(prefix.length + 1)}`)
        token = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (token !== undefined)
      return keys.sort()
    },
    published: async () =>
      Object.keys(((await readFileManifest(outDir)) as FileManifest).files)
        .filter((path) => path !== '/_headers' && path !== '/_redirects')
        .sort(),
    close: async () => {
      client.destroy()
      await proxy.close()
      await server.close()
      await removeDir(work)
    },
  }
}
