import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { deployedChecks, manifestKeys, partialManifest, recordOf, type DeployedSite } from '../../../src/publish/index.ts'

// What a build trusts of a bucket's last deploy, and what a deploy leaves of it while it runs.
const test = suite('publish/deployed')

const key = (letter: string): string => letter.repeat(64)
const site = (pending: string[] = []): DeployedSite => ({
  target: 's3://site/live/',
  files: {
    '/2019/10/a/index.html': { hash: 'h-a', size: 10 },
    '/2019/10/b/index.html': { hash: 'h-b', size: 11 },
    '/pagefind/0/x.pf_fragment': { hash: 'h-x', size: 12 },
    '/media/ab/photo-640.webp': { hash: 'h-p', size: 13 },
    '/media/ab/lost-640.webp': { hash: '', size: 14 },
    '/index.html': { hash: 'h-i', size: 15 },
  },
  keys: recordOf({
    paths: [],
    sizes: [],
    md5: [],
    keys: manifestKeys(
      new Map([
        ['/2019/10/a/index.html', key('a')],
        ['/2019/10/b/index.html', key('b')],
      ]),
      [{ path: 'pagefind/0', key: key('p') }]
    ),
  }).keys as Record<string, string>,
  pending: new Set(pending),
})

test('should trust a page, a folder or a file only as the last finished deploy recorded it', () => {
  const checks = deployedChecks(site())
  assert.ok(checks.page('/2019/10/a/index.html', key('a')))
  assert.not.ok(checks.page('/2019/10/a/index.html', key('c')), 'another key: made again')
  assert.not.ok(checks.page('/2019/10/c/index.html', key('a')), 'a page the bucket lacks')
  assert.equal(checks.units([{ path: 'pagefind/0', key: key('p') }]), new Set(['pagefind/0']))
  assert.equal(checks.units([{ path: 'pagefind/0', key: key('q') }]), new Set())
  assert.ok(checks.holds('/media/ab/photo-640.webp'))
  assert.not.ok(checks.holds('/media/ab/lost-640.webp'), 'an unknown hash')
  const stopped = deployedChecks(site(['/2019/10/a/index.html', '/pagefind/0/x.pf_fragment']))
  assert.not.ok(stopped.page('/2019/10/a/index.html', key('a')), 'a file a stopped deploy was writing')
  assert.equal(stopped.units([{ path: 'pagefind/0', key: key('p') }]), new Set(), 'a folder holding one')
  assert.ok(stopped.page('/2019/10/b/index.html', key('b')))
})

test("should list the whole site, the bucket's entries for what was taken from it, and what was written equal to it", () => {
  const fresh = {
    version: 1 as const,
    files: {
      '/2019/10/b/index.html': { hash: 'h-b2', size: 12 },
      '/index.html': { hash: 'h-i', size: 15 },
      '/2026/01/new/index.html': { hash: 'h-n', size: 9 },
    },
  }
  const { manifest, unchanged } = partialManifest(fresh, site(), {
    paths: ['/2019/10/a/index.html', '/2019/10/b/index.html', '/media/ab/photo-640.webp'],
    folders: ['pagefind/0'],
  })
  assert.equal(Object.keys(manifest.files), [
    '/2019/10/a/index.html',
    '/2019/10/b/index.html',
    '/2026/01/new/index.html',
    '/index.html',
    '/media/ab/photo-640.webp',
    '/pagefind/0/x.pf_fragment',
  ])
  assert.equal(manifest.files['/2019/10/b/index.html'], { hash: 'h-b2', size: 12 }, 'what was written wins')
  assert.equal(manifest.partial, { target: 's3://site/live/' })
  assert.equal(unchanged, ['/index.html'], 'written equal to the bucket: removed from the output')
})

test.run()
