import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadRegistries } from '../../../src/content/registries.ts'
import { readImportMap } from '../../../src/import/import-map.ts'
import { formatSummary } from '../../../src/import/import-report.ts'
import { importWordpress } from '../../../src/import/wordpress-import.ts'
import { formatProblems } from '../../../src/problems/report.ts'
import { contentWith, fixtures, removeDir } from '../../helpers/fixtures.ts'
import { hashTree } from '../../helpers/tree.ts'

// Posts converted on threads (a large export) give the very files, problems and summary the main
// thread gives: both real exports imported with no thread and with two. Two threads take every path
// one takes (each post converted on a thread, its result waited for in file order) and share the
// posts between them besides; each thread starts tsx and the converter again, over a second of CPU.
const test = suite('convertThreads')
const fixture = join(fixtures, 'import', 'wordpress')

async function importWith(exportPath: string, threads: number): Promise<{ tree: Record<string, string>; report: string }> {
  const dir = await contentWith(undefined)
  try {
    const { registries } = await loadRegistries(dir)
    if (!registries) throw new Error('the fixture registries do not load')
    const { map } = await readImportMap(join(fixture, 'map.yml'), registries)
    if (!map) throw new Error('the fixture map does not load')
    const result = await importWordpress({ exportPath, contentDir: dir, registries, map, locality: 'thanh-hoa', mediaDir: join(fixture, 'uploads'), threads })
    return { tree: await hashTree(dir), report: `${formatProblems(result.files, fixture)}\n${formatSummary(result, false)}` }
  } finally {
    await removeDir(dir)
  }
}

for (const name of ['vi-export.xml', 'edge-cases.xml']) {
  test(`should write the same files and report the same problems on threads as on the main thread: ${name}`, async () => {
    const main = await importWith(join(fixture, name), 0)
    assert.ok(Object.keys(main.tree).some((path) => path.startsWith('articles/')))
    assert.match(main.report, /Imported [1-9]/)
    const threaded = await importWith(join(fixture, name), 2)
    assert.equal(threaded.tree, main.tree, 'two threads: files')
    assert.is(threaded.report, main.report, 'two threads: report')
  })
}

test.run()
