import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { outputIdentity } from '../../../src/publish/index.ts'
import { removeDir, tempDir } from '../../helpers/fixtures.ts'

const test = suite('outputIdentity')
let out = ''

test.before(async () => {
  out = await tempDir('output-identity')
  for (const folder of ['2025/01/bai', 'dia-phuong/x', 'doc-nhieu']) await mkdir(join(out, folder), { recursive: true })
  for (const file of ['index.html', '2025/01/bai/index.html', 'dia-phuong/x/index.html', 'doc-nhieu/a.html']) await writeFile(join(out, file), file)
})

test.after(() => removeDir(out))

test('should change with any file outside the unit folders, and with a unit folder itself', async () => {
  const identity = () => outputIdentity(out, ['2025/01'], ['doc-nhieu'])
  const first = await identity()
  assert.type(first, 'string')
  assert.is(await identity(), first)
  // Inside a unit, below its own folder, is the carry check's business: not looked at.
  await writeFile(join(out, '2025/01/bai/index.html'), 'changed')
  assert.is(await identity(), first)
  // The refreshed folders are the hourly commands'.
  await writeFile(join(out, 'doc-nhieu/b.html'), 'b')
  assert.is(await identity(), first)
  await writeFile(join(out, 'dia-phuong/x/index.html'), 'changed, longer')
  const second = await identity()
  assert.is.not(second, first)
  await writeFile(join(out, '2025/01/new.html'), 'a file in the unit folder changes its time')
  assert.is.not(await identity(), second)
  assert.is(await outputIdentity(join(out, 'missing'), []), undefined)
})

test.run()
