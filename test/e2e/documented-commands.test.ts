import { spawn } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { commandNames } from '../../src/cli/cli.ts'
import { contentWith, removeDir, root, tempDir } from '../helpers/fixtures.ts'
import { runCli, runCliInProcess, runProcess } from '../helpers/run-cli.ts'
import { freePort } from '../helpers/free-port.ts'

// Every command the README tells a user to type, typed the way the README writes it: a command
// missing from the CLI's table (as `cms` once was) fails here, not in a newsroom.
const test = suite('documented commands')
const readme = await readFile(join(root, 'README.md'), 'utf8')
const scripts = (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts

/** `toasoan X` at the start of a row of the README's command table. */
const tableCommands = [...new Set([...readme.matchAll(/^\| `toasoan ([a-z][a-z-]*)/gm)].map((match) => match[1] as string))]
/** Every `npm run X`, `npm start` and `npm test` the README names. */
const npmScripts = [
  ...new Set([...[...readme.matchAll(/npm run ([a-z][a-z:-]*)/g)].map((match) => match[1] as string), ...(/npm start/.test(readme) ? ['start'] : [])]),
]

test('should find the command table and the npm scripts in the README', () => {
  assert.ok(tableCommands.length >= 8, `the README's command table lists the commands (found ${tableCommands.join(', ')})`)
  assert.ok(npmScripts.includes('cms') && npmScripts.includes('start'), 'the README names npm run cms and npm start')
})

test('should answer --help, exit 0, for every command of the README and of the CLI', async () => {
  const names = [...new Set([...tableCommands, ...commandNames.filter((name) => name !== 'help' && name !== 'version')])]
  // The first as the shell sees it; the others take the same path in this process (a child costs a second or two).
  for (const [index, name] of names.entries()) {
    assert.ok(commandNames.includes(name), `the README's command "${name}" is a command of the CLI`)
    const { code, stdout, stderr } = await (index === 0 ? runCli : runCliInProcess)([name, '--help'])
    assert.is(code, 0, `toasoan ${name} --help exits 0: ${stderr}`)
    assert.match(stdout, `toasoan ${name}`, `toasoan ${name} --help prints its usage`)
  }
})

test('should run every npm script the README names, to its usage', async () => {
  for (const name of npmScripts) assert.ok(scripts[name] !== undefined, `package.json has the script "${name}" the README names`)
  const named = npmScripts.filter((name) => name !== 'test')
  // A script that runs the command (`node scripts/toasoan.js X`) answers --help in this process,
  // by the command's own path: `npm run cms` below runs one such script through npm and the bin,
  // and a child costs a second or two. The project's tools are programs of their own: npm runs them,
  // side by side (`npm test` is the suite running this).
  const command = (name: string): string | undefined => /^node scripts\/toasoan\.js ([a-z][a-z-]*)$/.exec(scripts[name] ?? '')?.[1]
  const tools = named.filter((name) => command(name) === undefined)
  assert.ok(tools.length < named.length, 'some scripts run the command')
  const runs = await Promise.all(tools.map(async (name) => ({ name, ...(await runProcess('npm', ['run', '--silent', name, '--', '--help'])) })))
  for (const name of named.filter((name) => command(name) !== undefined)) {
    assert.ok(commandNames.includes(command(name) as string), `npm run ${name} runs a command of the CLI`)
    runs.push({ name, ...(await runCliInProcess([command(name) as string, '--help'])) })
  }
  for (const { name, code, stdout, stderr } of runs) {
    assert.is(code, 0, `npm run ${name} -- --help exits 0: ${stderr}`)
    assert.ok(stdout.trim().length > 0, `npm run ${name} -- --help prints its usage`)
  }
})

test('should start the web editor with npm run cms, as the README says', async () => {
  const work = await tempDir('npm-run-cms')
  const content = await contentWith(undefined)
  const [sitePort, editorPort] = [await freePort(), await freePort()]
  const siteYml = join(content, 'site.yml')
  await writeFile(siteYml, `${await readFile(siteYml, 'utf8')}cms:\n  localBackend: http://127.0.0.1:${editorPort}/api/v1\n`)
  const child = spawn('npm', ['run', 'cms', '--', '--content', content, '--out', join(work, 'dist'), '--port', String(sitePort)], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let printed = ''
  try {
    const ready = await new Promise<boolean>((done) => {
      const timer = setTimeout(() => done(false), 60_000)
      const read = (chunk: Buffer): void => {
        printed += chunk.toString()
        if (printed.includes('Web editor:')) {
          clearTimeout(timer)
          done(true)
        }
      }
      child.stdout.on('data', read)
      child.stderr.on('data', read)
      child.on('exit', () => done(false))
    })
    assert.ok(ready, `npm run cms prints where the web editor is:\n${printed}`)
    assert.not.match(printed, 'unknown command')
    // decap-server answers the editor's first request.
    const answer = await fetch(`http://127.0.0.1:${editorPort}/api/v1`, {
      method: 'POST',
      body: JSON.stringify({ action: 'info' }),
      headers: { 'content-type': 'application/json' },
    })
    assert.is(answer.status, 200, 'decap-server answers on the port of cms.localBackend')
  } finally {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM')
    await new Promise((done) => (child.exitCode === null ? child.on('exit', done) : done(undefined)))
    await removeDir(work)
    await removeDir(content)
  }
})

test.run()
