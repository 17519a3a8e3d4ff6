/**
 * `node --import tsx scripts/bench/most-read-bench.ts [--lines N] [--work DIR] [--content DIR]`:
 * generates an access log of N lines in the combined format (readers of the content's published
 * articles, reloads, robots, assets, 404s, over eight days) and times `toasoan most-read` on it as a
 * user runs it, with the peak memory of the process; then runs it again on the same log to count
 * the fragments an hourly update with unchanged lists would upload (none).
 */
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { mkdir, rm, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { glob } from 'tinyglobby'
import { megabytes, seconds, thousands } from './format-units.ts'
import { runMeasured } from './run-measured.ts'

const { values } = parseArgs({
  options: {
    lines: { type: 'string', default: '1000000' },
    work: { type: 'string', default: '.cache/bench-most-read' },
    content: { type: 'string', default: 'content' },
  },
})
const lines = Number(values.lines)
const work = resolve(values.work)
const now = Date.parse('2026-11-26T01:00:00Z')
const browsers = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.102 Mobile Safari/537.36 Zalo android/12100566',
]
const bots = [
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
]
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (value: number): string => String(value).padStart(2, '0')

/** A deterministic generator, so two runs count the same log. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

function clfTime(epoch: number): string {
  const date = new Date(epoch + 7 * 3_600_000)
  return `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0700`
}

async function writeLog(path: string, articlePaths: readonly string[]): Promise<void> {
  const next = random(28)
  const out = createWriteStream(path)
  let chunk = ''
  for (let line = 0; line < lines; line++) {
    const roll = next()
    // Popular articles are read far more: a skewed pick.
    const article = articlePaths[Math.floor(next() ** 3 * articlePaths.length)] ?? '/'
    const time = now - Math.floor(next() * 8 * 86_400_000)
    const client = `10.${Math.floor(next() * 64)}.${Math.floor(next() * 256)}.${Math.floor(next() * 256)}`
    const [path, status, agent] =
      roll < 0.6
        ? [next() < 0.2 ? `${article}?utm_source=zalo` : article, 200, browsers[Math.floor(next() * browsers.length)]]
        : roll < 0.8
          ? ['/assets/site.3f9a1c2b4d.css', 200, browsers[0]]
          : roll < 0.95
            ? [article, 200, bots[Math.floor(next() * bots.length)]]
            : ['/2019/10/khong-co/', 404, browsers[1]]
    chunk += `${client} - - [${clfTime(time)}] "GET ${path} HTTP/1.1" ${status} ${1000 + Math.floor(next() * 90000)} "https://www.google.com/" "${agent}"\n`
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain')
      chunk = ''
    }
  }
  out.end(chunk)
  await once(out, 'finish')
}

await rm(work, { recursive: true, force: true })
await mkdir(join(work, 'dist'), { recursive: true })
// The articles' addresses from their files (YYYY/MM/slug.md → /YYYY/MM/slug/): close enough for a log.
const articlePaths = (await glob('articles/**/*.md', { cwd: values.content })).sort().map((file) => `/${file.slice('articles/'.length, -3)}/`)
const log = join(work, 'access.log')
console.log(`writing ${lines} log lines…`)
await writeLog(log, articlePaths)
const size = (await stat(log)).size
const args = ['scripts/toasoan.js', 'most-read', '--from', log, '--out', join(work, 'dist'), '--content', values.content, '--now', new Date(now).toISOString()]
const first = await runMeasured(process.execPath, args)
if (first.code !== 0) throw new Error(`most-read failed: ${first.stderr}`)
const second = await runMeasured(process.execPath, args)
const changed = /(\d+) changed/.exec(second.stdout)?.[1] ?? '?'
const fragments = await glob('doc-nhieu/**/*.json', { cwd: join(work, 'dist') })
let bytes = 0
for (const file of fragments) bytes += (await stat(join(work, 'dist', file))).size
console.log(first.stdout.trim())
console.log(
  `\n| lines | log | time | lines/s | peak memory | fragments | objects re-uploaded, same lists |\n|---|---|---|---|---|---|---|\n` +
    `| ${thousands(lines)} | ${megabytes(size)} | ${seconds(first.ms)} | ${thousands(Math.round(lines / (first.ms / 1000)))} | ${megabytes(first.memory.total)} | ${fragments.length} files, ${thousands(bytes)} bytes | ${changed} |`
)
