import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { build } from '../../src/pipeline/build.ts'
import { fixtureSite, tempDir, testNow } from './fixtures.ts'

let built: Promise<string> | undefined

/** The folder holding the fixture site's build: `dist/` and `cache/`, built on first use. */
function builtWork(): Promise<string> {
  built ??= (async () => {
    const work = await tempDir('built-fixture')
    process.on('exit', () => rmSync(work, { recursive: true, force: true }))
    const result = await build({ contentDir: fixtureSite, outDir: join(work, 'dist'), cacheDir: join(work, 'cache'), now: testNow, log: () => {} })
    if (!result.ok) throw new Error('the fixture site does not build')
    return work
  })()
  return built
}

/**
 * The fixture site built once per test process (uvu runs every file in one), for tests that only
 * read the output or copy it first. Removed when the process exits.
 *
 * @returns The output folder.
 */
export async function builtFixture(): Promise<string> {
  return join(await builtWork(), 'dist')
}

/**
 * The cache of {@link builtFixture}'s build, for tests that copy it beside a copy of the output to
 * rebuild warm, as a newsroom's next build is. Never write into it.
 *
 * @returns The cache folder.
 */
export async function builtFixtureCache(): Promise<string> {
  return join(await builtWork(), 'cache')
}
