import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { changeCount, diffTrees, linkTreeCopy, snapshotTree, treeTotals } from '../../../scripts/bench/index.ts'
import { removeDir, tempDir } from '../../helpers/fixtures.ts'

const test = suite('bench/tree-diff')

test('should count added, removed and rewritten files, and not files written again with the same bytes', async () => {
  const dir = await tempDir('tree-diff')
  try {
    const site = join(dir, 'site')
    await mkdir(join(site, 'a'), { recursive: true })
    await writeFile(join(site, 'a', 'same.html'), 'same')
    await writeFile(join(site, 'a', 'kept.html'), 'kept')
    await writeFile(join(site, 'changed.html'), 'old!')
    await writeFile(join(site, 'gone.html'), 'gone')
    const before = await snapshotTree(site)
    await linkTreeCopy(site, join(dir, 'before'))
    // Rewrite the way a build does: new files, never in place.
    await rm(join(site, 'a', 'same.html'))
    await writeFile(join(site, 'a', 'same.html'), 'same')
    await rm(join(site, 'changed.html'))
    await writeFile(join(site, 'changed.html'), 'new!')
    await rm(join(site, 'gone.html'))
    await writeFile(join(site, 'new.html'), 'new')
    const after = await snapshotTree(site)
    const changes = await diffTrees(before, after, { before: join(dir, 'before'), after: site })
    assert.equal(changes, { added: ['new.html'], removed: ['gone.html'], changed: ['changed.html'] })
    assert.is(changeCount(changes), 3)
    assert.equal(treeTotals(after), { files: 4, bytes: 15 })
  } finally {
    await removeDir(dir)
  }
})

test('should see an empty snapshot for a missing folder', async () => {
  assert.is((await snapshotTree('/nonexistent/dist')).size, 0)
})

test.run()
