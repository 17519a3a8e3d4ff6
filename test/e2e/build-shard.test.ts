import { cp, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { build, planModel, type BuildResult } from '../../src/pipeline/build.ts'
import { buildShard } from '../../src/pipeline/build-shard.ts'
import { loadContent } from '../../src/content/index.ts'
import { renderCached } from '../../src/render/index.ts'
import { planSearchIndex } from '../../src/search/index.ts'
import { setSiteKey, writeArticle } from '../helpers/articles.ts'
import { contentWith, removeDir, tempDir } from '../helpers/fixtures.ts'
import { hashTree } from '../helpers/tree.ts'

// A cold build done as N shards, their caches copied into one, then an ordinary build: the same
// bytes as one cold build, with nothing left to render but the pages made from the whole model.
const test = suite('build-shard')
const now = Date.parse('2026-01-01T00:00:00+07:00')
const silent = (): void => {}
const shape = { searchBundleSize: 3, now, log: silent }
const localities = ['dien-bien', 'hoang-hoa', 'tp-thanh-hoa']
let content = ''
let work = ''
let cold: Record<string, string> = {}
let feeds = 0

test.before(async () => {
  work = await tempDir('shards')
  content = await contentWith(undefined, { keepSiteArticles: true })
  await setSiteKey(content, 'pageSize', '3')
  // 14 articles over 7 months (5 search bundles of 3 with the fixture's own), two in one month
  // split between bundles, and a draft in a month of its own.
  for (let index = 0; index < 14; index++) {
    const month = String(1 + Math.floor(index / 2)).padStart(2, '0')
    await writeArticle(content, {
      slug: `bai-${index}`,
      date: `2025-${month}-${String(3 + (index % 2) * 10).padStart(2, '0')} 08:00`,
      locality: localities[index % 3] ?? 'dien-bien',
      author: index % 2 === 0 ? 'lan-anh' : 'to-phuong',
      ...(index % 4 === 0 ? { tags: ['giao thông'] } : {}),
    })
  }
  const cold1 = await build({ ...shape, contentDir: content, outDir: join(work, 'cold'), cacheDir: join(work, 'cold-cache') })
  assert.ok(cold1.ok)
  cold = await hashTree(join(work, 'cold'))
  feeds = Object.keys(cold).filter((path) => path.endsWith('.xml') && path.includes('feed')).length
})

test.after(async () => {
  await removeDir(work)
  await removeDir(content)
})

const shardRuns = new Map<number, Promise<string>>()

/** Runs shards `1..count` into caches of their own (`shard-I/` in the folder returned), once per count. */
function runShards(count: number): Promise<string> {
  const run = async (): Promise<string> => {
    const dir = join(work, `n${count}`)
    for (let index = 1; index <= count; index++) {
      const result = await buildShard({ ...shape, contentDir: content, cacheDir: join(dir, `shard-${index}`), shard: { index, count } })
      assert.ok(result.ok, `shard ${index}/${count}`)
    }
    assert.equal(await readdir(dir).then((names) => names.includes('dist')), false, 'a shard writes no output')
    return dir
  }
  const runs = shardRuns.get(count) ?? run()
  shardRuns.set(count, runs)
  return runs
}

/** Runs shards `1..count`, copies the caches of all but `missing` into one, and builds. */
async function shardedBuild(count: number, missing?: number): Promise<BuildResult & { out: string }> {
  const shards = await runShards(count)
  const dir = join(shards, missing ? `without-${missing}` : 'all')
  const merged = join(dir, 'cache')
  for (let index = 1; index <= count; index++) {
    // Merging is copying: a file two shards wrote is valid whichever copy wins.
    if (index !== missing) await cp(join(shards, `shard-${index}`), merged, { recursive: true, force: true })
  }
  const out = join(dir, 'dist')
  const result = await build({ ...shape, contentDir: content, outDir: out, cacheDir: merged })
  assert.ok(result.ok)
  return { ...result, out }
}

// One shard and three: each case is a whole build and its shards, and three shards cover what two
// would (a share of the bundles, the articles and the index pages each, files two shards wrote).
for (const count of [1, 3]) {
  test(`should build the same bytes from ${count} shard${count > 1 ? 's' : ''} as one cold build, indexing and rendering no article again`, async () => {
    const result = await shardedBuild(count)
    assert.equal(await hashTree(result.out), cold)
    assert.is(result.search?.indexed, 0, 'every search bundle came from a shard')
    assert.is(result.images?.processed, 0, 'every image came from a shard')
    // What the shards leave to the final build: the feeds and the files made from the whole model.
    assert.ok((result.render?.rendered ?? 0) <= feeds + 12, `rendered ${result.render?.rendered}`)
    assert.ok((result.render?.cached ?? 0) > 20)
  })
}

test('should build the same bytes when a shard is missing, only doing its work again', async () => {
  const result = await shardedBuild(3, 2)
  assert.equal(await hashTree(result.out), cold)
  assert.ok((result.search?.indexed ?? 0) > 0, 'the missing shard’s bundles are indexed by the final build')
})

test('should refuse to render or index an article read without its body', async () => {
  const { sources } = await loadContent({ contentDir: content, bodyGroups: [] })
  assert.ok(sources)
  const { model } = await planModel(sources, shape, now)
  const out = join(work, 'refused')
  const assets = { css: '/a.css', articleScript: '/a.js', searchScript: '/s.js', commentsScript: '/c.js' }
  try {
    await renderCached(model, {
      outputDir: out,
      pagesCacheDir: join(out, 'pages'),
      eleventyCacheDir: out,
      assets,
      bodies: sources.bodies,
      share: ({ kind }) => kind === 'article',
    })
    assert.unreachable('rendered')
  } catch (error) {
    assert.match(String(error), 'was read without its body and cannot be rendered')
  }
  try {
    await planSearchIndex(model, { cacheDir: join(out, 'search'), bodies: sources.bodies })
    assert.unreachable('indexed')
  } catch (error) {
    assert.match(String(error), 'was read without its body and cannot be indexed')
  }
})

test.run()
