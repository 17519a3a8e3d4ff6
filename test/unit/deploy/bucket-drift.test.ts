import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { findDrift, repairedState } from '../../../src/deploy/index.ts'
import { startDeployFixture, type DeployFixture } from '../../helpers/s3-server.ts'

const test = suite('deploy/bucket-drift')
let site: DeployFixture

test.before(async () => {
  site = await startDeployFixture('bucket-drift')
})

test.after(async () => {
  await site.close()
})

test('should find missing, changed and extra objects, leaving pending ones to the next deploy', () => {
  const md5 = (char: string): string => char.repeat(32)
  const state = {
    files: {
      '/a.css': { hash: md5('a'), size: 1 },
      '/b.html': { hash: md5('b'), size: 2 },
      '/c.html': { hash: md5('c'), size: 3 },
      '/p.html': { hash: '', size: 4 },
    },
    pending: ['/p.html', '/q.html'],
    rules: 'r',
  }
  const listing = new Map([
    ['/b.html', { etag: md5('9'), size: 2 }],
    // A multipart upload's ETag is not an MD5: only the size is compared.
    ['/c.html', { etag: `${md5('f')}-2`, size: 3 }],
    ['/q.html', { etag: md5('d'), size: 1 }],
    ['/x.txt', { etag: md5('e'), size: 5 }],
  ])
  assert.equal(findDrift(state, listing), { missing: ['/a.css'], changed: ['/b.html'], extra: ['/x.txt'], pending: 2 })
  const repaired = repairedState(state, listing)
  assert.equal(repaired.files, {
    '/b.html': { hash: '', size: 2 },
    '/c.html': { hash: md5('c'), size: 3 },
    '/q.html': { hash: '', size: 1 },
    '/x.txt': { hash: '', size: 5 },
  })
  assert.equal(repaired.pending, state.pending)
})

test('should report a stylesheet deleted and a page overwritten by hand, repair both, and be clean after', async () => {
  const first = await site.deploy('www')
  assert.is(first.code, 0, first.stderr)
  assert.is((await site.deploy('www', '--verify')).code, 0, 'a fresh deploy has no drift')
  const files = await site.published()
  const stylesheet = files.find((path) => /^\/assets\/.*\.css$/.test(path)) as string
  const page = files.find((path) => path.endsWith('/index.html') && path !== '/index.html') as string
  await site.client.send(new DeleteObjectCommand({ Bucket: 'site', Key: `www${stylesheet}` }))
  await site.client.send(new PutObjectCommand({ Bucket: 'site', Key: `www${page}`, Body: '<p>sửa tay</p>', ContentType: 'text/html' }))
  await site.client.send(new PutObjectCommand({ Bucket: 'site', Key: 'www/tam.html', Body: 'x' }))
  const plain = await site.deploy('www', '--dry-run')
  assert.match(plain.stdout, /^0 files to upload/m, 'a deploy trusts its manifest: it cannot see the drift')

  const verify = await site.deploy('www', '--verify')
  assert.is(verify.code, 1, verify.stderr)
  assert.match(verify.stdout, /s3:\/\/site\/www\/: 3 objects differ from the manifest/)
  assert.match(verify.stdout, new RegExp(`^  missing  ${stylesheet}$`, 'm'))
  assert.match(verify.stdout, new RegExp(`^  changed  ${page}$`, 'm'))
  assert.match(verify.stdout, /^ {2}extra {4}\/tam\.html$/m)
  assert.match(verify.stdout, /hint: Run the same deploy with --repair/)

  const repair = await site.deploy('www', '--repair')
  assert.is(repair.code, 0, repair.stderr)
  assert.match(repair.stdout, /^2 files to upload .* 1 to delete$/m)
  assert.equal(await site.keys('www'), [...files, '/.toasoan-manifest.json.gz'].sort())
  const served = await site.client.send(new GetObjectCommand({ Bucket: 'site', Key: `www${page}` }))
  assert.is(await served.Body?.transformToString(), await readFile(join(site.outDir, page), 'utf8'), 'the page is the build’s again')
  assert.is(served.CacheControl, 'public, max-age=300, must-revalidate', 'with its headers')

  const clean = await site.deploy('www', '--verify')
  assert.is(clean.code, 0, clean.stdout)
  assert.match(clean.stdout, /s3:\/\/site\/www\/ matches its manifest\./)
})

test('should say a bucket without a manifest has nothing to verify, and what to do', async () => {
  const result = await site.deploy('empty', '--verify')
  assert.is(result.code, 1)
  assert.match(result.stderr, /^toasoan: s3:\/\/site\/empty\/ has no manifest: .*\n {2}hint: Deploy \(without --verify\)/)
})

test.run()
