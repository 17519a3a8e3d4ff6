import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parse } from 'yaml'
import { root } from '../helpers/fixtures.ts'

interface Step {
  uses?: string
  run?: string
  with?: Record<string, unknown>
}
interface Job {
  permissions?: Record<string, string>
  'timeout-minutes'?: number
  steps: Step[]
}
interface Workflow {
  permissions?: Record<string, string>
  concurrency?: { group: string; 'cancel-in-progress': boolean }
  jobs: Record<string, Job>
}

const test = suite('deploy/workflow')
let workflow: Workflow

test.before(async () => {
  workflow = parse(await readFile(join(root, '.github', 'workflows', 'site.yml'), 'utf8')) as Workflow
})

test('should give each job only its permissions, and Pages and OIDC to the deploy job alone', () => {
  assert.equal(workflow.permissions, {})
  for (const [name, job] of Object.entries(workflow.jobs)) {
    assert.ok(job.permissions !== undefined, `${name} states its permissions`)
    const writesPages = job.permissions?.['pages'] === 'write' || job.permissions?.['id-token'] === 'write'
    assert.is(writesPages, name === 'deploy', name)
  }
})

test('should bound every job in time, never interleave deploys, and run Node 22', () => {
  for (const [name, job] of Object.entries(workflow.jobs)) assert.ok((job['timeout-minutes'] ?? 0) > 0, `${name} has timeout-minutes`)
  assert.equal(workflow.concurrency, { group: 'site-deploy', 'cancel-in-progress': false })
  const nodes = Object.values(workflow.jobs).flatMap((job) =>
    job.steps.filter((step) => step.uses?.startsWith('actions/setup-node')).map((step) => step.with?.['node-version'])
  )
  assert.ok(nodes.length > 0 && nodes.every((version) => version === 22), 'Node 22')
})

test('should save the cache explicitly, under the build digest, never per run', () => {
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps)
  assert.not.ok(
    steps.some((step) => step.uses?.startsWith('actions/cache@')),
    'restore and save are separate steps'
  )
  const saves = steps.filter((step) => step.uses?.startsWith('actions/cache/save'))
  assert.ok(saves.length > 0)
  for (const save of saves) assert.not.match(String(save.with?.['key']), /run_id|run_number/)
  assert.ok(
    steps.some((step) => step.run?.includes('gh cache delete')),
    'older entries are pruned'
  )
})

test.run()
