import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadContent } from '../../../src/content/index.ts'
import { checkSite } from '../../../src/site/index.ts'
import { rules } from '../../../src/problems/index.ts'
import { contentWith, fixtureSite, removeDir } from '../../helpers/fixtures.ts'

// Mutates a fixture article and a comment at random (seeded, so every run tries the same inputs in
// the same order) and loads them: every input must give a valid load or problems that each have a
// place, a rule of the catalogue and a hint; never a throw. Bounded in time, not in rounds.
const test = suite('fuzz')

const seed = Number(process.env['FUZZ_SEED'] ?? 20241126)
const budgetMs = Number(process.env['FUZZ_MS'] ?? 4_000)
const perRound = 12

/** Mulberry32: a small deterministic PRNG, enough to pick mutations. */
function createRandom(start: number): { int: (below: number) => number; pick: <T>(items: readonly T[]) => T } {
  let state = start >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (below: number): number => Math.floor(next() * below)
  return { int, pick: (items) => items[int(items.length)] as (typeof items)[number] }
}

type Random = ReturnType<typeof createRandom>

const yamlSpecials = [
  '&a ',
  '*a',
  '<<: *a',
  '!!binary ',
  '!!js/function ',
  '? ',
  '{',
  '}',
  '[',
  ']',
  '|',
  '>-',
  '---',
  '...',
  '%YAML 1.2',
  ': ',
  ' #',
  '\t',
  '"',
  "'",
  '\\',
  'date: .nan',
  'date: 1e400',
  'date: -1',
  'date: 0001-01-01',
  'date: 9999-12-31 23:59',
  'title: !!int 3',
  'images: [{src: ../../../etc/passwd}]',
  'aliases: ["/../x"]',
  'tags: &t [*t]',
  'x: &b [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
]
const bodySpecials = [
  '\n',
  '\r',
  '\r\n',
  '\u0000',
  '\u0001',
  '\u000b',
  '\uFEFF',
  '\u2028',
  '\u202E',
  '\u0301',
  '🇻🇳',
  'ặ',
  ']]>',
  '<![CDATA[',
  '&#1;',
  '&#0;',
  '&#xD800;',
  '<script>',
  '<svg onload=x>',
  '<iframe src=//x>',
  '![](x.png)',
  '![](../../site.yml)',
  '[x]: <>',
  '```',
  '~~~',
  '|a|\n|-|',
  '<!--',
  '-->',
  '***',
  '___',
  '\\',
]

/** One mutation of a file's bytes. */
function mutate(bytes: Buffer, random: Random, yaml: boolean): Buffer {
  const at = random.int(bytes.length + 1)
  const text = bytes.toString('utf8')
  const lines = text.split('\n')
  switch (random.int(9)) {
    case 0:
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(Array.from({ length: 1 + random.int(4) }, () => random.int(256))), bytes.subarray(at)])
    case 1:
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + 1 + random.int(40)))])
    case 2: {
      const line = random.int(lines.length)
      lines.splice(line, 0, lines[line] ?? '')
      return Buffer.from(lines.join('\n'))
    }
    case 3:
      return Buffer.from(text.replace(/\n/g, '\r\n'))
    case 4: {
      const depth = 1 + random.int(120)
      const nest = random.pick([
        `${'>'.repeat(depth)} x`,
        '<div>'.repeat(depth),
        '['.repeat(depth),
        '*'.repeat(depth),
        Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- a`).join('\n'),
        '['.repeat(depth) + ']'.repeat(depth),
      ])
      return Buffer.from(`${text}\n${nest}\n`)
    }
    case 5: {
      const line = random.int(lines.length)
      lines.splice(line, 0, random.pick(yaml ? yamlSpecials : [...yamlSpecials, ...bodySpecials]))
      return Buffer.from(lines.join('\n'))
    }
    case 6:
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(random.pick(bodySpecials)), bytes.subarray(at)])
    case 7: {
      const [a, b] = [random.int(lines.length), random.int(lines.length)]
      ;[lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? '']
      return Buffer.from(lines.join('\n'))
    }
    default:
      return Buffer.concat([
        bytes.subarray(0, at),
        Buffer.from(String.fromCodePoint(random.int(0x110000 - 0x800) + (random.int(2) ? 0 : 0x800)).replace(/[\uD800-\uDFFF]/g, '\uFFFD')),
        bytes.subarray(at),
      ])
  }
}

test('should give a valid load or positioned problems with rule ids, never a throw, on mutated articles and comments', async () => {
  const random = createRandom(seed)
  // Without its aliases: copies of one article would all claim them.
  const article = Buffer.from((await readFile(join(fixtureSite, 'articles', '2019', '10', 'hoi-nghi-lang-nghe.md'), 'utf8')).replace(/^aliases:.*\n/m, ''))
  const comment = await readFile(join(fixtureSite, 'comments', '2019', '10', 'hoi-nghi-lang-nghe', 'b2.yml'))
  const dir = await contentWith(undefined)
  const started = performance.now()
  let round = 0
  let loaded = 0
  try {
    while (round === 0 || performance.now() - started < budgetMs) {
      await rm(join(dir, 'articles'), { recursive: true, force: true })
      await rm(join(dir, 'comments'), { recursive: true, force: true })
      const inputs = new Map<string, Buffer>()
      for (let index = 0; index < perRound; index++) {
        const name = `fuzz-${round}-${index}`
        let text: Buffer = article
        let note: Buffer = comment
        for (let count = 1 + random.int(4); count > 0; count--) text = mutate(text, random, false)
        for (let count = random.int(3); count > 0; count--) note = mutate(note, random, true)
        inputs.set(join('articles', '2019', '10', `${name}.md`), text)
        inputs.set(join('comments', '2019', '10', name, 'c.yml'), note)
      }
      for (const [path, bytes] of inputs) {
        await mkdir(join(dir, path, '..'), { recursive: true })
        await writeFile(join(dir, path), bytes)
      }
      const context = `seed ${seed}, round ${round}`
      let result: Awaited<ReturnType<typeof loadContent>>
      try {
        // With the site's checks (aliases, URLs), as every command runs them.
        result = checkSite(await loadContent({ contentDir: dir }))
      } catch (error) {
        throw new Error(`loading and checking threw (${context}): ${error instanceof Error ? error.stack : String(error)}`)
      }
      for (const file of result.files) {
        for (const message of file.messages) {
          const where = `${file.path}:${message.line}:${message.column} [${message.ruleId}] ${message.reason} (${context})`
          assert.ok(typeof message.ruleId === 'string' && message.ruleId in rules, `a rule of the catalogue: ${where}`)
          assert.ok((message.line ?? 0) >= 1 && (message.column ?? 0) >= 1, `a place: ${where}`)
          assert.ok(message.note, `a hint: ${where}`)
          assert.not.match(message.reason, /Maximum call stack|URI malformed|undefined/, where)
        }
      }
      const errors = result.files.some((file) => file.messages.some((message) => message.fatal === true))
      assert.is(result.sources === undefined, errors, `sources exactly when there is no error (${context})`)
      loaded += result.files.filter((file) => /\.md$/.test(file.path) && !file.messages.some((message) => message.fatal === true)).length
      round++
    }
  } finally {
    await removeDir(dir)
  }
  assert.ok(round >= 1)
  if (process.env['FUZZ_VERBOSE']) console.log(`fuzz: ${round * perRound} articles in ${round} rounds, ${loaded} articles without errors`)
})

test.run()
