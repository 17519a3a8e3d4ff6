import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import sharp from 'sharp'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { benchCommand } from '../../../scripts/bench/bench-command.ts'
import { benchEleventy, ensureCorpus, scenarios, which } from '../../../scripts/bench/index.ts'
import { removeDir, tempDir } from '../../helpers/fixtures.ts'
import type { CliResult } from '../../helpers/run-cli.ts'

const test = suite('bench')
const articles = 12
let work = ''
let corpus = ''

/**
 * `npm run bench -- ARGS` in this process (what main.ts runs once it has answered --help): the
 * builds it measures are child processes all the same, and the benches are loaded here already.
 */
async function runBench(args: readonly string[]): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  try {
    await benchCommand(args, { print: (text) => (stdout += `${text}\n`), log: (line) => (stderr += `${line}\n`) })
    return { code: 0, stdout, stderr }
  } catch (error) {
    return { code: 1, stdout, stderr: `${stderr}${String(error)}\n` }
  }
}

/** The cells of a table row whose first cell starts with `prefix`. */
function row(table: string, prefix: string): string[] | undefined {
  const line = table.split('\n').find((text) => text.startsWith(`| ${prefix}`))
  return line
    ?.split('|')
    .slice(1, -1)
    .map((cell) => cell.trim())
}

test.before(async () => {
  work = await tempDir('bench')
  corpus = await ensureCorpus(articles, work, () => {})
  // The generated pool holds six photographs 1,600 px wide; encoding them at every width took most
  // of each cold build here. Small copies keep every step (the bench reuses the stamped corpus)
  // and leave the builds little but their fixed costs.
  for (const name of await readdir(join(corpus, 'media'))) {
    const path = join(corpus, 'media', name)
    await writeFile(
      path,
      await sharp(await readFile(path))
        .resize({ width: 120 })
        .toBuffer()
    )
  }
})

test.after(async () => {
  await removeDir(work)
})

test('should give the corpus as an absolute path, the work folder given relative to the working folder', async () => {
  // The benches run their commands from folders of their own: a relative path broke `--push`.
  assert.is(await ensureCorpus(articles, relative(process.cwd(), work), () => {}), corpus)
})

test('should print one table with the six toasoan builds, measured', async () => {
  const result = await runBench(['--articles', String(articles), '--work', work, '--skip-eleventy', '--no-install'])
  assert.is(result.code, 0, result.stderr)
  for (const scenario of scenarios) {
    const cells = row(result.stdout, `toasoan: ${scenario.label}`)
    assert.ok(cells, `a row for ${scenario.label}:\n${result.stdout}`)
    assert.match(cells[1] ?? '', /^\d+\.\d+ s$/, 'wall time')
    assert.match(cells[2] ?? '', /^\d+\.\d+ GB$/, 'tree peak')
  }
  const changed = (label: string): number => Number((row(result.stdout, `toasoan: ${label}`)?.[3] ?? '').replace(/,/g, ''))
  assert.is(changed('no-op rebuild'), 0, `a no-op rebuild changes nothing in dist/; what it changed:\n${result.stderr}`)
  // The no-op finds its output up to date: no stage runs, every page is reused.
  assert.match(row(result.stdout, 'no-op rebuild')?.at(-1) ?? '', /^0 \/ [\d,]+$/, 'the no-op renders no page')
  const added = changed('add one article')
  assert.ok(added > 0 && added < 100, `adding one article changes a few files, not ${added}`)
  assert.ok(changed('cold build (empty cache)') > 100, 'the cold build writes the whole site')
  assert.ok(row(result.stdout, 'Eleventy'), 'the Eleventy row says it was skipped')
  const hugo = row(result.stdout, 'Hugo')
  assert.ok(hugo, 'a Hugo row')
  if (await which('hugo')) assert.match(hugo[1] ?? '', /^\d+\.\d+ s$/, 'Hugo measured')
  else assert.match(hugo[1] ?? '', /^skipped: not available/)
})

// The one end-to-end run of the shard bench, with one shard: the shard, its packing, the merge and
// the final build, read back from the table. Several shards' caches merged, and the table's rows
// (the identity row of --with-cold among them), are tested in shard-bench.test.ts; the bytes of a
// sharded build against a cold one's, for several N and a missing shard, in build-shard.test.ts.
test('should measure a sharded cold build: each shard, the merge, and a final build from the merged cache', async () => {
  const result = await runBench(['--shards', '1', '--articles', String(articles), '--work', work, '--no-baselines'])
  assert.is(result.code, 0, result.stderr)
  const shard = row(result.stdout, 'shard 1/1')
  assert.ok(shard, `a row for the shard:\n${result.stdout}`)
  assert.match(shard[1] ?? '', /^\d+\.\d+ s$/, 'wall time')
  assert.match(shard[2] ?? '', /^\d+\.\d+ GB$/, 'tree peak')
  assert.match(shard[4] ?? '', /^\d+(\.\d)? MB \(/, 'packed as tar')
  const final = row(result.stdout, 'final build (merged cache')
  assert.ok(final, `a row for the final build:\n${result.stdout}`)
  const [rendered, cached] = (final[7] ?? '').split(' / ').map((cell) => Number(cell.replace(/,/g, '')))
  assert.ok((cached ?? 0) > articles && (rendered ?? 0) < (cached ?? 0), `most pages come from the shard's cache: ${final[7]}`)
  assert.is(final[8]?.split(' / ')[0], '0', 'no search bundle indexed again')
  assert.not.ok(row(result.stdout, 'final dist/ byte-identical'), 'no identity row without --with-cold')
})

test('should build the corpus with Eleventy and markdown-it as a baseline', async () => {
  const result = await benchEleventy({ corpus, dir: join(work, 'eleventy'), timeoutMs: 60_000, log: () => {} })
  assert.is(result.status, 'ok', result.status === 'ok' ? '' : result.reason)
  const pages = (await readdir(join(work, 'eleventy', '_site'), { recursive: true })).filter((file) => file.endsWith('.html'))
  assert.ok(pages.filter((page) => page.startsWith('articles/')).length === articles, `an HTML page per article: ${pages.join(', ')}`)
  assert.ok(pages.includes('index.html'))
  assert.ok(pages.some((page) => page.startsWith('locality/')))
})

test.run()
