import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { runCliInProcess } from '../../helpers/run-cli.ts'
import { startDeployFixture, type DeployFixture } from '../../helpers/s3-server.ts'

const test = suite('deploy/storage-error')
let site: DeployFixture
let website: Server
let websiteUrl = ''

/** `toasoan deploy` that must fail with exit 1, a message and a hint, and no stack trace. */
const fails = async (args: readonly string[], message: RegExp, hint: RegExp): Promise<string> => {
  const result = await runCliInProcess(['deploy', ...args, '--out', site.outDir])
  assert.is(result.code, 1, result.stdout)
  assert.match(result.stderr, message)
  assert.match(result.stderr, hint)
  assert.not.match(result.stderr, /^\s+at /m, 'no stack trace')
  return `${result.stdout}${result.stderr}`
}

test.before(async () => {
  site = await startDeployFixture('storage-error')
  // A website, not storage: every path is an HTML page (404 under /missing).
  website = createServer((request, response) => {
    response.writeHead(request.url?.startsWith('/missing') ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' })
    response.end('<!doctype html><title>Báo</title><p>Trang chủ</p>')
  })
  await new Promise<void>((resolve) => website.listen(0, '127.0.0.1', resolve))
  websiteUrl = `http://127.0.0.1:${(website.address() as AddressInfo).port}`
})

test.after(async () => {
  await new Promise((resolve) => website.close(resolve))
  await site.close()
})

test.after.each(() => {
  site.proxy.decide = () => 'pass'
})

test('should say a corrupt bucket manifest is not one, why, and what to do; --repair gets past it', async () => {
  const key = 'corrupt/.toasoan-manifest.json.gz'
  const cases: Array<[Uint8Array | string, RegExp]> = [
    ['{"files":{}}', /not gzip \(incorrect header check\)/],
    [gzipSync('<html>'), /not JSON \(Unexpected token/],
    [gzipSync('{"files":[],"pending":[],"rules":""}'), /"files" is not an object/],
    [gzipSync('{"files":{},"pending":{},"rules":""}'), /"pending" is not a list of paths/],
  ]
  for (const [body, reason] of cases) {
    await site.client.send(new PutObjectCommand({ Bucket: 'site', Key: key, Body: body }))
    const message = `^toasoan: s3:\\/\\/site\\/corrupt\\/\\.toasoan-manifest\\.json\\.gz is not a manifest toasoan can read: ${reason.source}`
    await fails(
      ['--to', 's3://site/corrupt', '--endpoint', site.proxy.endpoint],
      new RegExp(message),
      /\n {2}hint: Run the deploy again with --repair, .* or delete that object: the next deploy then lists the bucket/
    )
  }
  const repair = await site.deploy('corrupt', '--repair')
  assert.is(repair.code, 0, repair.stderr)
  assert.match(repair.stdout, /is not a manifest toasoan can read: "pending" is not a list of paths\. Listing the bucket instead\./)
  assert.is((await site.deploy('corrupt', '--verify')).code, 0, 'the manifest is whole again')
  await site.client.send(new DeleteObjectCommand({ Bucket: 'site', Key: key }))
  const listed = await site.deploy('corrupt', '--dry-run')
  assert.match(listed.stdout, /the bucket has no manifest: listing its objects/, 'deleting it is the other way out')
})

test('should tell a website from S3 storage', async () => {
  for (const bucket of ['site', 'missing']) {
    await fails(
      ['--to', `s3://${bucket}/www`, '--endpoint', websiteUrl],
      new RegExp(`^toasoan: ${websiteUrl} does not answer as S3-compatible storage: it answered`),
      /\n {2}hint: --endpoint must be the storage's S3 API \(R2: https:\/\/ACCOUNT_ID\.r2\.cloudflarestorage\.com/
    )
  }
})

test('should say a refused connection is one, naming the endpoint', async () => {
  const closed = createServer()
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
  const endpoint = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`
  await new Promise((resolve) => closed.close(resolve))
  await fails(
    ['--to', 's3://site/www', '--endpoint', endpoint],
    new RegExp(`^toasoan: ${endpoint} refused the connection \\(s3:ListBucket on s3://site/www/\\)\\.`),
    /\n {2}hint: Nothing listens there: check the host and port of --endpoint/
  )
})

test('should say a bucket does not exist before anything about its manifest', async () => {
  const output = await fails(
    ['--to', 's3://khong-co/www', '--endpoint', site.proxy.endpoint],
    /^toasoan: the bucket "khong-co" does not exist at http:\/\/127\.0\.0\.1:\d+\./,
    /\n {2}hint: Create it first \(deploy never creates buckets\), or check the bucket name in --to, and --endpoint and --region\./
  )
  assert.not.match(output, /no manifest/)
})

test('should ask for the region of a bucket that lives in another one', async () => {
  site.proxy.decide = () => ({ status: 301, code: 'PermanentRedirect' })
  await fails(
    ['--to', 's3://site/www', '--endpoint', site.proxy.endpoint],
    /^toasoan: the bucket "site" is in another region than the one asked \(s3:ListBucket on s3:\/\/site\/www\/: PermanentRedirect\)\./,
    /\n {2}hint: Give the bucket's region with --region \(or AWS_REGION\)/
  )
})

test('should name both credentials when the secret or the key id is wrong', async () => {
  site.proxy.decide = () => ({ status: 403, code: 'SignatureDoesNotMatch' })
  await fails(
    ['--to', 's3://site/www', '--endpoint', site.proxy.endpoint],
    /^toasoan: http:\/\/127\.0\.0\.1:\d+ rejected the request's signature \(s3:ListBucket on s3:\/\/site\/www\/\): the secret key does not match the key id\./,
    /\n {2}hint: Check AWS_SECRET_ACCESS_KEY: it must be the secret of the key in AWS_ACCESS_KEY_ID/
  )
  site.proxy.decide = () => 'pass'
  process.env['AWS_ACCESS_KEY_ID'] = 'KHONGCO'
  try {
    await fails(
      ['--to', 's3://site/www', '--endpoint', site.proxy.endpoint],
      /^toasoan: http:\/\/127\.0\.0\.1:\d+ does not know the access key id/,
      /\n {2}hint: Check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/
    )
  } finally {
    Object.assign(process.env, site.server.env)
  }
})

test.run()
