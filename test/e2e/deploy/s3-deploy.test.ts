import { spawn } from 'node:child_process'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { build } from '../../../src/pipeline/build.ts'
import { createS3Client, deployToS3 } from '../../../src/deploy/index.ts'
import { computeFileManifest, isRunning, lockFileOf, readFileManifest, type FileManifest } from '../../../src/publish/index.ts'
import { writeArticle } from '../../helpers/articles.ts'
import { cliScript, contentWith, eventually, removeDir, root, tempDir, testNow } from '../../helpers/fixtures.ts'
import { runCliInProcess } from '../../helpers/run-cli.ts'
import { startS3Server, type S3Server } from '../../helpers/s3-server.ts'

const test = suite('deploy/s3-deploy')
const platformFiles = new Set(['/_headers', '/_redirects'])
let work = ''
let content = ''
let outDir = ''
let server: S3Server
let client: S3Client

const rebuild = async (): Promise<FileManifest> => {
  const result = await build({ contentDir: content, outDir, cacheDir: join(work, 'cache'), now: testNow, log: () => {} })
  assert.ok(result.ok, 'the fixture site builds')
  const manifest = (await readFileManifest(outDir)) as FileManifest
  // Carried folders' entries come from the last manifest: they must describe the output exactly.
  const { keys: _keys, ...files } = manifest
  assert.equal(files, (await computeFileManifest(outDir, join(work, 'check.stamps.json'))).manifest, 'the manifest lists the output')
  return manifest
}
// `toasoan deploy` in this process (the server's credentials are in process.env); the deploy
// killed half-way below is a child process.
const deploy = (prefix: string, ...extra: string[]) =>
  runCliInProcess(['deploy', '--to', `s3://site/${prefix}`, '--endpoint', server.endpoint, '--out', outDir, ...extra])
const listKeys = async (prefix: string): Promise<string[]> => {
  const page = await client.send(new ListObjectsV2Command({ Bucket: 'site', Prefix: `${prefix}/` }))
  return (page.Contents ?? []).map((object) => `/${(object.Key ?? '').slice(prefix.length + 1)}`).sort()
}
const published = (manifest: FileManifest): string[] =>
  Object.keys(manifest.files)
    .filter((path) => !platformFiles.has(path))
    .sort()
const body = async (key: string): Promise<Uint8Array> =>
  (await client.send(new GetObjectCommand({ Bucket: 'site', Key: key }))).Body?.transformToByteArray() ?? new Uint8Array()
const planned = async (prefix: string): Promise<number> => {
  const { plan } = await deployToS3({ outDir, to: { bucket: 'site', prefix: `${prefix}/` }, endpoint: server.endpoint, dryRun: true, log: () => {} })
  return plan.first.length + plan.then.length + plan.deletes.length
}
const putsUnder = (prefix: string, from: number): string[] =>
  server.puts
    .slice(from)
    .filter((key) => key.startsWith(`${prefix}/`) && !key.endsWith('.toasoan-manifest.json.gz'))
    .map((key) => `/${key.slice(prefix.length + 1)}`)
    .sort()

// The group's Node process dies a moment after the launcher whose exit the test saw: its lock
// counts as live until then.
const workerGone = async (out: string): Promise<void> => {
  const holder = await readFile(lockFileOf(out), 'utf8').then(
    (text) => (JSON.parse(text) as { pid: number }).pid,
    () => 0
  )
  await eventually(() => !isRunning(holder), 10_000)
}

test.before(async () => {
  work = await tempDir('s3-deploy')
  content = await contentWith(undefined, { keepSiteArticles: true })
  outDir = join(work, 'dist')
  server = await startS3Server(join(work, 's3'), 'site')
  Object.assign(process.env, server.env)
  client = createS3Client({ endpoint: server.endpoint })
  await rebuild()
})

test.after(async () => {
  client.destroy()
  await server.close()
  await removeDir(work)
  await removeDir(content)
})

test('should upload every file with its Content-Type and Cache-Control, and aliases as redirects', async () => {
  const manifest = (await readFileManifest(outDir)) as FileManifest
  const result = await deploy('www')
  assert.is(result.code, 0, result.stderr)
  assert.equal(await listKeys('www'), [...published(manifest), '/.toasoan-manifest.json.gz'].sort())
  const head = (path: string) => client.send(new HeadObjectCommand({ Bucket: 'site', Key: `www${path}` }))
  const expect = (contentType: string, cacheControl: string) => ({ contentType, cacheControl })
  const short = 'public, max-age=300, must-revalidate'
  const forever = 'public, max-age=31536000, immutable'
  for (const path of published(manifest)) {
    const object = await head(path)
    const wanted =
      path.startsWith('/assets/') && path.endsWith('.css')
        ? expect('text/css; charset=utf-8', forever)
        : path.startsWith('/assets/') && path.endsWith('.wasm')
          ? expect('application/wasm', forever)
          : path.startsWith('/assets/') && path.endsWith('.txt')
            ? expect('text/plain; charset=utf-8', forever)
            : path.startsWith('/assets/')
              ? expect('text/javascript; charset=utf-8', forever)
              : path.startsWith('/media/')
                ? expect({ avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg', png: 'image/png' }[path.split('.').pop() as 'avif'] ?? '?', forever)
                : /\.html?$/.test(path)
                  ? expect('text/html; charset=utf-8', short)
                  : path.endsWith('.xml')
                    ? expect('application/xml; charset=utf-8', short)
                    : path.endsWith('.txt')
                      ? expect('text/plain; charset=utf-8', short)
                      : path.endsWith('.json')
                        ? expect('application/json', short)
                        : path.endsWith('.yml')
                          ? expect('text/yaml; charset=utf-8', short)
                          : path.endsWith('.js')
                            ? expect('text/javascript; charset=utf-8', short)
                            : expect('application/octet-stream', short)
    assert.equal({ contentType: object.ContentType, cacheControl: object.CacheControl }, wanted, path)
    const alias = { '/tin-cu/hoi-nghi-108456.htm': '/2019/10/hoi-nghi-lang-nghe/', '/bai-viet/hoi-nghi-lang-nghe/index.html': '/2019/10/hoi-nghi-lang-nghe/' }[
      path
    ]
    assert.is(object.WebsiteRedirectLocation, alias, `redirect of ${path}`)
  }
  assert.ok(
    published(manifest).some((path) => /^\/media\/[0-9a-f]{2}\/[^/]+\.webp$/.test(path)),
    'media spread into subfolders'
  )
})

test('should upload only what changed when an article is added, and delete what is gone when it is removed', async () => {
  const before = (await readFileManifest(outDir)) as FileManifest
  const file = await writeArticle(content, { slug: 'bai-moi', date: '2024-06-01 08:00', locality: 'hoang-hoa', author: 'minh-duc' })
  const after = await rebuild()
  const changed = published(after).filter((path) => before.files[path]?.hash !== after.files[path]?.hash)
  assert.ok(changed.includes('/2024/06/bai-moi/index.html'), 'the new page')
  const replaced = published(before).filter((path) => after.files[path] === undefined)
  const listed = await listKeys('www')
  const from = server.puts.length
  const added = await deploy('www')
  assert.is(added.code, 0, added.stderr)
  assert.equal(putsUnder('www', from), changed, 'uploaded exactly the changed files')
  const remaining = new Set(await listKeys('www'))
  assert.equal(
    listed.filter((path) => !remaining.has(path)),
    replaced,
    'deleted exactly the files the new output no longer has'
  )
  assert.equal(await listKeys('www'), [...published(after), '/.toasoan-manifest.json.gz'].sort())
  assert.is(await planned('www'), 0, 'a second deploy has nothing to do')

  await rm(file)
  const removed = await rebuild()
  const gone = published(after).filter((path) => removed.files[path] === undefined)
  assert.ok(gone.includes('/2024/06/bai-moi/index.html'))
  const again = await deploy('www')
  assert.is(again.code, 0, again.stderr)
  assert.equal(await listKeys('www'), [...published(removed), '/.toasoan-manifest.json.gz'].sort(), 'deleted exactly what is gone')
  const state = JSON.parse(gunzipSync(await body('www/.toasoan-manifest.json.gz')).toString()) as { pending: string[] }
  assert.equal(state.pending, [])
})

test('should leave every page with its assets when killed half-way, and finish on the next run', async () => {
  const manifest = (await readFileManifest(outDir)) as FileManifest
  const pages = published(manifest).filter((path) => /\.(html?|xml|json|txt)$/.test(path)).length
  const leaves = published(manifest).length - pages
  // One PUT records the pending uploads, then the leaves one at a time, then a few pages: kill there.
  const killAt = server.puts.length + 1 + leaves + Math.floor(pages / 2)
  const child = spawn(process.execPath, [cliScript, 'deploy', '--to', 's3://site/half', '--endpoint', server.endpoint, '--out', outDir, '--concurrency', '1'], {
    cwd: root,
    env: { ...process.env, ...server.env },
    stdio: 'ignore',
    // Its own process group, killed whole: the launcher and the Node process it starts.
    detached: true,
  })
  let killed = false
  server.onPut((_key, count) => {
    if (count < killAt || killed) return
    killed = true
    process.kill(-(child.pid as number), 'SIGKILL')
  })
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)))
  assert.is(signal, 'SIGKILL', 'the deploy was killed')
  await workerGone(outDir)
  const keys = new Set(await listKeys('half'))
  const present = [...keys].filter((key) => key.endsWith('.html'))
  assert.ok(present.length > 0 && present.length < pages, `killed half-way (${present.length} of ${pages} pages)`)
  for (const page of present) {
    const html = Buffer.from(await body(`half${page}`)).toString()
    for (const [link] of html.matchAll(/\/(?:assets|media)\/[^\s"',)]+/g)) assert.ok(keys.has(link), `${page} finds ${link}`)
  }
  const rerun = await deploy('half')
  assert.is(rerun.code, 0, rerun.stderr)
  assert.equal(await listKeys('half'), [...published(manifest), '/.toasoan-manifest.json.gz'].sort())
  assert.is(await planned('half'), 0, 'the second run finished the work')
})

test.run()
