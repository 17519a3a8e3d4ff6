import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { deployToS3 } from '../../../src/deploy/index.ts'
import { mostRead } from '../../../src/most-read/most-read.ts'
import { parseWindows } from '../../../src/most-read/windows.ts'
import { builtFixture } from '../../helpers/built-fixture.ts'
import { fixtureSite, fixtures, removeDir, tempDir, testNow } from '../../helpers/fixtures.ts'
import { type S3Server, startS3Server } from '../../helpers/s3-server.ts'

// The hourly update as the workflow runs it: most-read into the built site, then the deploy, which
// uploads from the output's manifest: only the fragments whose list changed travel.
const test = suite('mostRead then deploy')
const parsed = parseWindows('24h,7d')
if (!('windows' in parsed)) throw new Error('24h,7d')
const windows = parsed.windows
let work = ''
let out = ''
let server: S3Server

test.before(async () => {
  work = await tempDir('most-read-deploy')
  out = join(work, 'dist')
  await cp(await builtFixture(), out, { recursive: true })
  server = await startS3Server(join(work, 's3'), 'site')
  Object.assign(process.env, server.env)
})

test.after(async () => {
  await server.close()
  await removeDir(work)
})

const update = (source: string) => mostRead({ sources: [join(fixtures, 'most-read', source)], contentDir: fixtureSite, outDir: out, windows, now: testNow })
const deploy = () => deployToS3({ outDir: out, to: { bucket: 'site', prefix: '' }, endpoint: server.endpoint, cacheDir: join(work, 'cache'), log: () => {} })

test('should upload only the fragments whose list changed after an hourly update', async () => {
  assert.ok((await update('nginx')).ok)
  await deploy()
  const first = server.puts.length
  assert.ok(server.puts.includes('doc-nhieu/index.json'), 'the fragments went up with the site')

  // The same lists from another CDN's log: nothing to upload but the manifest.
  assert.ok((await update('cloudfront.log')).ok)
  const same = await deploy()
  assert.equal([...same.plan.first, ...same.plan.then], [])
  assert.equal(same.plan.deletes, [])

  // New counts (an export ranks A first): the site's, thoi-su's and tp-thanh-hoa's lists change.
  const changed = await update('path-views.csv')
  assert.equal(changed.written?.changed, ['/doc-nhieu/chuyen-muc/thoi-su.json', '/doc-nhieu/dia-phuong/tp-thanh-hoa.json', '/doc-nhieu/index.json'])
  const before = server.puts.length
  const hourly = await deploy()
  assert.equal([...hourly.plan.first, ...hourly.plan.then].sort(), changed.written?.changed)
  assert.equal(hourly.plan.deletes, [])
  const uploaded = server.puts.slice(before).filter((key) => !key.startsWith('.toasoan-manifest'))
  assert.equal(uploaded.sort(), ['doc-nhieu/chuyen-muc/thoi-su.json', 'doc-nhieu/dia-phuong/tp-thanh-hoa.json', 'doc-nhieu/index.json'])
  assert.ok(first > 30, `the first deploy uploaded the site (${first} objects)`)
})

test.run()
