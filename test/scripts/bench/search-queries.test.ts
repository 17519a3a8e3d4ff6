import { cp, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { addNewestArticle, drawQueries } from '../../../scripts/bench/search-queries.ts'
import { loadContent } from '../../../src/content/index.ts'
import { countProblems } from '../../../src/problems/index.ts'
import { removeDir, root, tempDir } from '../../helpers/fixtures.ts'

const test = suite('scripts/bench/search-queries')

test('should draw the same 60 queries from the same corpus: fixed ones, then common, rare, phrases and prefixes', async () => {
  const content = join(root, 'content')
  const queries = await drawQueries(content, ['lua mua'])
  assert.equal(await drawQueries(content, ['lua mua']), queries, 'deterministic')
  assert.is(queries.length, 51)
  assert.equal(queries[0], { query: 'lua mua', kind: 'fixed' })
  const kinds = new Map<string, number>()
  for (const { kind } of queries) kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
  for (const kind of ['common', 'rare', 'phrase', 'prefix']) assert.ok((kinds.get(kind) ?? 0) >= 10, `${kind}: ${kinds.get(kind)}`)
  for (const { query, kind } of queries.filter((entry) => entry.kind === 'phrase')) assert.ok(query.split(' ').length >= 2, `${kind} ${query}`)
  assert.ok(
    queries.some((entry) => entry.kind === 'prefix' && entry.query === entry.query.toUpperCase()),
    'some prefixes typed in capitals'
  )
})

test('should add one article newer than every other, which checks clean', async () => {
  const work = await tempDir('search-queries')
  try {
    await cp(join(root, 'content'), work, { recursive: true })
    const path = await addNewestArticle(work)
    assert.match(await readFile(path, 'utf8'), '(mới nhất)')
    const loaded = await loadContent({ contentDir: work })
    assert.is(countProblems(loaded.files).errors, 0)
    const articles = (loaded.loaded?.articles ?? []).map((entry) => entry.article)
    const newest = articles.sort((a, b) => b.date.epoch - a.date.epoch)[0]
    assert.match(newest?.title ?? '', '(mới nhất)')
  } finally {
    await removeDir(work)
  }
})

test.run()
