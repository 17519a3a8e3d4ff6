import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { computeFileManifest, mergeCarried } from '../../../src/publish/index.ts'
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
    const merged = mergeCarried(fresh.manifest, first.manifest, ['2019/05'])
    assert.equal(Object.keys(merged?.files ?? {}), ['/2019/05/a.html', '/index.html'])
    assert.is(merged?.files['/index.html']?.hash, fresh.manifest.files['/index.html']?.hash)
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
  const merged = mergeCarried(fresh, previous, ['2019/05'])
  assert.equal(Object.entries(merged?.files ?? {}), Object.entries(expected), 'path order; 2019/06 was not carried')
  // A manifest out of order (edited by hand) gives the same.
  const shuffled = { version: 1 as const, files: Object.fromEntries(Object.entries(previous.files).reverse()) }
  assert.equal(Object.entries(mergeCarried(fresh, shuffled, ['2019/05'])?.files ?? {}), Object.entries(expected))
  assert.is(mergeCarried(fresh, undefined, ['2019/05']), undefined, 'nothing to carry from')
  assert.is(mergeCarried(fresh, previous, []), fresh)
})

test.run()
