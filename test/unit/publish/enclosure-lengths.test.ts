import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { fillEnclosureLengths } from '../../../src/publish/enclosure-lengths.ts'
import { removeDir, tempDir } from '../../helpers/fixtures.ts'

const test = suite('fillEnclosureLengths')

test('should write each length and keep every other byte of the feed, Vietnamese text and addresses included', async () => {
  const out = await tempDir('enclosure-lengths')
  try {
    const base = 'https://báo-thanh-hóa.example'
    await mkdir(join(out, 'media', 'ab'), { recursive: true })
    await writeFile(join(out, 'media', 'ab', 'ảnh-đường-400.jpg'), '12345')
    const item = (href: string) => `<item><title>Đường về Thọ Xuân</title><enclosure url="${href}" length="0" type="image/jpeg"/></item>`
    const feed = `<?xml version="1.0"?><rss><channel><title>Báo Thanh Hóa</title>${item(`${base}/media/ab/ảnh-đường-400.jpg`)}${item('https://elsewhere.example/a.jpg')}${item(`${base}/media/ab/missing.jpg`)}</channel></rss>`
    await writeFile(join(out, 'feed.xml'), feed)
    const sizes: string[] = []
    const filled = await fillEnclosureLengths(out, ['/feed.xml'], base, (path) => {
      sizes.push(path)
      return path === '/media/ab/missing.jpg' ? 7 : undefined
    })
    assert.is(filled, 2)
    assert.equal(sizes, ['/media/ab/missing.jpg'], 'a file the output lacks is asked of sizeOf')
    const expected = feed
      .replace(`${base}/media/ab/ảnh-đường-400.jpg" length="0"`, `${base}/media/ab/ảnh-đường-400.jpg" length="5"`)
      .replace(`${base}/media/ab/missing.jpg" length="0"`, `${base}/media/ab/missing.jpg" length="7"`)
    assert.is(await readFile(join(out, 'feed.xml'), 'utf8'), expected)
  } finally {
    await removeDir(out)
  }
})

test.run()
