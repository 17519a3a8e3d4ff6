import { spawn } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { build } from '../../../src/pipeline/build.ts'
import { lockFileOf } from '../../../src/publish/index.ts'
import { isSitePut } from '../../helpers/fault-proxy.ts'
import { fixtureSite, testNow, tempDir, removeDir } from '../../helpers/fixtures.ts'
import { runCli, runCliInProcess } from '../../helpers/run-cli.ts'
import { startDeployFixture, type DeployFixture } from '../../helpers/s3-server.ts'

const test = suite('deploy/deploy-command')
let site: DeployFixture

test.before(async () => {
  site = await startDeployFixture('deploy-command')
})

test.after(async () => {
  await site.close()
})

test.after.each(() => {
  site.proxy.decide = () => 'pass'
})

test('should stop at once naming a live process that holds the output, and take over the lock of one that is gone', async () => {
  const sleeper = spawn('sleep', ['30'], { stdio: 'ignore' })
  const lock = { pid: sleeper.pid, command: 'build', since: '2026-12-05T08:00:00.000Z' }
  await writeFile(lockFileOf(site.outDir), JSON.stringify(lock))
  const redirects = await readFile(join(site.outDir, '_redirects'), 'utf8')
  try {
    for (const to of ['s3://site/locked', 'netlify']) {
      const result = await runCliInProcess(['deploy', '--to', to, '--endpoint', site.proxy.endpoint, '--out', site.outDir])
      assert.is(result.code, 1, to)
      assert.match(
        result.stderr,
        new RegExp(
          `^toasoan: ${site.outDir} is in use by another toasoan process: build \\(pid ${sleeper.pid}, since 2026-12-05T08:00:00.000Z\\)\\.\\n {2}hint: Wait for it to finish`
        )
      )
    }
    assert.equal(await site.keys('locked'), [], 'nothing was uploaded')
    assert.is(await readFile(join(site.outDir, '_redirects'), 'utf8'), redirects, 'nor prepared for Netlify')
  } finally {
    sleeper.kill()
    await new Promise((resolve) => sleeper.on('exit', resolve))
  }
  const taken = await site.deploy('locked')
  assert.is(taken.code, 0, taken.stderr)
  assert.equal(await site.keys('locked'), [...(await site.published()), '/.toasoan-manifest.json.gz'].sort())
  assert.not.ok(await readFile(lockFileOf(site.outDir)).catch(() => undefined), 'the deploy released the lock')
})

test('should hold the output for its whole run: a build into it meanwhile stops, naming the deploy', async () => {
  let puts = 0
  site.proxy.decide = (request) => (isSitePut(request) && ++puts === 5 ? 'hold' : 'pass')
  const running = site.deploy('held', '--concurrency', '1')
  await site.proxy.held()
  const cache = await tempDir('deploy-command-cache')
  try {
    const refused = await build({ contentDir: fixtureSite, outDir: site.outDir, cacheDir: cache, now: testNow, log: () => {} }).then(
      () => undefined,
      (error: unknown) => error
    )
    assert.match(String(refused), /is in use by another toasoan process: deploy to s3:\/\/site\/held \(pid \d+/)
  } finally {
    site.proxy.release()
    await removeDir(cache)
  }
  const result = await running
  assert.is(result.code, 0, result.stderr)
})

test('should refuse wrong options as usage errors, with a hint', async () => {
  const usage = async (args: string[], message: RegExp): Promise<void> => {
    const result = await runCliInProcess(['deploy', ...args, '--out', site.outDir])
    assert.is(result.code, 2, args.join(' '))
    assert.match(result.stderr, message)
    assert.match(result.stderr, /\n {2}hint: \S/)
  }
  await usage(
    ['--to', 's3://site/x', '--endpoint', 'localhost:9000'],
    /^toasoan: --endpoint: "localhost:9000" is not a URL\.\n {2}hint: Give the storage's S3 API address with its scheme/
  )
  await usage(['--to', 's3://site/x', '--endpoint', 'ftp://127.0.0.1'], /^toasoan: --endpoint: "ftp:\/\/127\.0\.0\.1" is not a URL\./)
  await usage(['--to', 's3://Site'], /^toasoan: --to: "s3:\/\/Site" is not an S3 location\./)
  await usage(['--to', 'vercel'], /^toasoan: unknown target "vercel"\./)
  await usage([], /^toasoan: deploy needs --to or --check\./)
  await usage(['--to', 's3://site/x', '--concurrency', '0'], /^toasoan: --concurrency: "0" is not a whole number from 1\./)
  await usage(['--to', 'netlify', '--verify'], /^toasoan: --verify and --repair compare a bucket with its manifest\./)
  await usage(['--to', 's3://site/x', '--frobnicate'], /^toasoan: unknown option --frobnicate\.\n {2}hint: Run toasoan deploy --help for its options\./)
  const missing = await runCliInProcess(['deploy', '--to', 'netlify', '--out', `${site.outDir}-khong-co`])
  assert.is(missing.code, 2)
  assert.match(missing.stderr, /^toasoan: --out: ".*-khong-co" does not exist: there is no built site to deploy\.\n {2}hint: Build first/)
})

test('should not print the AWS SDK warning about Node versions', async () => {
  const result = await runCli(['deploy', '--to', 's3://site/quiet', '--endpoint', site.proxy.endpoint, '--out', site.outDir, '--dry-run'], site.server.env)
  assert.is(result.code, 0, result.stderr)
  assert.match(result.stdout, /files to upload/)
  assert.not.match(result.stderr, /NodeVersionSupportWarning|AWS SDK/)
})

test.run()
