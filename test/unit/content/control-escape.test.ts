import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { VFile } from 'vfile'
import { firstControlEscape } from '../../../src/content/control-escape.ts'
import { loadContent } from '../../../src/content/index.ts'
import { parseYamlSource } from '../../../src/content/yaml-source.ts'
import { formatProblems } from '../../../src/problems/index.ts'
import { contentWith, removeDir } from '../../helpers/fixtures.ts'

const test = suite('findControlEscape')
const bell = 'Invisible control character U+0007 in the text. [control-character]'

/** The report of one YAML text, as `check` prints it. */
function problemsOf(yaml: string): string {
  const file = new VFile({ path: 'authors.yml' })
  parseYamlSource(yaml, file)
  return formatProblems([file], '')
}

test('should find each escape that writes a control character, and none of those that do not', () => {
  assert.equal(firstControlEscape('"Lan\\aAnh"'), { code: 7, offset: 4 })
  assert.equal(firstControlEscape('"a\\x1Fb"'), { code: 0x1f, offset: 2 })
  assert.equal(firstControlEscape('"\\u0000"'), { code: 0, offset: 1 })
  assert.equal(firstControlEscape('"\\U0000FFFE"'), { code: 0xfffe, offset: 1 })
  // Tab and line ends are text; an escaped backslash is no escape of what follows it.
  assert.is(firstControlEscape('"a\\tb\\nc\\rd\\\\a\\"e\\u00e1\\\n  f"'), undefined)
})

test('should report an escape at its own line and column, in a value folded over several lines', () => {
  assert.match(problemsOf('- id: lan-anh\n  name: "Lan\\aAnh"\n'), `authors.yml:2:13 error ${bell}`)
  assert.match(problemsOf('- id: lan-anh\n  name: "Nguyễn\n    Lan\\aAnh"\n'), `authors.yml:3:8 error ${bell}`)
  assert.match(problemsOf('- {id: lan-anh,\n   name: "Lan \\x07"}\n'), `authors.yml:2:15 error ${bell}`)
  assert.match(problemsOf('- id: lan-anh\n  "na\\ame": x\n'), `authors.yml:2:6 error ${bell}`)
})

test("should report a control character in an author's name at its line and column in authors.yml", async () => {
  for (const [written, column] of [
    ['"Lan\\aAnh"', 13],
    ['Lan\u0007Anh', 12],
  ] as const) {
    const dir = await contentWith(undefined)
    try {
      const authors = join(dir, 'authors.yml')
      const text = await readFile(authors, 'utf8')
      await writeFile(authors, `${text.trimEnd()}\n- id: lan-anh\n  name: ${written}\n`)
      const line = text.trimEnd().split('\n').length + 2
      const { sources, files } = await loadContent({ contentDir: dir })
      assert.is(sources, undefined)
      const report = formatProblems(files, dir)
      assert.match(report, `authors.yml:${line}:${column} error ${bell}`)
      assert.match(report, /^1 error, 0 warnings$/m)
    } finally {
      await removeDir(dir)
    }
  }
})

test("should report a control character in an article's tag at its line and column in the front matter", async () => {
  for (const [written, column] of [
    ['"dân\\avận"', 12],
    ['"dân\u0007vận"', 12],
    ['"dân vận,\n  công\\aan"', 7],
  ] as const) {
    const dir = await contentWith(undefined, { keepSiteArticles: true })
    try {
      const path = join('articles', '2019', '10', 'hoi-nghi-lang-nghe.md')
      const text = await readFile(join(dir, path), 'utf8')
      const line = text.split('\n').findIndex((entry) => entry.startsWith('tags:')) + 1
      await writeFile(join(dir, path), text.replace(/^tags: .*$/m, `tags: [${written}]`))
      const { files } = await loadContent({ contentDir: dir })
      const report = formatProblems(files, dir)
      assert.match(report, `${path}:${written.includes('\n') ? line + 1 : line}:${column} error ${bell}`)
      assert.match(report, /^1 error, 0 warnings$/m)
    } finally {
      await removeDir(dir)
    }
  }
})

test.run()
