import { cp, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { cacheCode, cacheFingerprint, type CacheName } from '../../../src/cache/index.ts'
import { builtFixture, builtFixtureCache } from '../../helpers/built-fixture.ts'
import { copyCode, replaceInFile } from '../../helpers/code-copy.ts'
import { fixtureSite, removeDir, tempDir, testNow } from '../../helpers/fixtures.ts'
import { runNode } from '../../helpers/run-cli.ts'
import { hashTree } from '../../helpers/tree.ts'

// The reproduction: change code outside templates/ and src/render/ (the responsive
// `sizes` of images, src/images/image-sizes.ts, once part of image planning), rebuild with a warm cache, and the output must be that of a cold
// build of the changed code.
const test = suite('stale code')
let work = ''
let copy = ''

test.before(async () => {
  work = await tempDir('stale-code')
  copy = await copyCode()
})

test.after(async () => {
  await removeDir(work)
  await removeDir(copy)
})

// Runs the copy's build in its own process, once per cache and output folder, and prints what each
// took from the cache.
const driver = `import { build } from './src/pipeline/build.ts'
const [contentDir, now, ...runs] = process.argv.slice(2)
const reused = []
for (let index = 0; index < runs.length; index += 2) {
  const result = await build({ contentDir, now: Number(now), cacheDir: runs[index], outDir: runs[index + 1], log: () => {} })
  if (!result.ok) process.exit(1)
  reused.push({ pages: result.render?.cached ?? 0, images: result.images?.cached ?? 0 })
}
console.log(JSON.stringify(reused))
`

test('should give, after a change to the images’ sizes, a warm build equal to a cold one', async () => {
  const warmCache = join(work, 'cache')
  const before = join(work, 'before')
  // The fixture site's build, output and cache (the process's one build of it).
  await cp(await builtFixture(), before, { recursive: true })
  await cp(await builtFixtureCache(), warmCache, { recursive: true })
  // Until it changes, the copy's code has the same keys: its build finds this build's entries.
  for (const name of Object.keys(cacheCode) as CacheName[]) assert.is(await cacheFingerprint(name, copy), await cacheFingerprint(name), name)
  await replaceInFile(join(copy, 'src/images/image-sizes.ts'), "'(min-width: 44rem) 42rem, calc(100vw - 2rem)'", "'(min-width: 50rem) 48rem, 100vw'")
  await writeFile(join(copy, 'build-runs.ts'), driver)
  const warm = join(work, 'warm')
  const cold = join(work, 'cold')
  const run = await runNode(
    [
      '--import',
      './scripts/local-tmp.js',
      '--import',
      'tsx',
      join(copy, 'build-runs.ts'),
      fixtureSite,
      String(testNow),
      warmCache,
      warm,
      join(work, 'empty-cache'),
      cold,
      warmCache,
      join(work, 'again'),
    ],
    {
      // tsx applies a tsconfig only to the files it includes: the copy's own, for its JSX.
      TSX_TSCONFIG_PATH: join(copy, 'tsconfig.json'),
    }
  )
  assert.is(run.code, 0, run.stderr)
  const [warmRun, , againRun] = JSON.parse(run.stdout) as Array<{ pages: number; images: number }>
  assert.is(warmRun?.pages, 0, 'no page rendered by the old code is reused')
  // Markup, not encoding: every processed image is still good.
  assert.ok((warmRun?.images ?? 0) > 0, 'processed images are reused')
  assert.ok((againRun?.pages ?? 0) >= 3, 'the changed code reuses its own pages, the three articles among them')
  // The change reached the output, so the comparison below is not between two old sites.
  const article = await readFile(join(warm, '2019/10/hoi-nghi-lang-nghe/index.html'), 'utf8')
  assert.match(article, 'sizes="(min-width: 50rem) 48rem, 100vw"')
  assert.not.match(article, '42rem')
  assert.equal(await hashTree(warm), await hashTree(cold))
  assert.not.equal(await hashTree(warm), await hashTree(before))
})

test.run()
