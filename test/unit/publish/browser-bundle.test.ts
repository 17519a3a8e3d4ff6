import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { bundleBrowserScript } from '../../../src/publish/browser-bundle.ts'
import { removeDir, tempDir } from '../../helpers/fixtures.ts'

const test = suite('bundleBrowserScript')
let dir = ''

test.before(async () => {
  dir = await tempDir('browser-bundle')
  await writeFile(join(dir, 'entry.ts'), "import { greeting } from './words.ts'\ndocument.title = greeting('Thanh Hoa')\n")
  await writeFile(join(dir, 'words.ts'), "export const greeting = (place: string): string => 'Xin chao ' + place\n")
})

test.after(async () => {
  await removeDir(dir)
})

test('should reuse the bundle while its files keep their bytes, and bundle again when an imported one changes', async () => {
  const entry = join(dir, 'entry.ts')
  const first = await bundleBrowserScript(entry, 'esm')
  assert.match(first.toString(), 'Xin chao')
  assert.not.match(first.toString(), /\bimport\b/, 'no import left')
  assert.is(await bundleBrowserScript(entry, 'esm'), first, 'the same bundle, not made again')
  const classic = await bundleBrowserScript(entry, 'iife')
  assert.is.not(classic, first, 'each format its own bundle')
  await writeFile(join(dir, 'words.ts'), "export const greeting = (place: string): string => 'Chao mung ' + place\n")
  const again = await bundleBrowserScript(entry, 'esm')
  assert.match(again.toString(), 'Chao mung', 'the edited module is bundled')
  assert.not.match(again.toString(), 'Xin chao')
})

test.run()
