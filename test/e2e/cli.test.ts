import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { builtFixture } from '../helpers/built-fixture.ts'
import { contentWith, exists, fixtures, fixtureSite, removeDir, root, tempDir } from '../helpers/fixtures.ts'
import { runCli, runCliInProcess } from '../helpers/run-cli.ts'
import { hashTree } from '../helpers/tree.ts'

// A child process costs seconds (Node, tsx, the stages loaded again): the tests that need a real
// process — the exit code the shell sees, the environment's TZ and locale, the working folder —
// run `toasoan` with runCli; the others run the same command in this process (runCliInProcess).
const test = suite('cli')
const now = ['--now', '2026-11-26T08:00:00+07:00']

test('should exit 0 from check on valid content', async () => {
  // In this process: the next test sees the exit code as the shell does.
  const result = await runCliInProcess(['check', '--content', relative(root, fixtureSite)])
  assert.is(result.code, 0, result.stderr)
  assert.match(result.stdout, '0 errors, 0 warnings')
})

test('should print every problem like a compiler and exit 1 from check', async () => {
  const dir = await contentWith(join(fixtures, 'errors', 'unknown-locality'))
  try {
    const result = await runCli(['check', '--content', relative(root, dir)])
    assert.is(result.code, 1)
    const path = relative(root, join(dir, 'articles/2019/10/bai-viet.md'))
    assert.match(result.stderr, `${path}:4:11 error Unknown locality "tp-thanh-hao". Did you mean "tp-thanh-hoa"? [unknown-locality]`)
    assert.match(result.stderr, '  hint: Use an id from localities.yml, or add the locality there first.')
  } finally {
    await removeDir(dir)
  }
})

test('should build from a folder outside the repository, whatever tsconfig.json that folder holds', async () => {
  // tsx looks for a tsconfig from the working folder up: outside the repository it would find none,
  // or this one, and the templates' JSX would not compile ("React is not defined").
  const base = [tmpdir(), '/tmp'].find((dir) => relative(root, dir).startsWith('..'))
  if (!base) throw new Error('no temporary folder outside the repository')
  const cwd = await mkdtemp(join(base, 'toasoan-cwd-'))
  try {
    await writeFile(join(cwd, 'tsconfig.json'), '{ "compilerOptions": { "jsx": "react" } }\n')
    // In Việt Nam's time zone and locale: the bytes of the fixture built in this process.
    const result = await runCli(['build', '--content', fixtureSite, '--out', 'dist', ...now], { TZ: 'Asia/Ho_Chi_Minh', LANG: 'vi_VN.UTF-8' }, cwd)
    assert.is(result.code, 0, result.stderr)
    assert.ok(await exists(join(cwd, 'dist', 'index.html')), 'the output, in the working folder')
    assert.ok(await exists(join(cwd, '.cache')), 'the caches, in the working folder')
    assert.equal(await hashTree(join(cwd, 'dist')), await hashTree(await builtFixture()))
  } finally {
    await removeDir(cwd)
  }
})

test('should exit 0 from check when there are only warnings', async () => {
  const dir = await contentWith(join(fixtures, 'errors', 'unknown-key'))
  try {
    const result = await runCliInProcess(['check', '--content', relative(root, dir)])
    assert.is(result.code, 0)
    assert.match(result.stdout, '0 errors, 2 warnings')
  } finally {
    await removeDir(dir)
  }
})

test('should produce byte-identical output whatever TZ and locale', async () => {
  // The build above ran in Asia/Ho_Chi_Minh with vi_VN; this one west of UTC, with daylight saving
  // and an English locale; the reference, in this process's own. Each from an empty cache, so
  // that no page rendered under another zone is reused.
  const dir = await tempDir('tz')
  try {
    const out = join(dir, 'dist')
    const env = { TZ: 'America/Los_Angeles', LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' }
    const result = await runCli(
      ['build', '--content', relative(root, fixtureSite), '--out', relative(root, out), '--cache', relative(root, join(dir, 'cache')), ...now],
      env
    )
    assert.is(result.code, 0, result.stderr)
    const reference = await hashTree(await builtFixture())
    assert.ok(Object.keys(reference).length > 5)
    assert.equal(await hashTree(out), reference)
  } finally {
    await removeDir(dir)
  }
})

test('should leave the previous output untouched when a build fails', async () => {
  const dir = await tempDir('atomic')
  const content = await contentWith(undefined, { keepSiteArticles: true })
  try {
    // A whole output (the process's one build of the fixture, copied): the failing build below must
    // leave it byte for byte as it found it, whichever build wrote it.
    const out = join(dir, 'dist')
    await cp(await builtFixture(), out, { recursive: true })
    const before = await hashTree(out)
    await cp(join(fixtures, 'errors', 'missing-title', 'articles'), join(content, 'articles'), { recursive: true })
    await cp(join(fixtures, 'errors', 'unknown-author', 'articles', '2019', '10', 'bai-viet.md'), join(content, 'articles', '2019', '10', 'bai-khac.md'))
    const bad = await runCliInProcess(['build', '--content', relative(root, content), '--out', relative(root, out), ...now])
    assert.is(bad.code, 1)
    assert.match(bad.stderr, 'Missing required field "title". [missing-field]')
    assert.match(bad.stderr, 'Unknown author "minh-dc". Did you mean "minh-duc"? [unknown-author]')
    assert.match(bad.stderr, `Build failed: ${relative(root, out)} was left as it was.`)
    assert.equal(await hashTree(out), before)
  } finally {
    await removeDir(dir)
    await removeDir(content)
  }
})

test('should write a new article that passes check, and never overwrite one', async () => {
  const content = await contentWith(undefined)
  try {
    const args = ['new', 'Đường về Đông Sơn mùa lúa chín', '--locality', 'hoang-hoa', '--author', 'to-phuong', '--content', relative(root, content), ...now]
    const first = await runCliInProcess(args)
    assert.is(first.code, 0, first.stderr)
    const path = join(content, 'articles/2026/11/duong-ve-dong-son-mua-lua-chin.md')
    assert.match(first.stdout, `Created ${relative(root, path)}`)
    const text = await readFile(path, 'utf8')
    assert.match(text, /^---\ntitle: "Đường về Đông Sơn mùa lúa chín"\ndate: 2026-11-26 08:00\nauthors:\n {2}- "to-phuong"\nlocality: "hoang-hoa"\n/)
    assert.match(text, /\ndraft: true\n---\n/, 'a draft until the writer says otherwise')
    const check = await runCliInProcess(['check', '--content', relative(root, content)])
    assert.is(check.code, 0, check.stdout + check.stderr)
    const newPath = relative(root, path)
    assert.match(check.stdout, `${newPath}:8:10 warning Placeholder text "[Sapo: hai, ba câu tóm tắt bài viết.]" is still in the article. [placeholder-text]`)
    assert.match(check.stdout, `${newPath}:13:1 warning Placeholder text "[Nội dung: viết bài ở đây.]" is still in the article. [placeholder-text]`)
    await writeFile(path, `${text}\nĐoạn đã viết.\n`)
    const second = await runCliInProcess(args)
    assert.is(second.code, 1)
    assert.match(second.stderr, 'already exists; it was left untouched')
    assert.match(await readFile(path, 'utf8'), 'Đoạn đã viết.')
  } finally {
    await removeDir(content)
  }
})

test('should answer --help, -h and --version with exit 0, and wrong usage with a plain hint and exit 2', async () => {
  const version = (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string }).version
  for (const args of [['--help'], ['-h'], ['check', '--help']]) {
    const result = await runCliInProcess(args)
    assert.is(result.code, 0, args.join(' '))
    assert.match(result.stdout, args[0] === 'check' ? /^Usage: toasoan check \[options\]\n\n {2}check / : /^Usage: toasoan <command> \[options\]/)
  }
  const shown = await runCli(['--version'])
  assert.is(shown.code, 0)
  assert.is(shown.stdout, `${version}\n`)
  const cases: Array<[string[], string]> = [
    [['build', '--ot', 'dist'], 'toasoan: unknown option --ot.\n  hint: Did you mean --out? Run toasoan build --help for its options.\n'],
    [['chek'], 'toasoan: unknown command "chek".\n  hint: Did you mean "check"? Run toasoan --help for the commands.\n'],
    [
      ['check', '--content', 'no-such-folder'],
      `toasoan: --content: there is no content folder at ${join(root, 'no-such-folder')}.\n  hint: Run toasoan from the newspaper's repository (the folder that holds content/), or give the folder: --content path/to/content.\n`,
    ],
    [['check', '--format', 'json'], 'toasoan: --format: "json" is not a format.\n'],
    [['build', '--shard', '4/3'], 'toasoan: --shard: "4/3" is not a shard.\n  hint: Give --shard I/N with 1 ≤ I ≤ N'],
    [['build', '--shard', '1/2', '--out', 'x'], 'toasoan: --shard writes into the cache folder only; --out does not apply.\n'],
    [['cache', 'clear'], 'toasoan: cache: "clear" is not a cache command.\n'],
  ]
  // The first as the shell sees it; the rest take the same path in this process.
  for (const [index, [args, message]] of cases.entries()) {
    const result = await (index === 0 ? runCli : runCliInProcess)(args)
    assert.is(result.code, 2, args.join(' '))
    assert.ok(result.stderr.startsWith(message), result.stderr)
    assert.not.match(result.stderr, /\n\s+at /, 'no stack trace')
  }
})

test('should build a shard into the cache folder alone, and print the cache key', async () => {
  const work = await tempDir('cli-shard')
  try {
    const cache = relative(root, join(work, 'cache'))
    const shard = await runCliInProcess(['build', '--shard', '1/1', '--content', relative(root, fixtureSite), '--cache', cache, ...now])
    assert.is(shard.code, 0, shard.stderr)
    assert.match(shard.stdout, `Shard 1/1 cached 3 articles in 1 search bundles into ${cache}.`)
    assert.ok(await exists(join(work, 'cache', 'pages')), 'pages cached')
    const key = await runCliInProcess(['cache', 'key', '--content', relative(root, fixtureSite)])
    assert.is(key.code, 0, key.stderr)
    assert.match(key.stdout, /^[0-9a-f]{16}\n$/)
  } finally {
    await removeDir(work)
  }
})

test('should print problems as GitHub workflow commands with --format github, from check and build', async () => {
  const content = await contentWith(join(fixtures, 'errors', 'unknown-locality'))
  const out = join(content, '..', `${relative(join(content, '..'), content)}-dist`)
  try {
    const path = relative(root, join(content, 'articles/2019/10/bai-viet.md'))
    const line = `::error file=${path},line=4,col=11,title=[unknown-locality]::Unknown locality "tp-thanh-hao". Did you mean "tp-thanh-hoa"?%0Ahint: Use an id from localities.yml, or add the locality there first.\n`
    const check = await runCliInProcess(['check', '--content', relative(root, content), '--format', 'github'])
    assert.is(check.code, 1)
    assert.is(check.stdout, `${line}1 error, 0 warnings\n`)
    const built = await runCliInProcess(['build', '--content', relative(root, content), '--out', relative(root, out), '--format', 'github', ...now])
    assert.is(built.code, 1)
    assert.match(built.stdout, line)
    assert.match(built.stderr, 'Build failed')
  } finally {
    await removeDir(content)
    await removeDir(out)
  }
})

test('should write JSON Schema files for front matter and the registries', async () => {
  const dir = await tempDir('schema')
  try {
    const result = await runCliInProcess(['schema', '--content', relative(root, fixtureSite), '--out', relative(root, dir)])
    assert.is(result.code, 0, result.stderr)
    assert.match(result.stdout, 'Wrote 5 JSON Schema files')
    const frontMatter = JSON.parse(await readFile(join(dir, 'front-matter.schema.json'), 'utf8')) as { properties: { locality: { enum: string[] } } }
    assert.equal(frontMatter.properties.locality.enum, ['thanh-hoa', 'tp-thanh-hoa', 'dien-bien', 'hoang-hoa'])
    for (const name of ['site', 'localities', 'authors', 'categories']) assert.ok(await exists(join(dir, `${name}.schema.json`)), name)
  } finally {
    await removeDir(dir)
  }
})

test('should refuse an unknown locality in new, with a suggestion', async () => {
  const content = await contentWith(undefined)
  try {
    const result = await runCliInProcess(['new', 'Tin mới', '--locality', 'hoang-hao', '--author', 'to-phuong', '--content', relative(root, content), ...now])
    assert.is(result.code, 2, 'a wrong option is a usage error, as for every command')
    assert.match(
      result.stderr,
      'toasoan: --locality: Unknown locality "hoang-hao". Did you mean "hoang-hoa"?\n  hint: Give --locality an id from localities.yml.'
    )
    assert.not.ok(await exists(join(content, 'articles')))
  } finally {
    await removeDir(content)
  }
})

test('should refuse a --base-url that is not an http(s) URL, and a --now that is not a date, like every usage error', async () => {
  const content = await contentWith(undefined)
  try {
    const out = join(content, '..', 'dist-operator')
    const cases: Array<[string[], string]> = [
      [
        ['--base-url', 'ftp://x', ...now],
        'toasoan: --base-url: "ftp://x" is not an http or https URL.\n  hint: Give the address the site is served from, e.g. --base-url https://preview.example.vn/tin-tuc\n',
      ],
      [['--base-url', 'not-a-url', ...now], 'toasoan: --base-url: "not-a-url" is not an http or https URL.\n'],
      [
        ['--now', 'yesterday'],
        'toasoan: --now: "yesterday" is not a date.\n  hint: Give an ISO 8601 date, e.g. --now 2026-11-26T08:00:00+07:00, or epoch milliseconds.\n',
      ],
    ]
    for (const [options, message] of cases) {
      const result = await runCliInProcess(['build', '--content', relative(root, content), '--out', relative(root, out), ...options])
      assert.is(result.code, 2, result.stderr)
      assert.ok(result.stderr.startsWith(message), result.stderr)
      assert.not.match(result.stderr, /\n\s+at /, 'no stack trace')
      assert.not.ok(await exists(out))
    }
    const created = await runCliInProcess([
      'new',
      'Tin',
      '--locality',
      'hoang-hoa',
      '--author',
      'to-phuong',
      '--content',
      relative(root, content),
      '--now',
      'yesterday',
    ])
    assert.is(created.code, 2)
    assert.match(created.stderr, /^toasoan: --now: "yesterday" is not a date\./)
    assert.not.ok(await exists(join(content, 'articles')))
  } finally {
    await removeDir(content)
  }
})

test('should report escaping and colliding aliases the same from check and build, and write nothing outside', async () => {
  for (const name of ['invalid-alias', 'alias-generated-file']) {
    const content = await contentWith(join(fixtures, 'errors', name), { keepSiteArticles: true })
    const out = join(content, '..', `dist-${name}`)
    try {
      const check = await runCliInProcess(['check', '--content', relative(root, content)])
      const built = await runCliInProcess(['build', '--content', relative(root, content), '--out', relative(root, out), ...now])
      assert.is(check.code, 1)
      assert.is(built.code, 1, built.stderr)
      assert.ok(built.stderr.startsWith(check.stderr.trimEnd()), `check:\n${check.stderr}\nbuild:\n${built.stderr}`)
      assert.match(built.stderr, name === 'invalid-alias' ? '[invalid-alias]' : '[alias-collision]')
      assert.not.match(built.stderr, /URI malformed|Output conflict|\n\s+at /)
      assert.not.ok(await exists(out))
      assert.not.ok(await exists(join(root, 'x.html')))
    } finally {
      await removeDir(content)
    }
  }
})

test.run()
