import { createHash } from 'node:crypto'
import { appendFile, cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { glob } from 'tinyglobby'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parse } from 'yaml'
import { readFileManifest, type FileManifest } from '../../../src/publish/index.ts'
import { fixtureSite, removeDir, root, tempDir } from '../../helpers/fixtures.ts'
import { runCliInProcess } from '../../helpers/run-cli.ts'
import { startS3Server, type S3Server } from '../../helpers/s3-server.ts'

// The workflow's S3 path as a push runs it, on a fresh runner each time: restore the caches it
// saves (read from site.yml), `build --deployed`, `deploy`; the bucket must then equal what a full
// build of the same content would publish, and no step may write what the bucket already serves.
const test = suite('deploy/push-deploy')
const now = '2026-11-26T08:00:00+07:00'
const target = 's3://site/live'
let work: string
let content: string
let server: S3Server
/** The cache paths the workflow restores and saves for S3, with the years of `now`. */
let cachePaths: string[]
/** The last runner's saved cache, as a folder of the files those paths matched. */
let saved: string

interface Step {
  id?: string
  with?: Record<string, unknown>
}

test.before(async () => {
  work = await tempDir('push-deploy')
  content = join(work, 'content')
  await cp(fixtureSite, content, { recursive: true })
  // Search bundles of two articles: a publish changes the newest, and the oldest keeps its key.
  await appendFile(join(content, 'site.yml'), '\nsearchBundleSize: 2\n')
  server = await startS3Server(join(work, 's3'), 'site')
  Object.assign(process.env, server.env)
  const workflow = parse(await readFile(join(root, '.github', 'workflows', 'site.yml'), 'utf8')) as { jobs: { build: { steps: Step[] } } }
  const steps = workflow.jobs.build.steps
  const pathOf = (id: string): string[] =>
    String(steps.find((step) => step.id === id)?.with?.['path'] ?? '')
      .split('\n')
      .filter(Boolean)
  const years = { year: '2026', last: '2025' }
  cachePaths = [...pathOf('restore-state'), ...pathOf('restore-bodies-year'), ...pathOf('restore-bodies-last')].map((path) =>
    path.replace(/\$\{\{ steps\.years\.outputs\.(year|last) \}\}/, (_, which: 'year' | 'last') => years[which])
  )
  assert.ok(cachePaths.length >= 3 && cachePaths.every((path) => path.startsWith('.cache/') && !path.includes('${{')), cachePaths.join(', '))
  saved = join(work, 'saved')
})

test.after(async () => {
  await server.close()
  await removeDir(work)
})

/** `toasoan build --deployed` as the workflow runs it, on a runner folder (its .cache/ and dist/). */
function buildDeployed(runner: string): ReturnType<typeof runCliInProcess> {
  return runCliInProcess([
    'build',
    '--content',
    content,
    '--out',
    join(runner, 'dist'),
    '--cache',
    join(runner, '.cache'),
    '--now',
    now,
    '--deployed',
    target,
    '--endpoint',
    server.endpoint,
  ])
}

/** One run of the workflow's build job for S3 on a fresh runner; what it wrote and uploaded. */
async function push(name: string): Promise<{ written: FileManifest; uploaded: string[]; before: FileManifest | undefined; log: string }> {
  const runner = join(work, name)
  await mkdir(runner, { recursive: true })
  // Restore: the last runner's saved cache (nothing on the first).
  await cp(saved, runner, { recursive: true }).catch(() => {})
  const before = await bucketManifest()
  const dist = join(runner, 'dist')
  const built = await buildDeployed(runner)
  assert.is(built.code, 0, built.stderr + built.stdout)
  const written = (await readFileManifest(dist)) as FileManifest
  const putsBefore = server.puts.length
  const deployed = await runCliInProcess(['deploy', '--to', target, '--endpoint', server.endpoint, '--out', dist])
  assert.is(deployed.code, 0, deployed.stderr + deployed.stdout)
  const uploaded = server.puts.slice(putsBefore).filter((key) => !key.endsWith('.toasoan-manifest.json.gz'))
  // Save: the files the workflow's paths match, for the next runner.
  await removeDir(saved)
  for (const file of await glob(cachePaths, { cwd: runner, dot: true })) {
    await mkdir(dirname(join(saved, file)), { recursive: true })
    await cp(join(runner, file), join(saved, file))
  }
  return {
    written: { ...written, files: await filesIn(dist) },
    uploaded: uploaded.map((key) => `/${key.slice('live/'.length)}`).sort(),
    before,
    log: built.stdout + built.stderr,
  }
}

/** The files of an output folder with their MD5s, the manifest and platform files aside. */
async function filesIn(dir: string): Promise<FileManifest['files']> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files: FileManifest['files'] = {}
  for (const entry of entries.filter((found) => found.isFile())) {
    const path = `/${relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/')}`
    if (['/.toasoan-manifest.json', '/_headers', '/_redirects'].includes(path)) continue
    const bytes = await readFile(join(dir, path))
    files[path] = { hash: createHash('md5').update(bytes).digest('hex'), size: bytes.length }
  }
  return files
}

/** The bucket's manifest, if any. */
async function bucketManifest(): Promise<(FileManifest & { keys?: Record<string, string> }) | undefined> {
  const bytes = await readFile(join(work, 's3', 'site', 'live', '.toasoan-manifest.json.gz._S3rver_object')).catch(() => undefined)
  return bytes === undefined ? undefined : (JSON.parse(gunzipSync(bytes).toString('utf8')) as FileManifest)
}

/** Every object of the bucket with the MD5 s3rver recorded for its bytes. */
async function bucketObjects(): Promise<Record<string, string>> {
  const dir = join(work, 's3', 'site', 'live')
  const objects: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.name.endsWith('._S3rver_object.md5')) continue
    const path = `/${relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/')}`.replace(/\._S3rver_object\.md5$/, '')
    if (path !== '/.toasoan-manifest.json.gz') objects[path] = (await readFile(join(entry.parentPath, entry.name), 'utf8')).trim()
  }
  return objects
}

/**
 * The bucket must hold what a full build of the content publishes, byte for byte, and its keys.
 * The full builds (whole outputs, not `--deployed`) keep one output and cache from check to check,
 * as a newsroom's builds do: a warm build publishes the bytes a cold one does (publish/units.test.ts).
 */
async function assertBucketIsFullBuild(label: string): Promise<void> {
  const full = join(work, 'full')
  const built = await runCliInProcess(['build', '--content', content, '--out', join(full, 'dist'), '--cache', join(full, '.cache'), '--now', now])
  assert.is(built.code, 0, built.stderr)
  const expected = await filesIn(join(full, 'dist'))
  const objects = await bucketObjects()
  assert.equal(Object.keys(objects).sort(), Object.keys(expected).sort(), `${label}: the bucket holds the full build's files`)
  for (const [path, entry] of Object.entries(expected)) assert.is(objects[path], entry.hash, `${label}: ${path}`)
  const manifest = (await readFileManifest(join(full, 'dist'))) as FileManifest
  assert.equal((await bucketManifest())?.keys, manifest.keys, `${label}: the bucket's manifest records the full build's keys`)
}

test('should deploy everything on the first push, then only what a new article and an edit change, the bucket always equal to a full build', async () => {
  const first = await push('first')
  assert.is(first.before, undefined)
  assert.equal(first.uploaded, Object.keys(first.written.files).sort(), 'the first deploy uploads the whole site')
  await assertBucketIsFullBuild('first')

  await mkdir(join(content, 'articles', '2026', '11'), { recursive: true })
  await writeFile(
    join(content, 'articles', '2026', '11', 'cau-moi-qua-song-ma.md'),
    '---\ntitle: Cây cầu mới qua sông Mã thông xe\ndate: 2026-11-25 09:00\nlocality: tp-thanh-hoa\nauthor: lan-anh\n---\n\nCây cầu nối hai bờ sông Mã đã thông xe sáng nay.\n'
  )
  const added = await push('added')
  const written = Object.keys(added.written.files)
  assert.ok(written.includes('/2026/11/cau-moi-qua-song-ma/index.html'), 'the new page is written')
  const total = Object.keys(added.before?.files ?? {}).length
  assert.ok(written.length < total / 3, `${written.length} of ${total} files written`)
  for (const path of written)
    assert.is.not(added.before?.files[path]?.hash, added.written.files[path]?.hash, `${path}: no file the bucket serves unchanged is written`)
  assert.equal(added.uploaded, written.sort(), 'the deploy uploads what the build wrote, nothing else')
  // The state restored holds the article pages' keys: the older articles' are not made again.
  assert.match(added.log, /; [1-9]\d* article keys kept from the last build/)
  assert.match(added.log, /search bundles: .*; [1-9]\d* keys kept from the last build/, added.log)
  await assertBucketIsFullBuild('added')

  // An old article: the runner restored this year's and last year's bodies only.
  const old = (await glob('articles/2019/**/*.md', { cwd: content }))[0] as string
  await writeFile(join(content, old), `${await readFile(join(content, old), 'utf8')}\nĐoạn văn thêm vào khi sửa bài.\n`)
  const edited = await push('edited')
  assert.ok(
    Object.keys(edited.written.files).some((path) => path.startsWith('/2019/')),
    'the edited page is written'
  )
  assert.equal(edited.uploaded, Object.keys(edited.written.files).sort())
  await assertBucketIsFullBuild('edited')
})

test('should refuse to deploy a partial output anywhere but the bucket it was built against', async () => {
  const runner = join(work, 'elsewhere')
  const dist = join(runner, 'dist')
  const built = await buildDeployed(runner)
  assert.is(built.code, 0, built.stderr)
  const other = await runCliInProcess(['deploy', '--to', 's3://site/other', '--endpoint', server.endpoint, '--out', dist])
  assert.is(other.code, 1)
  assert.match(other.stderr, 'dist was built against s3://site/live/ and holds only what it lacked; it cannot be deployed to s3://site/other/')
  const platform = await runCliInProcess(['deploy', '--to', 'netlify', '--out', dist])
  assert.is(platform.code, 1)
  assert.match(platform.stderr, 'netlify: dist was built against s3://site/live/ (build --deployed)')
})

test('should refuse --deployed without a bucket, and --endpoint or --region without --deployed, as usage errors', async () => {
  const usage = async (args: string[], message: string): Promise<void> => {
    const result = await runCliInProcess(['build', '--content', content, '--out', join(work, 'usage', 'dist'), ...args])
    assert.is(result.code, 2, args.join(' '))
    assert.match(result.stderr, message)
  }
  await usage(['--deployed', 'dist'], '--deployed: "dist" is not a bucket.')
  await usage(['--endpoint', server.endpoint], '--endpoint and --region name the bucket of --deployed.')
  await usage(['--deployed', target, '--endpoint', 'localhost:9000'], '--endpoint: "localhost:9000" is not a URL.')
})

test.run()
