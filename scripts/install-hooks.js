#!/usr/bin/env node
// `npm install` runs this (the "prepare" script): it sets up the git hooks configured under
// "simple-git-hooks" in package.json — the pre-commit `toasoan check --changed` — on a writer's
// machine. It never fails an install: in CI, without `.git` (an export, a shallow copy), in a git
// worktree (whose hooks are the main checkout's) or without dev dependencies, it says so and goes on.
import { spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const root = process.cwd()
const note = (text) => console.log(`toasoan: ${text}`)

function install() {
  if (process.env.CI || ['1', 'true'].includes(process.env.SKIP_INSTALL_SIMPLE_GIT_HOOKS ?? '')) return
  const git = join(root, '.git')
  if (!existsSync(git)) return note('no .git folder here, so no pre-commit hook was installed.')
  if (!statSync(git).isDirectory())
    return note("a git worktree shares the main checkout's hooks: run `npx simple-git-hooks` there to install the pre-commit hook.")
  let cli
  try {
    cli = createRequire(import.meta.url).resolve('simple-git-hooks/cli.js')
  } catch {
    return note('simple-git-hooks is not installed (dev dependencies left out?), so no pre-commit hook was installed.')
  }
  const result = spawnSync(process.execPath, [cli], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) note('the pre-commit hook could not be installed; commits are not checked.')
}

install()
