import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { Hit } from '../../../src/most-read/hit.ts'
import { readSources, sourceFiles, splitLines } from '../../../src/most-read/read-sources.ts'
import { removeDir, tempDir } from '../../helpers/fixtures.ts'

const test = suite('readSources')
const line = (path: string, second: number) =>
  `192.0.2.1 - - [25/Nov/2026:10:00:${String(second).padStart(2, '0')} +0700] "GET ${path} HTTP/1.1" 200 1 "-" "Mozilla/5.0"`

async function* chunks(...parts: Array<string | Buffer>): AsyncGenerator<Buffer | string> {
  yield* parts
}

async function collect(parts: Array<string | Buffer>): Promise<string[]> {
  const lines: string[] = []
  for await (const batch of splitLines(chunks(...parts))) lines.push(...batch)
  return lines
}

test('should split lines across chunks, CRLF and a last line without a break, and UTF-8 cut in a chunk', async () => {
  const bytes = Buffer.from('một\r\nhai\nba')
  assert.equal(await collect([bytes.subarray(0, 2), bytes.subarray(2, 7), bytes.subarray(7)]), ['một', 'hai', 'ba'])
  assert.equal(await collect(['a\n', '\n', 'b\r\n']), ['a', '', 'b'])
  assert.equal(await collect([]), [])
})

test('should read a folder in path order, plain and gzip by their bytes, dot files left out', async () => {
  const dir = await tempDir('read-sources')
  try {
    await mkdir(join(dir, 'b'), { recursive: true })
    await writeFile(join(dir, 'b', 'access.log'), `${line('/2/', 2)}\n`)
    await writeFile(join(dir, 'a.log.1'), gzipSync(`${line('/1/', 1)}\n${line('/1b/', 1)}\n`))
    await writeFile(join(dir, '.DS_Store'), 'x')
    assert.equal(
      (await sourceFiles(dir)).map((path) => path.slice(dir.length + 1)),
      ['a.log.1', 'b/access.log']
    )
    const hits: Hit[] = []
    const summary = await readSources([dir], (hit) => hits.push(hit), dir)
    assert.equal(
      hits.map((hit) => hit.path),
      ['/1/', '/1b/', '/2/']
    )
    assert.equal(summary.formats, { 'a.log.1': 'combined', 'b/access.log': 'combined' })
    assert.is(summary.lines, 3)
  } finally {
    await removeDir(dir)
  }
})

test('should show the first five unreadable lines of a file and count the others', async () => {
  const dir = await tempDir('read-sources')
  try {
    const lines = [line('/a/', 1), ...Array.from({ length: 8 }, (_, index) => `junk ${index}`), line('/b/', 2)]
    await writeFile(join(dir, 'access.log'), lines.join('\n'))
    const hits: Hit[] = []
    const summary = await readSources([join(dir, 'access.log')], (hit) => hits.push(hit), dir)
    assert.is(hits.length, 2)
    assert.is(summary.unreadable, 8)
    const messages = summary.files[0]?.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)
    assert.equal(messages, [
      '2:1 unreadable-log-line',
      '3:1 unreadable-log-line',
      '4:1 unreadable-log-line',
      '5:1 unreadable-log-line',
      '6:1 unreadable-log-line',
      '10:1 more-unreadable-lines',
    ])
    assert.is(summary.files[0]?.messages.at(-1)?.reason, '3 more unreadable lines (8 of 10)')
    assert.ok(summary.files[0]?.messages.every((message) => message.fatal === false))
  } finally {
    await removeDir(dir)
  }
})

test('should report a missing source and a file in no known format as errors', async () => {
  const dir = await tempDir('read-sources')
  try {
    await writeFile(join(dir, 'notes.txt'), '\n\nNhật ký biên tập\n')
    const summary = await readSources([join(dir, 'notes.txt'), join(dir, 'missing.log')], () => {}, dir)
    assert.equal(
      summary.files.map((file) => file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.fatal}`)),
      [['3:1 unknown-log-format true'], ['1:1 unreadable-source true']]
    )
  } finally {
    await removeDir(dir)
  }
})

test.run()
