import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { importedLine } from '../../../src/import/front-matter-text.ts'
import { importedState, withDigest, writeImported } from '../../../src/import/imported-file.ts'
import { removeDir, tempDir } from '../../helpers/fixtures.ts'

const test = suite('importedFile')
const source = { from: 'wordpress', id: '12' } as const
const text = withDigest(`---\ntitle: "Bài"\n${importedLine(source)}---\n\nThân bài.\n`)

test('should record a digest that tells an unedited file from an edited one', () => {
  assert.match(text, /digest: "[0-9a-f]{20}"\}/)
  assert.equal(importedState(text), { from: 'wordpress', id: '12', unedited: true })
  assert.equal(importedState(text.replace('Thân bài.', 'Thân bài đã sửa.')), { from: 'wordpress', id: '12', unedited: false })
  assert.is(importedState('---\ntitle: x\n---\n'), undefined)
})

test('should write new files, replace unedited ones, and leave edited and foreign ones', async () => {
  const dir = await tempDir('imported-file')
  try {
    const path = join(dir, 'a', 'bai.md')
    assert.is(await writeImported(path, text, source, true), 'written')
    assert.is(await writeImported(path, text, source, false), 'written')
    assert.is(await writeImported(path, text, source, false), 'unchanged')
    const newer = withDigest(`---\ntitle: "Bài mới"\n${importedLine(source)}---\n\nThân bài.\n`)
    assert.is(await writeImported(path, newer, source, false), 'updated')
    assert.is(await readFile(path, 'utf8'), newer)
    await writeFile(path, newer.replace('Thân bài.', 'Sửa tay.'))
    assert.is(await writeImported(path, text, source, false), 'edited')
    assert.is(await writeImported(path, text, { from: 'wordpress', id: '13' }, false), 'foreign')
    await writeFile(path, '---\ntitle: "Viết tay"\n---\n')
    assert.is(await writeImported(path, text, source, false), 'foreign')
    assert.is(await readFile(path, 'utf8'), '---\ntitle: "Viết tay"\n---\n')
  } finally {
    await removeDir(dir)
  }
})

test.run()
