import { execFileSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { exists, removeDir, root, tempDir } from '../helpers/fixtures.ts'
import { runNode } from '../helpers/run-cli.ts'

// scripts/install-hooks.js, npm's "prepare": the pre-commit hook on a writer's machine, and never a
// failed install anywhere else.
const test = suite('install-hooks')
const script = join(root, 'scripts', 'install-hooks.js')
const env = { CI: '', SKIP_INSTALL_SIMPLE_GIT_HOOKS: '', GIT_CEILING_DIRECTORIES: join(root, '.cache', 'test-tmp') }

test('should install the pre-commit hook of package.json in a git checkout', async () => {
  const dir = await tempDir('hooks')
  try {
    const config = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { 'simple-git-hooks': Record<string, unknown> }
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'bao', 'simple-git-hooks': config['simple-git-hooks'] }))
    execFileSync('git', ['init', '-q'], { cwd: dir })
    const result = await runNode([script], env, dir)
    assert.is(result.code, 0, result.stdout + result.stderr)
    assert.match(await readFile(join(dir, '.git', 'hooks', 'pre-commit'), 'utf8'), 'npx toasoan check --changed')
  } finally {
    await removeDir(dir)
  }
})

test('should go on without a hook where there is no .git, and in CI', async () => {
  const dir = await tempDir('hooks')
  try {
    const bare = await runNode([script], env, dir)
    assert.is(bare.code, 0)
    assert.match(bare.stdout, 'no .git folder here, so no pre-commit hook was installed.')
    execFileSync('git', ['init', '-q'], { cwd: dir })
    const ci = await runNode([script], { ...env, CI: 'true' }, dir)
    assert.is(ci.code, 0)
    assert.not.ok(await exists(join(dir, '.git', 'hooks', 'pre-commit')))
  } finally {
    await removeDir(dir)
  }
})

test.run()
