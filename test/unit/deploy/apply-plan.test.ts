import { createHash } from 'node:crypto'
import { readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { GetObjectCommand } from '@aws-sdk/client-s3'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { keysKept } from '../../../src/deploy/apply-plan.ts'
import { deployToS3, parseRemoteState, type RemoteState } from '../../../src/deploy/index.ts'
import { accessDenied, failing, isSitePut, serviceUnavailable, type Fault, type ProxiedRequest } from '../../helpers/fault-proxy.ts'
import { startDeployFixture, type DeployFixture } from '../../helpers/s3-server.ts'

const test = suite('deploy/apply-plan')
let site: DeployFixture

const manifestOf = async (prefix: string): Promise<RemoteState> => {
  const object = await site.client.send(new GetObjectCommand({ Bucket: 'site', Key: `${prefix}/.toasoan-manifest.json.gz` }))
  return parseRemoteState(await (object.Body as { transformToByteArray: () => Promise<Uint8Array> }).transformToByteArray()) as RemoteState
}
/** Site files the proxy passed to the server, from request `from` on. */
const uploadedSince = (from: number): number => site.proxy.log.slice(from).filter((request) => isSitePut(request) && request.fault === 'pass').length
const planned = async (prefix: string): Promise<number> => {
  const result = await site.deploy(prefix, '--dry-run')
  assert.is(result.code, 0, result.stderr)
  return Number(/^(\d+) files to upload/m.exec(result.stdout)?.[1])
}
const noStack = (stderr: string): void => assert.not.match(stderr, /^\s+at /m, 'no stack trace')
/** Every page the bucket holds under a prefix finds the assets and media it links. */
const pagesFindAssets = async (prefix: string): Promise<void> => {
  const keys = new Set(await site.keys(prefix))
  for (const page of [...keys].filter((key) => key.endsWith('.html'))) {
    const object = await site.client.send(new GetObjectCommand({ Bucket: 'site', Key: `${prefix}${page}` }))
    const html = (await object.Body?.transformToString()) ?? ''
    for (const [link] of html.matchAll(/\/(?:assets|media)\/[^\s"',)]+/g)) assert.ok(keys.has(link), `${page} finds ${link}`)
  }
}

test.before(async () => {
  site = await startDeployFixture('apply-plan')
})

test.after(async () => {
  await site.close()
})

test.after.each(() => {
  site.proxy.decide = () => 'pass'
  site.proxy.release()
})

test('should retry uploads answered 503 or reset, and upload everything', async () => {
  const seen = new Set<string>()
  let turn = 0
  // Every file's first PUT fails, alternately with a 503 and a reset connection.
  site.proxy.decide = (request) => {
    if (!isSitePut(request) || seen.has(request.key)) return 'pass'
    seen.add(request.key)
    return turn++ % 2 === 0 ? serviceUnavailable : 'reset'
  }
  const result = await site.deploy('retry')
  assert.is(result.code, 0, result.stderr)
  assert.equal(await site.keys('retry'), [...(await site.published()), '/.toasoan-manifest.json.gz'].sort())
  const puts = site.proxy.log.filter((request) => isSitePut(request) && request.key.startsWith('site/retry/'))
  assert.is(puts.filter((request) => request.fault === 'pass').length, seen.size, 'each file went through on its second try')
  assert.ok(puts.some((request) => request.fault === 'reset') && puts.some((request) => request.fault === '503'))
})

test('should abandon and retry a request the storage holds without answering', async () => {
  let held = ''
  site.proxy.decide = (request) => {
    if (held !== '' || !isSitePut(request)) return 'pass'
    held = request.key
    return 'hold'
  }
  const to = { bucket: 'site', prefix: 'stalled/' }
  const result = await deployToS3({ outDir: site.outDir, to, endpoint: site.proxy.endpoint, idleTimeout: 1000, log: () => {} })
  assert.is(result.plan.first.length + result.plan.then.length, (await site.published()).length)
  assert.equal(
    site.proxy.log.filter((request) => request.key === held).map((request) => request.fault),
    ['hold', 'pass'],
    'held once, then sent again'
  )
  assert.equal(await site.keys('stalled'), [...(await site.published()), '/.toasoan-manifest.json.gz'].sort())
})

test('should converge on storage failing 30 % of uploads, each run uploading fewer files', async () => {
  const total = (await site.published()).length
  // A third of the files fail in each run, on every attempt: the SDK's retries cannot get past
  // them (its retries of the odd reset still work), only the next run can.
  const failingFiles = (run: number): ((request: ProxiedRequest) => Fault) => {
    const chosen = new Map<string, boolean>()
    const draw = failing(0.3, serviceUnavailable, 100 + run)
    return (request) => {
      if (!isSitePut(request)) return 'pass'
      if (!chosen.has(request.key)) chosen.set(request.key, draw(request) !== 'pass')
      return chosen.get(request.key) ? serviceUnavailable : 'pass'
    }
  }
  const left = [total]
  // Two attempts, not five: a failing file would otherwise wait out the SDK's backoff (up to
  // 0.2 + 0.4 + 0.8 + 1.6 s, jittered) in every run for nothing. The retries themselves are the
  // first test's; here each file fails on every attempt.
  const attempts = process.env['AWS_MAX_ATTEMPTS']
  process.env['AWS_MAX_ATTEMPTS'] = '2'
  try {
    for (let run = 0; run < 30; run++) {
      site.proxy.decide = failingFiles(run)
      const from = site.proxy.log.length
      const result = await site.deploy('flaky')
      const done = result.code === 0
      if (!done) {
        assert.is(result.code, 1)
        assert.match(
          result.stderr,
          /^toasoan: (\d+ uploads failed; the first: )?s3:PutObject on s3:\/\/site\/flaky\/\S+ failed: 503 ServiceUnavailable after \d+ attempts?\./
        )
        assert.match(
          result.stderr,
          /\d+ of \d+ files were uploaded before the deploy stopped and are recorded in the bucket's manifest: running the deploy again continues where this one stopped\./
        )
        noStack(result.stderr)
      }
      site.proxy.decide = () => 'pass'
      await pagesFindAssets('flaky')
      const now = await planned('flaky')
      // A run whose few remaining files all fail makes no progress; none goes back.
      assert.ok(now <= (left.at(-1) as number), `run ${run + 1} kept the work done: ${left.join(' → ')} → ${now} (${uploadedSince(from)} uploaded)`)
      left.push(now)
      if (done) break
    }
  } finally {
    if (attempts === undefined) delete process.env['AWS_MAX_ATTEMPTS']
    else process.env['AWS_MAX_ATTEMPTS'] = attempts
  }
  assert.ok(left.length > 3 && (left[1] as number) < total && (left[2] as number) < (left[1] as number), `runs 2 and 3 had less to do: ${left.join(' → ')}`)
  assert.is(left.at(-1), 0, `it converged: ${left.join(' → ')}`)
  assert.equal(await site.keys('flaky'), [...(await site.published()), '/.toasoan-manifest.json.gz'].sort())
})

test('should name the object, the operation and the permission of a denied upload, and keep the uploads before it', async () => {
  site.proxy.decide = (request) => (request.method === 'PUT' && /^site\/denied\/.*\.html$/.test(request.key) ? accessDenied : 'pass')
  const result = await site.deploy('denied', '--concurrency', '1')
  assert.is(result.code, 1)
  assert.match(
    result.stderr,
    /^toasoan: access denied: s3:PutObject on s3:\/\/site\/denied\/\S+\.html\.\n {2}hint: The key in AWS_ACCESS_KEY_ID needs s3:PutObject on s3:\/\/site\/denied\/\S+\.html: grant it/
  )
  const uploaded = Number(/(\d+) of \d+ files were uploaded before the deploy stopped/.exec(result.stderr)?.[1])
  assert.ok(uploaded > 0, 'the assets went up before the first page')
  noStack(result.stderr)
  await pagesFindAssets('denied')
  const state = await manifestOf('denied')
  assert.is(Object.keys(state.files).length, uploaded, 'and are recorded')
  site.proxy.decide = () => 'pass'
  assert.is(await planned('denied'), (await site.published()).length - uploaded, 'the next run uploads only the rest')
  assert.is((await site.deploy('denied')).code, 0)
})

test('should stop when the output changes under it, recording no hash for bytes it did not upload', async () => {
  const files = await site.published()
  const pages = files.filter((path) => /\.html$/.test(path))
  // Uploaded in this order: the run stops at the first, so the second is left for the next run.
  const changed = pages.at(-2) as string
  const gone = pages.at(-1) as string
  const original = await readFile(join(site.outDir, changed))
  // The tenth upload waits while "a build" rewrites a page and removes another.
  site.proxy.decide = (request) => (isSitePut(request) && request.key.startsWith('site/snap/') && ++count === 10 ? 'hold' : 'pass')
  let count = 0
  const running = site.deploy('snap', '--concurrency', '1')
  await site.proxy.held()
  await writeFile(join(site.outDir, changed), `${original.toString()}<!-- rebuilt -->`)
  site.proxy.release()
  const result = await running
  assert.is(result.code, 1, `${changed}\n${result.stdout}`)
  assert.match(
    result.stderr,
    new RegExp(`^toasoan: dist changed while deploying: ${changed} is not the file the manifest lists .*\\n {2}hint: .*Build again, then deploy\\.`)
  )
  noStack(result.stderr)
  const state = await manifestOf('snap')
  assert.is(state.files[changed], undefined, 'no hash recorded for it')
  assert.ok(state.pending.includes(changed), 'still pending')
  const newHash = createHash('md5')
    .update(await readFile(join(site.outDir, changed)))
    .digest('hex')
  assert.ok(!Object.values(state.files).some((entry) => entry.hash === newHash))

  await writeFile(join(site.outDir, changed), original)
  await rename(join(site.outDir, gone), join(site.outDir, `${gone}.moved`))
  const missing = await site.deploy('snap')
  assert.is(missing.code, 1, missing.stdout)
  assert.match(missing.stderr, new RegExp(`^toasoan: dist changed while deploying: ${gone} is gone`))
  await rename(join(site.outDir, `${gone}.moved`), join(site.outDir, gone))
  assert.is((await site.deploy('snap')).code, 0)
})

test('should drop, before a deploy changes anything, the keys of the paths it writes or deletes and of the folders holding them', () => {
  const keys = { '/2019/10/a/index.html': 'a'.repeat(32), '/2019/10/b/index.html': 'b'.repeat(32), '/pagefind/0/': 'p'.repeat(32) }
  assert.equal(keysKept(undefined, ['/index.html']), {})
  assert.equal(keysKept(keys, []), { keys })
  assert.equal(keysKept(keys, ['/2019/10/a/index.html', '/pagefind/0/y.pf_fragment']), { keys: { '/2019/10/b/index.html': 'b'.repeat(32) } })
})

test.run()
