import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parse } from 'yaml'
import { root } from '../helpers/fixtures.ts'

interface Workflow {
  on: Record<string, unknown>
  permissions?: Record<string, string>
  jobs: Record<
    string,
    { permissions?: Record<string, string>; 'timeout-minutes'?: number; steps: Array<{ uses?: string; run?: string; with?: Record<string, unknown> }> }
  >
}

// The pull-request check (.github/workflows/check.yml): annotations on the diff, read-only.
const test = suite('check workflow')

test('should check the content of every pull request as GitHub annotations, reading the repository only', async () => {
  const workflow = parse(await readFile(join(root, '.github', 'workflows', 'check.yml'), 'utf8')) as Workflow
  assert.ok('pull_request' in workflow.on)
  assert.equal(workflow.permissions, {})
  const job = workflow.jobs['check']
  assert.ok(job)
  assert.equal(job.permissions, { contents: 'read' })
  assert.ok((job['timeout-minutes'] ?? 0) > 0)
  assert.ok(job.steps.some((step) => step.uses?.startsWith('actions/setup-node') && step.with?.['node-version'] === 22))
  assert.ok(job.steps.some((step) => step.run === 'npx toasoan check --content content --format github'))
})

test.run()
