import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { build } from '../../src/pipeline/build.ts'
import { fixtureSite, tempDir, testNow } from './fixtures.ts'

let built: Promise<string> | undefined

/**
 * The fixture site built once per test process (uvu runs every file in one), for tests that only
 * read the output or copy it first. Removed when the process exits.
 *
 * @returns The output folder.
 */
export function builtFixture(): Promise<string> {
  built ??= (async () => {
    const work = await tempDir('built-fixture')
    process.on('exit', () => rmSync(work, { recursive: true, force: true }))
    const result = await build({ contentDir: fixtureSite, outDir: join(work, 'dist'), cacheDir: join(work, 'cache'), now: testNow, log: () => {} })
    if (!result.ok) throw new Error('the fixture site does not build')
    return join(work, 'dist')
  })()
  return built
}
