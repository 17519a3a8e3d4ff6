import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { writeFragments } from '../../../src/most-read/write-fragments.ts'
import { readFileManifest, type FileManifest } from '../../../src/publish/index.ts'
import { removeDir, tempDir } from '../../helpers/fixtures.ts'

const test = suite('writeFragments')

test("should write changed files only, delete the folder's others and update the output's manifest", async () => {
  const out = await tempDir('write-fragments')
  try {
    await mkdir(join(out, 'doc-nhieu', 'dia-phuong'), { recursive: true })
    await writeFile(join(out, 'doc-nhieu', 'dia-phuong', 'cu.json'), '{}\n')
    await writeFile(join(out, 'index.html'), '<p>trang</p>')
    const manifest = { version: 1, files: { '/doc-nhieu/dia-phuong/cu.json': { hash: 'x', size: 3 }, '/index.html': { hash: 'y', size: 12 } } }
    await writeFile(join(out, '.toasoan-manifest.json'), JSON.stringify(manifest))
    const files = new Map([
      ['/doc-nhieu/index.json', '{"version":1}\n'],
      ['/doc-nhieu/chuyen-muc/thoi-su.json', '{"version":1,"windows":{}}\n'],
    ])
    const first = await writeFragments(out, 'doc-nhieu', files)
    assert.equal(first, {
      changed: ['/doc-nhieu/chuyen-muc/thoi-su.json', '/doc-nhieu/index.json'],
      unchanged: 0,
      removed: ['/doc-nhieu/dia-phuong/cu.json'],
      bytes: 41,
    })
    const written = (await readFileManifest(out)) as FileManifest
    assert.equal(Object.keys(written.files), ['/doc-nhieu/chuyen-muc/thoi-su.json', '/doc-nhieu/index.json', '/index.html'])
    assert.equal(written.files['/doc-nhieu/index.json'], { hash: 'b1d94b9e479bf0ca5a15823213cff937', size: 14 })
    assert.equal(written.files['/index.html'], { hash: 'y', size: 12 })

    const before = (await stat(join(out, 'doc-nhieu', 'index.json'))).mtimeMs
    const manifestBefore = (await stat(join(out, '.toasoan-manifest.json'))).mtimeMs
    await new Promise((resolve) => setTimeout(resolve, 20))
    const again = await writeFragments(out, 'doc-nhieu', files)
    assert.equal(again, { changed: [], unchanged: 2, removed: [], bytes: 41 })
    assert.is((await stat(join(out, 'doc-nhieu', 'index.json'))).mtimeMs, before, 'an unchanged file is not touched')
    assert.is((await stat(join(out, '.toasoan-manifest.json'))).mtimeMs, manifestBefore, 'nor the manifest')
  } finally {
    await removeDir(out)
  }
})

test('should write into an output without a manifest', async () => {
  const out = await tempDir('write-fragments')
  try {
    const result = await writeFragments(out, 'thoi-tiet', new Map([['/thoi-tiet/index.json', '{}\n']]))
    assert.equal(result.changed, ['/thoi-tiet/index.json'])
    assert.is(await readFile(join(out, 'thoi-tiet', 'index.json'), 'utf8'), '{}\n')
  } finally {
    await removeDir(out)
  }
})

test.run()
