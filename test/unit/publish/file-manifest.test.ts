import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { computeFileManifest, manifestText, mergeCarried, parseManifest, tableOf, type ManifestTable } from '../../../src/publish/index.ts'
import { readStamps } from '../../../src/publish/file-stamps.ts'
import { removeDir, tempDir } from '../../helpers/fixtures.ts'

const test = suite('file manifest')

test('should hash only files with new stamps, and keep the stamps of folders carried over', async () => {
  const work = await tempDir('file-manifest')
  try {
    const stamps = join(work, 'stamps.v8')
    const live = join(work, 'live')
    await mkdir(join(live, '2019', '05'), { recursive: true })
    await writeFile(join(live, 'index.html'), 'front')
    await writeFile(join(live, '2019', '05', 'a.html'), 'a')
    const first = await computeFileManifest(live, stamps)
    assert.is(first.hashed, 2)
    assert.is((await computeFileManifest(live, stamps)).hashed, 0, 'unchanged stamps: nothing read again')
    // The next build writes the front page afresh and carries 2019/05 over.
    const staging = join(work, 'staging')
    await mkdir(staging)
    await writeFile(join(staging, 'index.html'), 'front, new')
    const fresh = await computeFileManifest(staging, stamps, ['2019/05'])
    assert.is(fresh.hashed, 1)
    assert.equal((await readStamps(stamps)).paths, ['/2019/05/a.html', '/index.html'], 'the carried folder keeps its stamps')
    const merged = mergeCarried(fresh.manifest, tableOf(first.manifest), ['2019/05'])
    assert.equal(merged?.paths, ['/2019/05/a.html', '/index.html'])
    assert.is(merged?.md5[1], fresh.manifest.files['/index.html']?.hash)
  } finally {
    await removeDir(work)
  }
})

test('should merge carried folders with fresh files in path order, the fresh file winning, whatever order the last manifest was in', () => {
  const entry = (hash: string) => ({ hash, size: 1 })
  const previous = {
    version: 1 as const,
    files: {
      '/2019/05/a/index.html': entry('old-a'),
      '/2019/05/index.html': entry('old-month'),
      '/2019/05/z/index.html': entry('old-z'),
      '/2019/06/b/index.html': entry('old-b'),
      '/index.html': entry('old-front'),
    },
  }
  const fresh = {
    version: 1 as const,
    files: { '/2019/05/index.html': entry('new-month'), '/2019/06/c/index.html': entry('new-c'), '/index.html': entry('new-front') },
  }
  const expected = {
    '/2019/05/a/index.html': entry('old-a'),
    '/2019/05/index.html': entry('new-month'),
    '/2019/05/z/index.html': entry('old-z'),
    '/2019/06/c/index.html': entry('new-c'),
    '/index.html': entry('new-front'),
  }
  const merged = mergeCarried(fresh, tableOf(previous), ['2019/05'])
  assert.equal(merged, tableOf({ version: 1, files: expected }), 'path order; 2019/06 was not carried')
  // A manifest out of order (edited by hand) is read in order, and gives the same.
  const table = tableOf(previous)
  const reversed = { paths: [...table.paths].reverse(), sizes: [...table.sizes].reverse(), md5: [...table.md5].reverse() }
  const shuffled = parseManifest(manifestText(reversed))
  assert.equal(shuffled, table)
  assert.equal(mergeCarried(fresh, shuffled, ['2019/05']), merged)
  assert.is(mergeCarried(fresh, undefined, ['2019/05']), undefined, 'nothing to carry from')
  assert.equal(mergeCarried(fresh, table, []), tableOf(fresh), 'nothing carried: the fresh files alone')
})

test('should write the manifest as columns of lines and read back the same table, keys and target included', () => {
  const table: ManifestTable = {
    paths: ['/2019/05/a/index.html', '/index.html'],
    sizes: [10, 20],
    md5: ['0cc175b9c0f1b6a831c399e269772661', '92eb5ffee6ae2fec3ad71c777531578f'],
    keys: { paths: ['/2019/05/', '/2019/05/a/index.html'], values: ['a'.repeat(32), 'b'.repeat(32)] },
    partial: { target: 's3://site/' },
  }
  const text = manifestText(table)
  assert.equal(JSON.parse(text), {
    version: 2,
    paths: '/2019/05/a/index.html\n/index.html',
    sizes: [10, 20],
    md5: '0cc175b9c0f1b6a831c399e269772661\n92eb5ffee6ae2fec3ad71c777531578f',
    keys: { paths: '/2019/05/\n/2019/05/a/index.html', values: `${'a'.repeat(32)}\n${'b'.repeat(32)}` },
    partial: { target: 's3://site/' },
  })
  assert.equal(parseManifest(text), table)
  const empty = { paths: [], sizes: [], md5: [] }
  assert.equal(parseManifest(manifestText(empty)), empty, 'an empty output')
  // A path with a line break (only a newsroom configuration could name such a file) keeps its column an array.
  const odd = { paths: ['/a\nb.txt', '/c.txt'], sizes: [1, 2], md5: ['x', 'y'] }
  assert.ok(Array.isArray(JSON.parse(manifestText(odd)).paths))
  assert.equal(parseManifest(manifestText(odd)), odd)
})

test("should read an earlier release's manifest (an object per file), and nothing that is not a manifest", () => {
  const files = { '/index.html': { hash: 'h2', size: 2 }, '/a.html': { hash: 'h1', size: 1 } }
  assert.equal(parseManifest(JSON.stringify({ version: 1, files, keys: { '/a.html': 'k' } })), {
    paths: ['/a.html', '/index.html'],
    sizes: [1, 2],
    md5: ['h1', 'h2'],
    keys: { paths: ['/a.html'], values: ['k'] },
  })
  for (const text of ['', '{', '[]', '{"version":3}', '{"version":2,"paths":"/a","sizes":[],"md5":""}', '{"version":2,"paths":"/a","sizes":["1"],"md5":"h"}'])
    assert.is(parseManifest(text), undefined, text)
})

test.run()
