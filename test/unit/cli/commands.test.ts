import { relative } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { commandHelp, commandNames } from '../../../src/cli/cli.ts'
import { checkPort } from '../../../src/cli/cli-options.ts'
import { defineCommand, optionError, parseCommandArgs } from '../../../src/cli/command.ts'
import { commands } from '../../../src/cli/commands/index.ts'
import { fixtureSite, root } from '../../helpers/fixtures.ts'
import { runCliInProcess } from '../../helpers/run-cli.ts'

// One table of commands, one exit-code convention: 0 done, 1 content or tool problems, 2 usage.
// Every command of the table is run here with a bad option value and an unknown option, in this
// process: each must exit 2, name the option and print a hint, and touch nothing.
const test = suite('cli commands')
const site = relative(root, fixtureSite)

/** For each command, arguments with one bad option value, and the option the message must name. */
const badValues: Record<string, [args: string[], option: string]> = {
  build: [['--content', site, '--out', '.cache/never-built', '--now', 'yesterday'], '--now'],
  cache: [['key', '--content', site, '--format', 'json'], '--format'],
  check: [['--content', site, '--format', 'json'], '--format'],
  schema: [['--content', site, '--out'], '--out'],
  serve: [['--content', site, '--port', 'eighty'], '--port'],
  cms: [['--content', site, '--port', '70000'], '--port'],
  new: [['Tin', '--content', site, '--locality', 'hoang-hoa', '--author', 'to-phuong', '--now', 'yesterday'], '--now'],
  deploy: [['--to', 's3://bucket', '--concurrency', '0'], '--concurrency'],
  import: [['wordpress', 'export.xml', '--content', site, '--locality', 'nowhere'], '--locality'],
  'most-read': [['--from', 'logs', '--window', 'forever'], '--window'],
  weather: [['--endpoint', 'api.open-meteo.com'], '--endpoint'],
}

test('should have a bad-option case for every command of the table', () => {
  assert.equal(Object.keys(badValues).sort(), commands.map((command) => command.name).sort())
})

for (const command of commands) {
  test(`should exit 2 from ${command.name} on a bad option value or an unknown option, naming it`, async () => {
    const [args, option] = badValues[command.name] ?? [[], '']
    for (const [argv, named] of [
      [[command.name, ...args], option],
      [[command.name, '--bogus'], '--bogus'],
    ] as const) {
      const result = await runCliInProcess(argv)
      assert.is(result.code, 2, `${argv.join(' ')}: ${result.stderr}`)
      assert.ok(result.stderr.startsWith('toasoan: '), result.stderr)
      assert.match(result.stderr, named, `${argv.join(' ')} names ${named}`)
      assert.match(result.stderr, '\n  hint: ')
      assert.not.match(result.stderr, /\n\s+at /, 'no stack trace')
    }
  })
}

test("should list every command of the table in --help, with its summary, and answer each one's --help", async () => {
  const help = await runCliInProcess(['--help'])
  assert.is(help.code, 0)
  for (const command of commands) {
    assert.ok(help.stdout.includes(commandHelp(command)), `--help shows ${command.name}`)
    const own = await runCliInProcess([command.name, '--help'])
    assert.is(own.code, 0)
    assert.is(own.stdout, `Usage: toasoan ${command.name} [options]\n\n${commandHelp(command)}\n`)
  }
  assert.equal(commandNames, [...commands.map((command) => command.name), 'help', 'version'])
})

test('should take a port from 0 (any free one) to 65535, and nothing else', () => {
  assert.equal(['0', '8080', '65535'].map(checkPort), [0, 8080, 65535])
  for (const value of ['', '-1', '1.5', '0x50', '65536', 'eighty']) assert.throws(() => checkPort(value), /is not a port/, value)
})

test('should suggest the command meant, from the table', async () => {
  const result = await runCliInProcess(['weathr'])
  assert.is(result.code, 2)
  assert.match(result.stderr, 'Did you mean "weather"?')
  assert.is((await runCliInProcess([])).code, 2, 'no command: the usage, exit 2')
})

test('should name the option in every kind of parse error, with the option meant for a misspelt one', () => {
  const spec = {
    name: 'demo',
    summary: 's',
    usage: '',
    options: { out: { type: 'string' }, drafts: { type: 'boolean' } },
    run: async () => 0 as const,
  } as const
  const cases: Array<[string[], string, string]> = [
    [['--ouy', 'x'], 'unknown option --ouy.', 'Did you mean --out? Run toasoan demo --help for its options.'],
    [['--out'], '--out needs a value.', 'Run toasoan demo --help for its options.'],
    [['--drafts=yes'], '--drafts takes no value.', 'Run toasoan demo --help for its options.'],
    [['stray'], 'demo: unexpected argument "stray".', 'demo takes options only. Run toasoan demo --help for its options.'],
  ]
  for (const [argv, message, hint] of cases) {
    try {
      parseCommandArgs(spec, argv)
      assert.unreachable(argv.join(' '))
    } catch (error) {
      assert.instance(error, Error)
      assert.is((error as Error).message, message)
      assert.is((error as { hint?: string }).hint, hint)
    }
  }
  assert.is(optionError(new Error('something else\nmore'), 'demo', []).message, 'something else')
  assert.equal(parseCommandArgs({ ...spec, positionals: true }, ['a', '--out', 'b']).positionals, ['a'])
})

test('should give a command of the table its name, form and option names, and run it with parsed options', async () => {
  let seen: unknown
  const command = defineCommand({
    name: 'demo',
    invocation: 'demo now',
    summary: 'A demo',
    usage: '            --out DIR',
    options: { out: { type: 'string', default: 'dist' } },
    run: async ({ values }) => {
      seen = values.out
      return 0
    },
  })
  assert.is(command.invocation, 'demo now')
  assert.equal(command.optionNames, ['out'])
  assert.is(await command.run([]), 0)
  assert.is(seen, 'dist')
})

test.run()
