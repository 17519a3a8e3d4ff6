import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parse } from 'yaml'
import { root } from '../../helpers/fixtures.ts'

// The editorial workflow's pull requests come from cms/<collection>/<slug> branches into the
// publishing branch: the check workflow must run on them and annotate their lines.
const test = suite('pull request checks')

interface Workflow {
  on: { pull_request?: null | { branches?: string[]; 'branches-ignore'?: string[]; paths?: string[]; 'paths-ignore'?: string[]; types?: string[] } }
  jobs: Record<string, { if?: string; steps: Array<{ run?: string }> }>
}

/** Whether a GitHub Actions branch pattern matches a branch (`*` stops at "/", `**` does not). */
function matches(pattern: string, branch: string): boolean {
  const source = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*\*|\*/g, (star) => (star === '**' ? '.*' : '[^/]*'))
  return new RegExp(`^${source}$`).test(branch)
}

test('should run check --format github on pull requests from cms/… branches into main', async () => {
  const workflow = parse(await readFile(join(root, '.github', 'workflows', 'check.yml'), 'utf8')) as Workflow
  assert.ok('pull_request' in workflow.on)
  const filters = workflow.on.pull_request ?? {}
  // `branches` filters the base branch (main); nothing may filter the head branch or the paths away.
  assert.ok(filters.branches === undefined || filters.branches.some((pattern) => matches(pattern, 'main')), 'main is a base branch')
  assert.ok((filters['branches-ignore'] ?? []).every((pattern) => !matches(pattern, 'main')))
  assert.is(filters.paths, undefined)
  assert.is(filters['paths-ignore'], undefined)
  for (const type of ['opened', 'synchronize', 'reopened']) assert.ok(filters.types === undefined || filters.types.includes(type), type)
  const jobs = Object.values(workflow.jobs).filter((job) => job.steps.some((step) => /toasoan check .*--format github/.test(step.run ?? '')))
  assert.is(jobs.length, 1)
  assert.not.match(jobs[0]?.if ?? '', /head_ref|cms\//)
})

test('should read branch patterns as GitHub does', () => {
  assert.ok(matches('cms/**', 'cms/articles/2019/10/x'))
  assert.not.ok(matches('cms/*', 'cms/articles/2019/10/x'))
  assert.ok(matches('main', 'main'))
})

test.run()
