import { createReadStream } from 'node:fs'
import { open, readdir, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
import { VFile } from 'vfile'
import { detectFormat, type LogFormat, lineParsers } from './detect-format.ts'
import { type Hit, isLineProblem, type LineParser } from './hit.ts'
import { reportMostRead } from './most-read-rules.ts'
import { parsePlausibleResponse, plausibleMaxBytes } from './plausible-api.ts'

/** Unreadable lines shown at their place per source; the others are counted in one summary. */
const shownProblems = 5

/** What reading the sources came to. */
export interface SourceSummary {
  /** Each file read, with its problems. */
  files: VFile[]
  /** Lines read in all. */
  lines: number
  /** Lines that could not be read (skipped, reported). */
  unreadable: number
  /** The format of each file, by path. */
  formats: Record<string, LogFormat>
}

/**
 * Every file a source names: the file itself, or a folder's files at any depth, in path order
 * (dot files left out), so two runs read the same files in the same order.
 *
 * @param source A file or a folder.
 */
export async function sourceFiles(source: string): Promise<string[]> {
  const info = await stat(source)
  if (!info.isDirectory()) return [source]
  const entries = await readdir(source, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}

/**
 * Streams the hits of every source, plain or gzip (told by its first bytes, not its name), a line
 * at a time: memory stays flat whatever the size of the logs. Lines that cannot be read are
 * reported on their file and skipped.
 *
 * @param sources Files and folders.
 * @param onHit Told each hit.
 * @param cwd Paths in problems are relative to it.
 */
export async function readSources(sources: readonly string[], onHit: (hit: Hit) => void, cwd = process.cwd()): Promise<SourceSummary> {
  const summary: SourceSummary = { files: [], lines: 0, unreadable: 0, formats: {} }
  for (const source of sources) {
    let paths: string[]
    try {
      paths = await sourceFiles(source)
    } catch (error) {
      const file = new VFile({ path: source, cwd })
      reportMostRead(file, 'unreadable-source', `cannot read ${source}: ${error instanceof Error ? error.message : String(error)}`)
      summary.files.push(file)
      continue
    }
    for (const path of paths) summary.files.push(await readSource(path, onHit, summary, cwd))
  }
  return summary
}

async function readSource(path: string, onHit: (hit: Hit) => void, summary: SourceSummary, cwd: string): Promise<VFile> {
  const file = new VFile({ path: relative(cwd, path) || path, cwd })
  try {
    const input = await openText(path)
    const lines = splitLines(input)
    let parse: LineParser | undefined
    let number = 0
    let unreadable = 0
    // A Plausible answer is one JSON document: its lines are kept and read whole at the end.
    let document: string[] | undefined
    let documentBytes = 0
    for await (const batch of lines) {
      for (const line of batch) {
        number++
        if (document !== undefined) {
          document.push(line)
          documentBytes += line.length + 1
          if (documentBytes > plausibleMaxBytes) {
            reportMostRead(file, 'unreadable-source', `a Plausible answer of more than ${plausibleMaxBytes / 1024 ** 2} MB`, { line: number, column: 1 })
            input.destroy()
            return file
          }
          continue
        }
        if (parse === undefined) {
          if (line.trim() === '') continue
          const format = detectFormat(line)
          if (format === undefined) {
            reportMostRead(file, 'unknown-log-format', 'the first line is in none of the formats most-read reads', { line: number, column: 1 })
            input.destroy()
            return file
          }
          summary.formats[file.path] = format
          if (format === 'plausible') {
            // Blank lines before it are kept, so places in the document are the file's.
            document = [...Array.from({ length: number - 1 }, () => ''), line]
            continue
          }
          parse = lineParsers[format]()
        }
        const result = parse(line)
        if (result === undefined) continue
        if (isLineProblem(result)) {
          unreadable++
          if (unreadable <= shownProblems) reportMostRead(file, 'unreadable-log-line', result.problem, { line: number, column: result.column ?? 1 })
          continue
        }
        onHit(result)
      }
    }
    if (document !== undefined) {
      const read = parsePlausibleResponse(document.join('\n'))
      // An answer cut short or of another query counts nothing: the lists are left as they were.
      if (read.invalid) reportMostRead(file, 'unreadable-source', read.invalid.problem, { line: read.invalid.line, column: read.invalid.column })
      for (const problem of read.problems) {
        unreadable++
        if (unreadable <= shownProblems) reportMostRead(file, 'unreadable-log-line', problem.problem, { line: problem.line, column: problem.column })
      }
      for (const hit of read.hits) onHit(hit)
    }
    if (unreadable > shownProblems)
      reportMostRead(file, 'more-unreadable-lines', `${unreadable - shownProblems} more unreadable lines (${unreadable} of ${number})`, {
        line: number,
        column: 1,
      })
    summary.lines += number
    summary.unreadable += unreadable
  } catch (error) {
    reportMostRead(file, 'unreadable-source', `cannot read the file: ${error instanceof Error ? error.message : String(error)}`)
  }
  return file
}

/**
 * The lines of a stream of UTF-8 text, without their `\n` or `\r\n`, a chunk's worth at a time.
 * Split by hand and handed over in batches: readline, or a promise per line, costs as much as
 * parsing the lines (9 s of 20 for a million access-log lines).
 *
 * @param input The text.
 */
export async function* splitLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<string[]> {
  let rest: Buffer = Buffer.alloc(0)
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    // Lines are found in the bytes (a newline byte is never part of a UTF-8 sequence) and each
    // decoded on its own: cheaper than decoding the chunk and slicing the string.
    const buffer = rest.length === 0 ? bytes : Buffer.concat([rest, bytes])
    const lines: string[] = []
    let start = 0
    for (let end = buffer.indexOf(10, start); end !== -1; end = buffer.indexOf(10, start)) {
      lines.push(buffer.toString('utf8', start, end > start && buffer[end - 1] === 13 ? end - 1 : end))
      start = end + 1
    }
    rest = buffer.subarray(start)
    // A file without line breaks (a binary mistaken for a log) is cut every MiB, not held whole.
    if (rest.length > 1 << 20) {
      lines.push(rest.toString('utf8'))
      rest = Buffer.alloc(0)
    }
    if (lines.length > 0) yield lines
  }
  if (rest.length > 0) yield [rest.toString('utf8', 0, rest[rest.length - 1] === 13 ? rest.length - 1 : rest.length)]
}

/** A file's text stream, gunzipped when it starts with gzip's magic bytes. */
async function openText(path: string): Promise<Readable> {
  const handle = await open(path)
  const head = Buffer.alloc(2)
  await handle.read(head, 0, 2, 0).finally(() => handle.close())
  const stream = createReadStream(path, { highWaterMark: 1 << 20 })
  if (head[0] !== 0x1f || head[1] !== 0x8b) return stream
  const gunzip = createGunzip()
  stream.on('error', (error) => gunzip.destroy(error))
  return stream.pipe(gunzip)
}
