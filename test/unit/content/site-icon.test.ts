import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadContent, loadPublisherLogo, loadSiteIcon } from '../../../src/content/index.ts'
import { formatProblems } from '../../../src/problems/index.ts'
import { contentWith, fixtureSite, removeDir } from '../../helpers/fixtures.ts'

const test = suite('loadSiteIcon')

test('should measure the icon site.yml names, and ask for nothing when it names none', async () => {
  const { media, problem } = await loadSiteIcon(fixtureSite, 'media/bieu-tuong.png')
  assert.is(problem, undefined)
  assert.equal([media?.width, media?.height], [512, 512])
  assert.equal(await loadSiteIcon(fixtureSite, undefined), {})
})

test('should load the icon and logo with the content, so that check reports their problems too', async () => {
  const dir = await contentWith(undefined)
  try {
    const loaded = await loadContent({ contentDir: dir })
    assert.is(loaded.sources?.siteImages.icon?.width, 512)
    assert.is(loaded.sources?.siteImages.logo?.width, 600)
    const siteYml = join(dir, 'site.yml')
    await writeFile(siteYml, (await readFile(siteYml, 'utf8')).replace(/^icon: .*$/m, 'icon: media/khong-co.png'))
    const broken = await loadContent({ contentDir: dir })
    assert.is(broken.sources, undefined)
    assert.match(formatProblems(broken.files, dir), 'error Image "media/khong-co.png" does not exist. [missing-image]')
  } finally {
    await removeDir(dir)
  }
})

test('should report a missing, outside, broken or too small icon at its line in site.yml', async () => {
  const dir = await contentWith(undefined)
  try {
    const line = (await readFile(join(dir, 'site.yml'), 'utf8')).split('\n').findIndex((text) => text.startsWith('icon:')) + 1
    const problem = async (icon: string): Promise<string> => formatProblems([(await loadSiteIcon(dir, icon)).problem!], dir)
    assert.match(await problem('media/khong-co.png'), `site.yml:${line}:7 error Image "media/khong-co.png" does not exist. [missing-image]`)
    assert.match(await problem('../ngoai.png'), '[image-outside-content]')
    await writeFile(join(dir, 'media', 'hong.png'), 'không phải ảnh')
    assert.match(await problem('media/hong.png'), '[unreadable-image]')
    await sharp({ create: { width: 64, height: 64, channels: 3, background: '#b3131b' } })
      .png()
      .toFile(join(dir, 'media', 'nho.png'))
    assert.match(await problem('media/nho.png'), 'the image is 64×64 px; it needs at least 192×192. [invalid-field]')
  } finally {
    await removeDir(dir)
  }
})

test('should read a logo from the content folder, take an https URL as written, and report a missing one at publisher.logo', async () => {
  assert.equal((await loadPublisherLogo(fixtureSite, 'media/logo-bao.png')).media?.width, 600)
  assert.equal(await loadPublisherLogo(fixtureSite, 'https://cdn.example/logo.png'), {})
  const dir = await contentWith(undefined)
  try {
    const report = formatProblems([(await loadPublisherLogo(dir, 'media/khong-co.png')).problem!], dir)
    assert.match(report, /site\.yml:8:9 error Image "media\/khong-co\.png" does not exist\. \[missing-image\]/)
  } finally {
    await removeDir(dir)
  }
})

test.run()
