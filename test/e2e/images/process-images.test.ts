import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import exifReader from 'exif-reader'
import sharp from 'sharp'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { build, type BuildResult } from '../../../src/pipeline/build.ts'
import { variantWidths } from '../../../src/images/index.ts'
import { formatProblems } from '../../../src/problems/index.ts'
import { setSiteKey } from '../../helpers/articles.ts'
import { contentWith, fixtures, removeDir, tempDir, testNow } from '../../helpers/fixtures.ts'
import { jsonLdOf, metaContent, readPage } from '../../helpers/html.ts'
import { hashTree } from '../../helpers/tree.ts'

const test = suite('processImages')
const page = '/2024/06/anh-dep/'
let work = ''
let content = ''
let first: Awaited<ReturnType<typeof build>>

test.before(async () => {
  work = await tempDir('images')
  content = await contentWith(join(fixtures, 'images'))
  first = await build({ contentDir: content, outDir: join(work, 'dist'), cacheDir: join(work, 'cache'), now: testNow, log: () => {} })
  assert.ok(first.ok, formatProblems(first.files, content))
})

test.after(async () => {
  await removeDir(work)
  await removeDir(content)
})

/** Published image names; each lives in `/media/<first two hex of its hash>/`. */
async function mediaFiles(): Promise<string[]> {
  return (await readdir(join(work, 'dist', 'media'), { recursive: true }))
    .filter((path) => path.includes('.'))
    .map((path) => path.split('/').pop() ?? '')
    .sort()
}

const mediaPath = (file: string): string => join(work, 'dist', 'media', /\.([0-9a-f]{2})[0-9a-f]{8}\./.exec(file)?.[1] ?? '', file)

test('should never upscale', () => {
  assert.equal(variantWidths(1600, [400, 800, 1200]), [400, 800, 1200])
  assert.equal(variantWidths(1000, [400, 800, 1200]), [400, 800, 1000])
  assert.equal(variantWidths(300, [400, 800, 1200]), [300])
})

test('should publish AVIF, WebP and JPEG at each width, with the sizes they claim', async () => {
  const all = (await mediaFiles()).filter((file) => file.startsWith('canh-dong-'))
  const files = all.filter((file) => !/-\d+x\d+\./.test(file))
  assert.equal(
    all
      .filter((file) => !files.includes(file))
      .map((file) => file.replace(/\.[0-9a-f]{10}\./, '.'))
      .sort(),
    ['canh-dong-1000x1000.jpg', 'canh-dong-1200x675.jpg', 'canh-dong-1200x900.jpg'],
    'the 16:9, 4:3 and 1:1 cuts'
  )
  assert.equal(files.map((file) => file.replace(/\.[0-9a-f]{10}\./, '.')).sort(), [
    'canh-dong-1200.avif',
    'canh-dong-1200.jpg',
    'canh-dong-1200.webp',
    'canh-dong-400.avif',
    'canh-dong-400.jpg',
    'canh-dong-400.webp',
    'canh-dong-800.avif',
    'canh-dong-800.jpg',
    'canh-dong-800.webp',
  ])
  for (const file of files) {
    const meta = await sharp(mediaPath(file)).metadata()
    const width = Number(/-(\d+)\./.exec(file)?.[1])
    assert.is(meta.width, width, file)
    assert.is(meta.height, Math.round((width * 1000) / 1600), file)
    assert.is(meta.format, { avif: 'heif', webp: 'webp', jpg: 'jpeg' }[file.split('.').pop() ?? ''], file)
  }
})

test('should keep transparency with a PNG fallback, and not upscale a small image', async () => {
  const files = (await mediaFiles()).filter((file) => file.startsWith('logo-hoi-nghi-')).map((file) => file.replace(/\.[0-9a-f]{10}\./, '.'))
  assert.equal(files.sort(), [
    'logo-hoi-nghi-400.avif',
    'logo-hoi-nghi-400.png',
    'logo-hoi-nghi-400.webp',
    'logo-hoi-nghi-400x400.png',
    'logo-hoi-nghi-533x400.png',
    'logo-hoi-nghi-600.avif',
    'logo-hoi-nghi-600.png',
    'logo-hoi-nghi-600.webp',
    'logo-hoi-nghi-600x338.png',
  ])
})

test('should apply EXIF orientation and strip all metadata, GPS included', async () => {
  const source = await sharp(join(content, 'media', 'chan-dung-dien-thoai.jpg')).metadata()
  assert.ok(exifReader(source.exif as Buffer).GPSInfo, 'the fixture does carry GPS')
  const files = (await mediaFiles()).filter((file) => file.startsWith('chan-dung-dien-thoai-'))
  assert.is(files.length, 12, 'nine sizes and formats, three cuts')
  for (const file of files) {
    const bytes = await readFile(mediaPath(file))
    const meta = await sharp(bytes).metadata()
    if (/-\d+x\d+\./.test(file)) assert.ok(meta.width === 1000, `${file} is cut from the upright picture, 1000 px wide`)
    else assert.ok(meta.height > meta.width, `${file} is upright (portrait)`)
    assert.is(meta.exif, undefined, `${file} has no EXIF`)
    assert.is(meta.orientation, undefined, file)
    assert.not.ok(bytes.includes(Buffer.from('PhoneMaker')), `${file} does not name the phone`)
  }
  assert.ok(
    files.some((file) => file.startsWith('chan-dung-dien-thoai-1000.')),
    'a 1000 px wide portrait is not upscaled to 1200'
  )
})

test('should load the lead image first and the others lazily, each with width and height', async () => {
  const html = await readPage(join(work, 'dist'), page)
  assert.match(
    html,
    /<figure class="lead-figure"><picture><source type="image\/avif" srcset="\/media\/[0-9a-f]{2}\/canh-dong-400\.[0-9a-f]{10}\.avif 400w, \/media\/[0-9a-f]{2}\/canh-dong-800\.[0-9a-f]{10}\.avif 800w, \/media\/[0-9a-f]{2}\/canh-dong-1200\.[0-9a-f]{10}\.avif 1200w"/
  )
  assert.match(
    html,
    /<img src="\/media\/[0-9a-f]{2}\/canh-dong-800\.[0-9a-f]{10}\.jpg" srcset="[^"]+" sizes="\(min-width: 44rem\) 42rem, calc\(100vw - 2rem\)" alt="Cánh đồng lúa chín vàng" width="1200" height="750" fetchpriority="high" decoding="async"\/>/
  )
  assert.match(html, /<figcaption>Cánh đồng lúa vào vụ gặt\. <span class="credit">Ảnh: Tố Phương<\/span><\/figcaption>/)
  assert.match(html, /alt="Bác nông dân cầm bó lúa" width="1000" height="1600" loading="lazy" decoding="async">/)
  assert.match(html, /<img src="\/media\/[0-9a-f]{2}\/logo-hoi-nghi-600\.[0-9a-f]{10}\.png"/)
})

test('should give social cards a 1200 px image and JSON-LD its 16:9, 4:3 and 1:1 cuts, and indexes a thumbnail', async () => {
  const html = await readPage(join(work, 'dist'), page)
  assert.match(metaContent(html, 'og:image') ?? '', /\/media\/[0-9a-f]{2}\/canh-dong-1200\.[0-9a-f]{10}\.jpg$/)
  assert.is(metaContent(html, 'og:image:width'), '1200')
  assert.is(metaContent(html, 'og:image:height'), '750')
  const [data] = jsonLdOf(html) as Array<{ image: Array<{ url: string; width: number; height: number }> }>
  assert.equal(
    data?.image.map((image) => [image.width, image.height]),
    [
      [1200, 675],
      [1200, 900],
      [1000, 1000],
    ]
  )
  for (const image of data?.image ?? []) {
    assert.match(image.url, /^https:\/\/fixture\.example\/media\/[0-9a-f]{2}\/canh-dong-\d+x\d+\.[0-9a-f]{10}\.jpg$/)
    const file = join(work, 'dist', new URL(image.url).pathname)
    const { width, height, format } = await sharp(file).metadata()
    assert.equal([width, height, format], [image.width, image.height, 'jpeg'], 'the published file is that cut')
  }
  const index = await readPage(join(work, 'dist'), '/dia-phuong/hoang-hoa/')
  assert.match(index, /<img class="teaser__thumb" src="\/media\/[0-9a-f]{2}\/canh-dong-400\.[0-9a-f]{10}\.webp" alt width="400" height="250"/)
})

test('should process no image on a rebuild, and publish the same files', async () => {
  const counts = (images: BuildResult['images']): unknown => images && { processed: images.processed, cached: images.cached, carried: images.carried }
  assert.equal(counts(first.images), { processed: 5, cached: 0, carried: 0 }, 'three pictures, the site icon and the logo')
  // Into another output folder: nothing to carry over, every file linked from the cache.
  const again = await build({ contentDir: content, outDir: join(work, 'again'), cacheDir: join(work, 'cache'), now: testNow, log: () => {} })
  assert.equal(counts(again.images), { processed: 0, cached: 5, carried: 0 })
  assert.equal(await hashTree(join(work, 'again', 'media')), await hashTree(join(work, 'dist', 'media')))
})

test('should refuse an image above the pixel limit, at its position', async () => {
  const small = await contentWith(join(fixtures, 'images'))
  try {
    await setSiteKey(small, 'maxImageMegapixels', '1')
    const result = await build({ contentDir: small, outDir: join(work, 'limit'), cacheDir: join(work, 'cache'), now: testNow, log: () => {} })
    assert.not.ok(result.ok)
    const report = formatProblems(result.files, small)
    assert.match(report, 'articles/2024/06/anh-dep.md:8:10 error Image "canh-dong.jpg" is larger than 1 megapixels. [image-too-large]')
    assert.match(report, 'articles/2024/06/anh-dep.md:12:10 error Image "chan-dung-dien-thoai.jpg" is larger than 1 megapixels. [image-too-large]')
    assert.not.match(report, 'logo-hoi-nghi.png', '600 × 400 is under the limit')
  } finally {
    await removeDir(small)
  }
})

test.run()
