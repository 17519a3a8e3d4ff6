import { cp, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { build } from '../../../src/pipeline/build.ts'
import { mostRead } from '../../../src/most-read/most-read.ts'
import { parseWindows } from '../../../src/most-read/windows.ts'
import { readFileManifest } from '../../../src/publish/index.ts'
import { builtFixture, builtFixtureCache } from '../../helpers/built-fixture.ts'
import { fixtureSite, fixtures, removeDir, tempDir, testNow } from '../../helpers/fixtures.ts'

// The hourly commands write into the live output; the next build must keep what they wrote, or the
// "Đọc nhiều" box is empty until they run again.
const test = suite('publish: folders the hourly commands write')

test('should keep the most-read fragments, and their manifest entries, across a rebuild', async () => {
  const work = await tempDir('refreshed-folders')
  try {
    const out = join(work, 'dist')
    const options = { contentDir: fixtureSite, outDir: out, cacheDir: join(work, 'cache'), now: testNow, log: () => {} }
    // The site as its build left it, output and cache (the process's one build of the fixture).
    await cp(await builtFixture(), out, { recursive: true })
    await cp(await builtFixtureCache(), options.cacheDir, { recursive: true })
    const parsed = parseWindows('24h,7d')
    if (!('windows' in parsed)) throw new Error('24h,7d')
    assert.ok(
      (await mostRead({ sources: [join(fixtures, 'most-read', 'nginx')], contentDir: fixtureSite, outDir: out, windows: parsed.windows, now: testNow })).ok
    )
    const fragment = await readFile(join(out, 'doc-nhieu', 'index.json'), 'utf8')
    const listed = (await readFileManifest(out))?.files['/doc-nhieu/index.json']
    assert.ok(listed, 'most-read lists its fragment in the manifest')
    assert.ok((await build(options)).ok)
    assert.is(await readFile(join(out, 'doc-nhieu', 'index.json'), 'utf8'), fragment, 'the fragment is still there after the build')
    assert.equal((await readFileManifest(out))?.files['/doc-nhieu/index.json'], listed, 'and still in the manifest the deploy reads')
  } finally {
    await removeDir(work)
  }
})

test.run()
