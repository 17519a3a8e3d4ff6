import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { recordPath } from '../../../src/import/import-record.ts'
import { contentWith, fixtures, removeDir } from '../../helpers/fixtures.ts'
import { runCliInProcess } from '../../helpers/run-cli.ts'
import { hashTree } from '../../helpers/tree.ts'

// A re-import of the very export an earlier import read takes its record instead of reading the
// export again; what it prints must be what reading it again prints, and any change to a file it
// wrote (or to the export, the map, the media) must send it back to the export.
const test = suite('importRecord')
const fixture = join(fixtures, 'import', 'wordpress')
const edgeCases = join(fixture, 'edge-cases.xml')
const options = ['--map', join(fixture, 'map.yml'), '--media', join(fixture, 'uploads'), '--locality', 'thanh-hoa']
const article = 'articles/2019/10/cong-an-tp-thanh-hoa-lang-nghe-y-kien-nhan-dan.md'

let content = ''
const importAgain = (exportPath = join(fixture, 'vi-export.xml')) => runCliInProcess(['import', 'wordpress', exportPath, '--content', content, ...options])

test.before(async () => {
  content = await contentWith(undefined)
})
test.after(async () => {
  await rm(recordPath(content), { force: true })
  await removeDir(content)
})

test('should print from the record what reading the export again prints, changing no byte', async () => {
  for (const exportPath of [join(fixture, 'vi-export.xml'), edgeCases]) {
    await rm(recordPath(content), { force: true })
    await importAgain(exportPath)
    await rm(recordPath(content), { force: true })
    const before = await hashTree(content)
    const read = await importAgain(exportPath)
    const recorded = JSON.parse(await readFile(recordPath(content), 'utf8')) as { files: unknown[] }
    assert.ok(recorded.files.length > 0)
    const fromRecord = await importAgain(exportPath)
    assert.is(fromRecord.code, read.code)
    assert.is(fromRecord.stdout, read.stdout)
    assert.is(fromRecord.stderr, read.stderr)
    assert.match(fromRecord.stdout, / 0 new, 0 updated, [1-9]\d* unchanged, 0 conflicts/)
    assert.equal(await hashTree(content), before)
  }
})

test('should read the export again when a file it wrote was edited, and leave the file', async () => {
  await importAgain()
  const path = join(content, article)
  const edited = (await readFile(path, 'utf8')).replace('Đại biểu', 'Các đại biểu')
  await writeFile(path, edited)
  const again = await importAgain()
  assert.match(again.stdout, '1 conflicts')
  assert.match(again.stderr, 'edited-since-import')
  assert.is(await readFile(path, 'utf8'), edited)
})

test('should read the export again when the export changed', async () => {
  const dir = await contentWith(undefined)
  const copy = join(dir, 'export.xml')
  try {
    await writeFile(copy, await readFile(join(fixture, 'vi-export.xml'), 'utf8'))
    const args = ['import', 'wordpress', copy, '--content', dir, ...options]
    await runCliInProcess(args)
    await writeFile(copy, (await readFile(copy, 'utf8')).replace('Đại biểu phường Đông Thọ góp ý', 'Đại biểu phường Đông Thọ phát biểu'))
    const again = await runCliInProcess(args)
    assert.match(again.stdout, '1 updated')
    assert.match(await readFile(join(dir, article), 'utf8'), 'Đại biểu phường Đông Thọ phát biểu')
  } finally {
    await rm(recordPath(dir), { force: true })
    await removeDir(dir)
  }
})

test.run()
