#!/usr/bin/env node
/**
 * `npm test`: Biome (lint and format), the type check and the uvu suites, side by side. Most suites wait on child processes
 * (the CLI, Chromium, s3rver, workerd) or on the disk: a shard's main thread was idle for two
 * thirds of its time in the publish and deploy suites, so three shards keep two cores busier than
 * two (141–164 s against 173–183 s for the whole run on 2 cores, 2026-12-07; four: 163–165 s).
 *
 * `node scripts/run-tests.js [PATTERN]`: only the test files whose path (under `test/`) matches
 * PATTERN, without Biome and the type check. `TEST_SHARDS=N` sets the number of uvu processes (default 3).
 * The shards share one build of the fixture site (`TOASOAN_TEST_FIXTURE_BUILD`, see test/helpers/built-fixture.ts).
 *
 * `node scripts/run-tests.js --times [PATTERN]`: runs the suites as `npm test` does and writes the
 * seconds each took in its shard into `test/suite-seconds.json` (the other entries kept, those of
 * suites that no longer exist dropped), so the shards stay balanced after suites move or change.
 * A suite is timed beside the others, as it runs in `npm test`, not alone: alone, each paid its
 * process's start (tsx, the stages' modules) and had both cores, and shards partitioned by those
 * times finished 30 s apart. It then lists the suites that used the most CPU (Linux): on two cores
 * that, not their wall time, is what `npm test` waits for.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const testDir = join(root, 'test')
const timing = process.argv[2] === '--times'
const patternArg = process.argv[timing ? 3 : 2]
const pattern = patternArg ? new RegExp(patternArg) : undefined
const shards = Math.max(1, Number(process.env['TEST_SHARDS'] ?? 3))

/** Every suite under test/, fixtures aside, as a path relative to test/ with forward slashes. */
function allSuites() {
  const found = []
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory() && path !== join(testDir, 'fixtures')) walk(path)
      else if (entry.isFile() && /\.test\.tsx?$/.test(entry.name)) found.push(relative(testDir, path).split(sep).join('/'))
    }
  }
  walk(testDir)
  return found.sort()
}

/**
 * Splits the suites into shards of about equal time, from `test/suite-seconds.json` (each suite's
 * seconds in its shard, see `--times`; a suite it does not list counts 2 s). A stale table only
 * unbalances the shards.
 */
const secondsFile = join(testDir, 'suite-seconds.json')
const readSeconds = () => JSON.parse(readFileSync(secondsFile, 'utf8'))

function partition(files, count) {
  const seconds = readSeconds()
  const groups = Array.from({ length: count }, () => ({ weight: 0, files: [] }))
  // Suites that share something go to one process together: the browser suites share its one
  // Chromium (shareChromium, see test/helpers/browser.ts: each process that starts one spends about
  // 2 s of CPU on it), and the suites that start Cloudflare's runtime (wrangler and workerd) never
  // run side by side (test/helpers/wrangler.ts: workerd has failed to start under load, "The Workers runtime failed to start").
  const sharing = [(text) => text.includes('shareChromium(test)'), (text) => text.includes("/helpers/wrangler.ts'")]
  const texts = new Map(files.map((file) => [file, readFileSync(join(testDir, file), 'utf8')]))
  const together = sharing.map((shares) => files.filter((file) => shares(texts.get(file))))
  const alone = files.filter((file) => !together.some((set) => set.includes(file)))
  const weigh = (list) => list.reduce((sum, file) => sum + (seconds[file] ?? 2), 0)
  const items = [
    ...together.filter((set) => set.length > 0).map((set) => ({ files: set, weight: weigh(set) })),
    ...alone.map((file) => ({ files: [file], weight: weigh([file]) })),
  ].sort((a, b) => b.weight - a.weight || (a.files[0] < b.files[0] ? -1 : 1))
  for (const item of items) {
    const lightest = groups.reduce((best, group) => (group.weight < best.weight ? group : best))
    lightest.weight += item.weight
    lightest.files.push(...item.files)
  }
  return groups.filter((group) => group.files.length > 0).map((group) => group.files.sort())
}

/** Runs a command, its output kept and printed whole when it ends, so shards do not interleave; resolves whether it passed. */
const run = (label, command, args, env) => runTimed(label, command, args, env).then((result) => result.passed)

/**
 * {@link run}, resolving whether it passed, how many seconds it took and, for uvu, the seconds of
 * each of its test files: uvu prints a file's name as it starts running its tests, so a file runs
 * from its name to the next one (or to the totals after the last).
 */
function runTimed(label, command, args, env = {}) {
  return new Promise((resolve) => {
    const started = Date.now()
    const child = spawn(command, args, { cwd: root, env: { ...process.env, FORCE_COLOR: process.env['FORCE_COLOR'] ?? '0', ...env } })
    const output = []
    const marks = []
    let partial = ''
    child.stdout.on('data', (chunk) => {
      output.push(chunk)
      const lines = (partial + chunk.toString()).split('\n')
      partial = lines.pop() ?? ''
      for (const line of lines) {
        const text = line.replace(ansi, '').trim()
        if (/\.test\.tsx?$/.test(text) || text.startsWith('Total:')) marks.push({ name: text, at: Date.now(), cpu: cpuSeconds(child.pid) })
      }
    })
    child.stderr.on('data', (chunk) => output.push(chunk))
    child.on('close', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      const text = Buffer.concat(output).toString()
      const notRun = testsNotRun(text)
      const verdict = code !== 0 ? `failed (${signal ?? `exit ${code}`})` : notRun.length > 0 ? 'failed (tests that never ran)' : 'passed'
      process.stdout.write(`\n── ${label} (${seconds} s): ${verdict}\n`)
      process.stdout.write(text)
      for (const line of notRun) process.stdout.write(`\nNOT RUN: ${line}: a hook (before, after) threw, which uvu neither reports nor fails on\n`)
      const files = {}
      const cpu = {}
      marks.forEach((mark, index) => {
        if (mark.name.startsWith('Total:')) return
        const end = marks[index + 1]?.at ?? Date.now()
        files[mark.name] = Math.round((end - mark.at) / 100) / 10
        const next = marks[index + 1]?.cpu
        if (mark.cpu !== undefined && next !== undefined) cpu[mark.name] = next - mark.cpu
      })
      resolve({ passed: verdict === 'passed', seconds: Number(seconds), files, cpu })
    })
  })
}

/**
 * The CPU seconds a process has used, its threads and the children it has waited for included
 * (`/proc/<pid>/stat`: utime, stime, cutime, cstime in clock ticks of 1/100 s), or `undefined` off
 * Linux. A child is counted when it ends: Chromium, shared by a process's browser suites, counts
 * in the suite running when it closes.
 */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100
  } catch {
    return undefined
  }
}

const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g')

/**
 * The suites of uvu's output with tests that neither passed nor were skipped, as `name (passed / total)`.
 * A suite whose `before` hook throws prints `(0 / N)` with no failure and uvu exits 0: without this
 * check it would pass without running a test.
 */
function testsNotRun(text) {
  const found = []
  for (const line of text.replace(ansi, '').split('\n')) {
    const match = /^\s*(\S.*?)\s+[•✘\s]*\((\d+) \/ (\d+)\)\s*$/.exec(line)
    if (match && Number(match[2]) < Number(match[3]) && !line.includes('✘')) found.push(`${match[1]} (${match[2]} / ${match[3]})`)
  }
  return found
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const uvu = (files) => [
  '--import',
  './scripts/local-tmp.js',
  '--import',
  'tsx',
  'node_modules/uvu/bin.js',
  'test',
  `^(?:${files.map(escapeRegExp).join('|')})$`,
]
const files = allSuites().filter((path) => !pattern || pattern.test(path))
if (files.length === 0) {
  console.error(`No test file matches ${pattern}`)
  process.exit(1)
}
// One build of the fixture site for every shard (test/helpers/built-fixture.ts): the first shard to
// need it builds it here, the others wait for it instead of making their own.
mkdirSync(join(root, '.cache', 'test-tmp'), { recursive: true })
const fixtureBuild = mkdtempSync(join(root, '.cache', 'test-tmp', 'shared-fixture-'))
process.on('exit', () => rmSync(fixtureBuild, { recursive: true, force: true }))
const shardRuns = partition(files, Math.min(shards, files.length)).map((group, index, all) =>
  runTimed(`tests ${index + 1}/${all.length}: ${group.length} files`, process.execPath, uvu(group), { TOASOAN_TEST_FIXTURE_BUILD: fixtureBuild })
)
if (timing) {
  const results = await Promise.all(shardRuns)
  const existing = new Set(allSuites())
  const measured = Object.assign({}, ...results.map((result) => result.files))
  const entries = Object.entries({ ...readSeconds(), ...measured }).filter(([name]) => existing.has(name))
  writeFileSync(secondsFile, `${JSON.stringify(Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1))), null, 2)}\n`)
  process.stdout.write(`\n${Object.keys(measured).length} suites timed into ${relative(root, secondsFile)}\n`)
  // What to make cheaper: wall time in a shard is shared with the other shards, CPU is the suite's own.
  const cpu = Object.entries(Object.assign({}, ...results.map((result) => result.cpu))).sort(([, a], [, b]) => b - a)
  if (cpu.length > 0) {
    const total = cpu.reduce((sum, [, seconds]) => sum + seconds, 0)
    process.stdout.write(`CPU seconds of the suites, their child processes included: ${total.toFixed(0)} in all; the heaviest:\n`)
    for (const [name, seconds] of cpu.slice(0, 15)) process.stdout.write(`${seconds.toFixed(1).padStart(7)}  ${name}\n`)
  }
  process.exit(results.every((result) => result.passed) ? 0 : 1)
}
const jobs = shardRuns.map((result) => result.then((done) => done.passed))
if (!pattern) {
  // Incremental: after the first run tsc checks only what changed since (its state in .cache/tsc).
  jobs.unshift(
    run('type check', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '--incremental', '--tsBuildInfoFile', '.cache/tsc/tsbuildinfo'])
  )
  // Biome checks formatting and lint rules in well under a second (biome.jsonc).
  jobs.unshift(run('lint and format', process.execPath, ['node_modules/@biomejs/biome/bin/biome', 'check', '.']))
}
const results = await Promise.all(jobs)
process.exit(results.every(Boolean) ? 0 : 1)
