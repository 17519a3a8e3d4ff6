// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub Actions expressions are written ${{ … }} in plain strings
import { spawnSync } from 'node:child_process'
import { chmod, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parse } from 'yaml'
import { root, tempDir } from '../../helpers/fixtures.ts'

interface Step {
  id?: string
  if?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
  'continue-on-error'?: boolean
}
interface Job {
  needs?: string | string[]
  if?: string
  permissions?: Record<string, string>
  'timeout-minutes'?: number
  strategy?: { 'fail-fast'?: boolean; matrix: Record<string, unknown> }
  outputs?: Record<string, string>
  steps: Step[]
}
interface Workflow {
  on: { workflow_dispatch?: { inputs?: Record<string, { type: string; default: unknown }> } }
  permissions?: Record<string, string>
  concurrency?: { group: string; 'cancel-in-progress': boolean }
  jobs: Record<string, Job>
}

const test = suite('deploy/workflow')
let workflow: Workflow

test.before(async () => {
  workflow = parse(await readFile(join(root, '.github', 'workflows', 'site.yml'), 'utf8')) as Workflow
})

/** A job of the workflow, which must exist. */
function job(name: string): Job {
  const found = workflow.jobs[name]
  if (!found) throw new Error(`site.yml has no job ${name}`)
  return found
}

/** The one step of a job that matches, which must exist. */
function step(name: string, matches: (step: Step) => boolean): Step {
  const found = job(name).steps.filter(matches)
  assert.is(found.length, 1, `one matching step in ${name}`)
  return found[0]!
}

/** The results of the jobs a job needs, and whether the run was cancelled. */
interface Needs {
  results: Record<string, string>
  outputs?: Record<string, Record<string, string>>
  cancelled?: boolean
}

/**
 * Evaluates a job's `if` the way Actions does, for the few expressions this workflow's jobs use:
 * `needs.<job>.result` and `.outputs.<name>`, string literals, ==, !=, !, &&, || and cancelled().
 * Without a status function, Actions adds `success() &&`: every needed job succeeded.
 */
function runsWhen(expression: string, needs: Needs): boolean {
  const body = expression.replace(/^\$\{\{\s*|\s*\}\}$/g, '')
  const unknown = body.replace(/needs\.\w+\.(result|outputs\.\w+)|'[^']*'|==|!=|!|&&|\|\||\(|\)|cancelled\(\)|\s+/g, '')
  assert.is(unknown, '', `an expression this test can evaluate: ${body}`)
  const value = (path: string) => {
    const [, name = '', kind, output = ''] = path.split('.')
    return kind === 'result' ? (needs.results[name] ?? '') : (needs.outputs?.[name]?.[output] ?? '')
  }
  const js = body
    .replace(/needs\.\w+\.(result|outputs\.\w+)/g, (path) => JSON.stringify(value(path)))
    .replace(/cancelled\(\)/g, String(needs.cancelled ?? false))
    .replace(/==/g, '===')
    .replace(/!===/g, '!==')
  const result = Boolean(new Function(`return (${js})`)())
  const statusChecked = /cancelled\(\)|always\(\)|failure\(\)|success\(\)/.test(body)
  return statusChecked ? result : result && Object.values(needs.results).every((status) => status === 'success')
}

/** Runs a step's script with bash and the given environment, as a runner would; returns its outputs. */
async function runStep(script: string, env: Record<string, string>): Promise<{ status: number | null; outputs: Record<string, string>; printed: string }> {
  const dir = await tempDir('workflow-step')
  try {
    const outputFile = join(dir, 'output')
    await writeFile(outputFile, '')
    // No input, as on a runner: Debian's bash reads ~/.bashrc when its standard input is a socket
    // (it takes it for ssh's) and SHLVL is unset, and Node's pipes are sockets: that cost about a
    // second of CPU a step on a machine whose .bashrc sets up pyenv and cargo, and could change what the script sees.
    const run = spawnSync('bash', ['-e', '-c', script], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env['PATH'] ?? '', GITHUB_OUTPUT: outputFile, ...env },
      encoding: 'utf8',
    })
    const lines = (await readFile(outputFile, 'utf8')).split('\n').filter(Boolean)
    const outputs = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]))
    return { status: run.status, outputs, printed: run.stdout + run.stderr }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const dueCondition = "${{ !cancelled() && (needs.due.result == 'skipped' || needs.due.outputs.due == 'true') }}"
const codeKeyPrefix = 'toasoan-${{ runner.os }}-${{ steps.code.outputs.key }}-'

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

test('should plan a sharded build when no cache was saved by this code, or when a full build is asked for', async () => {
  assert.equal(workflow.on.workflow_dispatch?.inputs?.['full'], {
    description: 'Build the whole archive in shards, as when the cache is cold',
    type: 'boolean',
    default: false,
  })
  const plan = job('plan')
  assert.is(plan.needs, 'due')
  assert.is(plan.if, dueCondition, 'the scheduled runs still build only when an article is due')
  assert.match(step('plan', (s) => s.id === 'code').run ?? '', 'key=$(npx toasoan cache key --content content)')
  const lookup = step('plan', (s) => s.id === 'lookup')
  assert.ok(lookup.uses?.startsWith('actions/cache/restore@'))
  const prefix = "${{ env.DEPLOY_TARGET == 's3' && 'toasoan-state' || 'toasoan' }}-${{ runner.os }}-${{ steps.code.outputs.key }}-"
  assert.equal(lookup.with, { path: '.cache', key: `${prefix}none`, 'restore-keys': prefix, 'lookup-only': true }, 'looked up, not downloaded')
  const decide = step('plan', (s) => s.id === 'decide')
  assert.equal(decide.env, {
    FULL: "${{ github.event_name == 'workflow_dispatch' && inputs.full }}",
    MATCHED: '${{ steps.lookup.outputs.cache-matched-key }}',
    SHARDS: '${{ vars.SHARDS || 8 }}',
  })
  const script = decide.run ?? ''
  const cold = await runStep(script, { FULL: 'false', MATCHED: '', SHARDS: '8' })
  const { now, ...plan8 } = cold.outputs
  assert.equal(plan8, { sharded: 'true', count: '8', shards: '[1,2,3,4,5,6,7,8]' }, cold.printed)
  assert.ok(Math.abs(Date.parse(now ?? '') - Date.now()) < 60_000, `now is the time the plan ran: ${now}`)
  const warm = await runStep(script, { FULL: 'false', MATCHED: 'toasoan-Linux-0123456789abcdef-fedcba', SHARDS: '8' })
  assert.is(warm.outputs['sharded'], 'false', warm.printed)
  const full = await runStep(script, { FULL: 'true', MATCHED: 'toasoan-Linux-0123456789abcdef-fedcba', SHARDS: '3' })
  assert.equal({ ...full.outputs, now: '' }, { sharded: 'true', count: '3', shards: '[1,2,3]', now: '' }, full.printed)
  for (const shards of ['0', 'eight', '257', '-1']) {
    const wrong = await runStep(script, { FULL: 'false', MATCHED: '', SHARDS: shards })
    assert.is(wrong.status, 1, shards)
    assert.match(wrong.printed, `::error::The repository variable SHARDS is '${shards}'`)
  }
  assert.equal(plan.outputs, {
    sharded: '${{ steps.decide.outputs.sharded }}',
    count: '${{ steps.decide.outputs.count }}',
    shards: '${{ steps.decide.outputs.shards }}',
    now: '${{ steps.decide.outputs.now }}',
  })
})

test('should run one shard job per shard of the plan, only when it says so, each stopping the others when it fails', () => {
  const shard = job('shard')
  assert.is(shard.needs, 'plan')
  assert.equal(shard.strategy, { 'fail-fast': true, matrix: { shard: '${{ fromJSON(needs.plan.outputs.shards) }}' } })
  const planned = (sharded: string) => ({ results: { plan: 'success' }, outputs: { plan: { sharded } } })
  assert.ok(runsWhen(shard.if ?? '', planned('true')))
  assert.not.ok(runsWhen(shard.if ?? '', planned('false')), 'a warm cache skips the shards')
  assert.not.ok(runsWhen(shard.if ?? '', { results: { plan: 'skipped' } }))
  const build = step('shard', (s) => s.run?.includes('npx toasoan build') === true)
  assert.is(build.run, 'npx toasoan build --shard "$SHARD" --content content --now "$NOW"')
  assert.equal(build.env, { SHARD: '${{ matrix.shard }}/${{ needs.plan.outputs.count }}', NOW: '${{ needs.plan.outputs.now }}' })
})

test('should build and deploy after every shard succeeded or none ran, and never after a failed shard', () => {
  const build = job('build')
  assert.equal(build.needs, ['plan', 'shard'])
  const when = (plan: string, shard: string, cancelled = false) => runsWhen(build.if ?? '', { results: { plan, shard }, cancelled })
  assert.ok(when('success', 'success'), 'after the shards')
  assert.ok(when('success', 'skipped'), 'warm: no shard ran')
  for (const shard of ['failure', 'cancelled']) assert.not.ok(when('success', shard), `not after a shard ended in ${shard}`)
  assert.not.ok(when('skipped', 'skipped'), 'nothing due')
  assert.not.ok(when('failure', 'skipped'))
  assert.not.ok(when('success', 'success', true), 'not in a cancelled run')
  const deploy = job('deploy')
  assert.is(deploy.needs, 'build')
  assert.not.ok(runsWhen(deploy.if ?? '', { results: { build: 'skipped' } }), 'a build skipped after a failed shard deploys nothing')
  const built = (target: string) => ({ results: { build: 'success' }, outputs: { build: { target } } })
  assert.ok(runsWhen(deploy.if ?? '', built('pages')))
  for (const target of ['s3', 'cloudflare', 'netlify']) assert.not.ok(runsWhen(deploy.if ?? '', built(target)), `${target} deploys from the build job`)
})

test("should hand each shard's cache over as an artifact, merged into .cache by copying before the build, a missing one only slowing it", () => {
  assert.is(step('shard', (s) => s.run?.includes('shard-cache.sh') === true).run, 'bash scripts/shard-cache.sh pack shard.tar.zst')
  const upload = step('shard', (s) => s.uses?.startsWith('actions/upload-artifact@') === true)
  assert.equal(upload.with, {
    name: 'toasoan-shard-${{ matrix.shard }}',
    path: 'shard.tar.zst',
    'if-no-files-found': 'error',
    'compression-level': 0,
    'retention-days': 1,
  })
  const steps = job('build').steps
  const download = steps.findIndex((s) => s.uses?.startsWith('actions/download-artifact@'))
  assert.ok(download >= 0)
  assert.equal(steps[download]?.with, { pattern: 'toasoan-shard-*', path: 'shards' }, 'each artifact in shards/toasoan-shard-I/, where the merge looks')
  assert.is(steps[download]?.['continue-on-error'], true, 'a failed download is a slower build, not a failed one')
  const merge = steps.findIndex((s) => s.run?.includes('shard-cache.sh') === true)
  assert.is(steps[merge]?.run, 'bash scripts/shard-cache.sh merge shards "$SHARD_COUNT"')
  assert.equal(steps[merge]?.env, { SHARD_COUNT: '${{ needs.plan.outputs.count }}' })
  for (const index of [download, merge]) assert.is(steps[index]?.if, "needs.shard.result == 'success'")
  const restore = steps.findIndex((s) => s.id === 'restore')
  const buildStep = steps.findIndex((s) => s.run === 'npx toasoan build --content content --out dist --now "$NOW"')
  assert.equal(steps[buildStep]?.env, { NOW: '${{ needs.plan.outputs.now }}' }, "the shards' now: the same site planned")
  assert.ok(restore < download && download < merge && merge < buildStep, 'restored, then the shards copied over it, then built')
})

test("should name the code by toasoan's cache key, and stop when the command prints anything else", async () => {
  const script = step('plan', (s) => s.id === 'code').run ?? ''
  const bin = await tempDir('fake-npx')
  try {
    // npx as the runner has it, standing for the real command, which test/cache-command.test.ts covers.
    await writeFile(join(bin, 'npx'), '#!/bin/sh\n[ "$*" = "toasoan cache key --content content" ] || exit 3\necho "$PRINTED"\n')
    await chmod(join(bin, 'npx'), 0o755)
    const path = `${bin}:${dirname(process.execPath)}:${process.env['PATH'] ?? ''}`
    const named = await runStep(script, { PATH: path, PRINTED: '0123456789abcdef' })
    assert.equal(named.outputs, { key: '0123456789abcdef' }, named.printed)
    const wrong = await runStep(script, { PATH: path, PRINTED: 'warning: a registry is missing' })
    assert.is(wrong.status, 1)
    assert.match(wrong.printed, "::error::toasoan cache key printed 'warning: a registry is missing', not a key")
  } finally {
    await rm(bin, { recursive: true, force: true })
  }
})

test('should save the build cache under a key that starts with the code key the plan looks up', () => {
  assert.is(step('build', (s) => s.id === 'code').run, step('plan', (s) => s.id === 'code').run, 'one way to compute the code key')
  const restore = step('build', (s) => s.id === 'restore')
  assert.is(restore.with?.['key'], `${codeKeyPrefix}none`)
  assert.is(restore.if, "env.DEPLOY_TARGET != 's3'", 'the whole cache for the targets that upload a whole folder')
  assert.is(restore.with?.['restore-keys'], `${codeKeyPrefix}\ntoasoan-\${{ runner.os }}-\n`, "this code's cache first, else the newest")
  const save = step('build', (s) => s.uses?.startsWith('actions/cache/save@') === true && s.with?.['path'] === '.cache')
  assert.is(save.with?.['key'], `${codeKeyPrefix}\${{ steps.state.outputs.key }}`)
  assert.is(
    save.if,
    "env.DEPLOY_TARGET != 's3' && steps.restore.outputs.cache-matched-key != format('toasoan-{0}-{1}-{2}', runner.os, steps.code.outputs.key, steps.state.outputs.key)"
  )
  const prune = step('build', (s) => s.run?.includes('gh cache delete') === true).run ?? ''
  assert.match(prune, 'prefixes=("toasoan-${{ runner.os }}-" "toasoan-state-${{ runner.os }}-" toasoan-schedule-)')
})

test('should deploy to S3 from the build job, building only what the bucket lacks, with the credentials in two steps alone and no artifact of the site', () => {
  const steps = job('build').steps
  const build = step('build', (s) => s.run?.includes('--deployed') === true)
  assert.is(build.if, "env.DEPLOY_TARGET == 's3'")
  assert.is(build.run, 'npx toasoan build --content content --out dist --now "$NOW" --deployed "$S3_URL" ${S3_ENDPOINT:+--endpoint "$S3_ENDPOINT"}')
  const deploy = step('build', (s) => s.run?.startsWith('npx toasoan deploy --to "$S3_URL"') === true)
  assert.is(deploy.if, "env.DEPLOY_TARGET == 's3'")
  const withKeys = steps.filter((s) => Object.values(s.env ?? {}).includes('${{ secrets.AWS_SECRET_ACCESS_KEY }}'))
  assert.equal(withKeys, [build, deploy], "the bucket's key is in the build's and the deploy's environment only")
  assert.ok(steps.indexOf(build) < steps.indexOf(deploy))
  const uploads = Object.values(workflow.jobs).flatMap((job) => job.steps.filter((s) => s.uses?.startsWith('actions/upload-artifact@')))
  assert.equal(
    uploads.map((s) => s.with?.['path']),
    ['shard.tar.zst'],
    "only the shards' caches travel as artifacts"
  )
  const saves = steps.filter((s) => s.uses?.startsWith('actions/cache/save@'))
  const deployIndex = steps.indexOf(deploy)
  assert.ok(
    saves.every((s) => steps.indexOf(s) > deployIndex),
    'caches are saved once the site is live'
  )
})

test("should restore and save for S3 only the state a push changes and each year's bodies, saved when that year changed", () => {
  const state = step('build', (s) => s.id === 'restore-state')
  const paths = String(state.with?.['path']).trim().split('\n')
  assert.not.ok(
    paths.some((path) => /^\.cache\/?$|pages|markdown|images|search\/|bodies/.test(path)),
    `no pages, bodies, images or search bundles: ${paths.join(', ')}`
  )
  const saveState = step('build', (s) => s.uses?.startsWith('actions/cache/save@') === true && String(s.with?.['key']).startsWith('toasoan-state-'))
  assert.equal(saveState.with?.['path'], state.with?.['path'], 'saved as restored')
  for (const id of ['restore-bodies-year', 'restore-bodies-last']) {
    const restore = step('build', (s) => s.id === id)
    const save = step('build', (s) => s.uses?.startsWith('actions/cache/save@') === true && s.with?.['key'] === restore.with?.['key'])
    assert.is(save.if, `env.DEPLOY_TARGET == 's3' && steps.${id}.outputs.cache-hit != 'true'`, 'saved only under a new name: when that year changed')
    assert.match(String(restore.with?.['key']), /steps\.years\.outputs\.(year|last)-tree/)
  }
})

test.run()
