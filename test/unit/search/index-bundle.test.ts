import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as pagefind from 'pagefind'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { indexBundle } from '../../../src/search/index.ts'
import { removeDir, tempDir } from '../../helpers/fixtures.ts'

const test = suite('indexBundle')

const record = (slug: string, title: string) => ({
  url: `/2026/11/${slug}/`,
  content: `<html lang="vi"><body><h1>${title}</h1><p>Đường giao thông nông thôn ở ${title}.</p></body></html>`,
})

test.after(async () => {
  await pagefind.close()
})

test('should name the metadata after the stamp, point the entry at it, and leave no other metadata or unused UI', async () => {
  const dir = await tempDir('index-bundle')
  try {
    const target = join(dir, 'bundle')
    const stamp = '0123456789abcdef'
    await indexBundle([record('mot', 'Thọ Xuân'), record('hai', 'Hoằng Hóa')], 'vi', target, '/pagefind/0/', stamp, () => {})
    const files = await readdir(target)
    assert.equal(
      files.filter((name) => name.endsWith('.pf_meta')),
      [`pagefind.${stamp}.pf_meta`]
    )
    const entry = JSON.parse(await readFile(join(target, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string; page_count: number }> }
    assert.equal(Object.keys(entry.languages), ['vi'])
    assert.is(entry.languages['vi']?.hash, stamp)
    assert.is(entry.languages['vi']?.page_count, 2)
    assert.not.ok(files.includes('pagefind-ui.js'), "Pagefind's prebuilt UI is not published")
    // Still Pagefind's own bytes: gzip, as Pagefind wrote them.
    const meta = await readFile(join(target, `pagefind.${stamp}.pf_meta`))
    assert.equal([meta[0], meta[1]], [0x1f, 0x8b])
  } finally {
    await removeDir(dir)
  }
})

test.run()
