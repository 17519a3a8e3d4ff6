// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub Actions expressions are written ${{ … }} in plain strings
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { type ActionlintFinding, loadActionlint } from '../helpers/actionlint.ts'
import { root } from '../helpers/fixtures.ts'

// Every file of .github/workflows/ through actionlint: expressions, contexts, `needs`, job outputs,
// matrices, action inputs. A workflow's mistakes otherwise show only on GitHub, after a push.
const test = suite('workflows')
const folder = join(root, '.github', 'workflows')

/** A finding as a compiler prints it. */
const describe = (path: string, finding: ActionlintFinding) => `${path}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`

test('should find nothing to report in any workflow', async () => {
  const lint = await loadActionlint()
  const files = (await readdir(folder)).filter((name) => /\.ya?ml$/.test(name)).sort()
  assert.ok(files.includes('site.yml') && files.includes('check.yml'), files.join(', '))
  const findings = []
  for (const name of files) {
    const path = `.github/workflows/${name}`
    findings.push(...lint(await readFile(join(folder, name), 'utf8'), path).map((finding) => describe(path, finding)))
  }
  assert.equal(findings, [], findings.join('\n'))
})

test("should report a job's unknown need, a misspelt action input and a matrix read outside its job", async () => {
  const lint = await loadActionlint()
  const workflow = [
    'on: push',
    'jobs:',
    '  plan:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - run: echo "${{ vars.SHARDS }}"',
    '  build:',
    '    needs: plan',
    '    if: needs.plann.outputs.sharded == true',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/cache/restore@v4',
    '        with:',
    '          path: .cache',
    '          key: k',
    '          lookup_only: true',
    '      - run: echo "${{ matrix.shard }}"',
  ].join('\n')
  const findings = lint(workflow, 'bad.yml').map((finding) => describe('bad.yml', finding))
  assert.is(findings.length, 3, findings.join('\n'))
  assert.match(findings[0] ?? '', /^bad\.yml:9:\d+: .*"plann" is not defined .*\[expression\]$/)
  assert.match(findings[1] ?? '', /^bad\.yml:16:11: input "lookup_only" is not defined in action "actions\/cache\/restore@v4".*\[action\]$/)
  assert.match(findings[2] ?? '', /^bad\.yml:17:\d+: .*"shard" is not defined .*\[expression\]$/)
})

test.run()
