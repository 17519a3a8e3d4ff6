import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import {
  cacheCounts,
  compressionHere,
  formatShardBench,
  mergeCaches,
  packedSize,
  type ShardBenchReport,
  type ShardRun,
  summarizeShards,
} from '../../../scripts/bench/index.ts'
import { removeDir, tempDir } from '../../helpers/fixtures.ts'

const test = suite('bench/shard-bench')
const GB = 1024 ** 3

function shardRun(shard: number, seconds: number, peakGB: number): ShardRun {
  return {
    shard,
    ms: seconds * 1000,
    peak: peakGB * GB,
    pages: { rendered: 100, cached: 0 },
    search: { indexed: 2, cached: 0 },
    cache: { files: 300, bytes: 50 * 1024 ** 2 },
    tar: { bytes: 52 * 1024 ** 2, ms: 400 },
    compressed: { bytes: 9 * 1024 ** 2, ms: 900 },
  }
}

function report(overrides: Partial<ShardBenchReport> = {}): ShardBenchReport {
  return {
    date: '2026-12-01',
    revision: 'abc1234',
    machine: { cores: 2, model: 'AMD EPYC', memoryBytes: 24 * GB, node: 'v20.20.2' },
    corpus: { articles: 3000, markdownBytes: 15 * 1024 ** 2, images: 6 },
    shards: 3,
    compression: 'zstd',
    runs: [shardRun(1, 20, 1.1), shardRun(2, 30, 1.5), shardRun(3, 25, 2.5)],
    merge: { ms: 1200, cache: { files: 900, bytes: 150 * 1024 ** 2 } },
    final: {
      ms: 10_000,
      peak: 1.2 * GB,
      pages: { rendered: 11, cached: 300 },
      search: { indexed: 0, cached: 6 },
      output: { files: 4000, bytes: 60 * 1024 ** 2 },
    },
    hugo: { tool: 'Hugo 0.111.3', status: 'ok', ms: 50_000, peak: 1.4 * GB, output: { files: 3900, bytes: 40 * 1024 ** 2 } },
    notes: [],
    ...overrides,
  }
}

/** The cells of the table row whose first cell starts with `prefix`. */
function row(table: string, prefix: string): string[] | undefined {
  const line = table.split('\n').find((text) => text.startsWith(`| ${prefix}`))
  return line
    ?.split('|')
    .slice(1, -1)
    .map((cell) => cell.trim())
}

test('should sum the critical path (longest shard + final) and the runners’ time', () => {
  const summary = summarizeShards(report())
  assert.is(summary.longest?.shard, 2)
  assert.is(summary.hungriest?.shard, 3)
  assert.is(summary.criticalMs, 40_000)
  assert.is(summary.runnerMs, 85_000)
  assert.is(summary.tarBytes, 3 * 52 * 1024 ** 2)
  assert.is(summary.compressedBytes, 3 * 9 * 1024 ** 2)
})

test('should print each shard, the final build and Hugo, and mark the targets held or missed', () => {
  const table = formatShardBench(report())
  assert.equal(row(table, 'shard 2/3')?.slice(0, 6), ['shard 2/3', '30.0 s', '1.50 GB', '50 MB, 300 files', '52 MB (0.40 s)', '9.0 MB (0.90 s)'])
  assert.equal(row(table, 'final build (merged')?.slice(1, 3), ['10.0 s', '1.20 GB'])
  assert.equal(row(table, 'final build (merged')?.slice(-2), ['11 / 300', '0 / 6'])
  assert.equal(row(table, "all 3 shards' artifacts")?.slice(4, 6), ['156 MB', '27 MB'])
  assert.ok(table.includes('as tar.zst (packing)'), 'the compression is named')
  assert.equal(row(table, '**longest shard + final**'), ['**longest shard + final** (one runner per shard)', '40.0 s', '0.80×'])
  assert.equal(row(table, 'all shards + final')?.slice(1), ['85.0 s', '1.70×'])
  assert.is(row(table, 'longest shard + final ≤ Hugo 0.111.3')?.[2], 'held')
  assert.is(row(table, "each shard's tree peak ≤ 2.00 GB")?.[2], 'missed', 'shard 3 peaked at 2.5 GB')
  assert.not.ok(row(table, 'final dist/ byte-identical'), 'no identity row without a cold build')
})

test('should say the Hugo target was not measured without Hugo, and report the identity with a cold build', () => {
  const differences = { added: [], removed: [], changed: ['index.html'] }
  const cold = { ms: 90_000, peak: 2 * GB, output: { files: 4000, bytes: 60 * 1024 ** 2 }, differences }
  const table = formatShardBench(report({ hugo: { tool: 'Hugo', status: 'skipped', reason: 'not requested' }, cold }))
  assert.is(row(table, "longest shard + final ≤ Hugo's cold build")?.[2], 'not measured')
  assert.is(row(table, '**longest shard + final**')?.[2], 'n/a')
  assert.equal(row(table, 'final dist/ byte-identical')?.slice(1), ['1 files differ', 'missed'])
  assert.ok(row(table, 'one-machine cold build'), 'a row for the cold build')
})

test('should read pages and search bundles made and taken from the cache from a build’s output', () => {
  const output = [
    '✓ rendering pages (1.2 s)',
    '  pages: 12 rendered, 3,000 from the cache, 0 carried over in 0 unchanged folders',
    '  search bundles: 1 indexed, 5 from the cache, 0 carried over',
  ].join('\n')
  assert.equal(cacheCounts(output.replace('3,000', '3000')), { pages: { rendered: 12, cached: 3000 }, search: { indexed: 1, cached: 5 } })
  assert.equal(cacheCounts('Built 15 pages into dist.'), {})
})

test('should count the bytes of a folder packed as tar and compressed, without writing it', async () => {
  const dir = await tempDir('packed')
  try {
    await mkdir(join(dir, 'pages'))
    await writeFile(join(dir, 'pages', 'a.json'), 'toà soạn '.repeat(20_000))
    const tar = await packedSize(dir, 'tar')
    const compressed = await packedSize(dir, await compressionHere())
    assert.ok(tar.bytes > 180_000 && tar.bytes % 512 === 0, `a tar holds the file in 512-byte blocks: ${tar.bytes}`)
    assert.ok(compressed.bytes > 0 && compressed.bytes < tar.bytes / 10, `repeated text compresses: ${compressed.bytes}`)
    assert.equal(await readdir(dir), ['pages'], 'nothing written beside the folder')
    const missing = await packedSize(join(dir, 'missing'), 'tar').then(
      () => 'packed',
      (error: unknown) => String(error)
    )
    assert.match(missing, /tar .* failed/, 'a folder tar cannot read is an error')
  } finally {
    await removeDir(dir)
  }
})

test('should merge shard caches by copying, the later shard winning a name both wrote, a missing shard skipped', async () => {
  const dir = await tempDir('merge')
  try {
    for (const [shard, files] of [
      ['1', { 'pages/a.json': 'a', 'shared.json': 'from 1' }],
      ['2', { 'pages/b.json': 'b', 'shared.json': 'from 2' }],
    ] as const) {
      for (const [name, text] of Object.entries(files)) {
        await mkdir(join(dir, shard, 'pages'), { recursive: true })
        await writeFile(join(dir, shard, name), text)
      }
    }
    const ms = await mergeCaches([join(dir, '1'), join(dir, 'gone'), join(dir, '2')], join(dir, 'merged'))
    assert.ok(ms >= 0)
    assert.equal((await readdir(join(dir, 'merged', 'pages'))).sort(), ['a.json', 'b.json'])
    assert.is(await readFile(join(dir, 'merged', 'shared.json'), 'utf8'), 'from 2')
  } finally {
    await removeDir(dir)
  }
})

test.run()
