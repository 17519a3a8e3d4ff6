import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { rename, stat } from 'node:fs/promises'
import { glob } from 'tinyglobby'

/** The generated log's mix, written into the bench's table. */
export const logMix = '60 % article views (a fifth with a query string), 20 % assets, 15 % robots, 5 % 404s'

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

/** What a generated log covers. */
export interface LogSpan {
  /** Lines to write. */
  lines: number
  /** The newest line's time, epoch ms. */
  end: number
  /** How far back the lines go, ms. */
  span: number
  /** Seed of the generator: the same span and seed give the same bytes. */
  seed: number
}

/** A deterministic generator (an LCG), so two runs count the same log. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/**
 * A Common Log Format time in Vietnam's zone (`26/Nov/2026:08:00:00 +0700`), as nginx writes it.
 *
 * @param epoch Epoch ms.
 */
export function clfTime(epoch: number): string {
  const date = new Date(epoch + 7 * 3_600_000)
  return `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0700`
}

/**
 * The addresses of a generated corpus's articles from their files (`articles/YYYY/MM/slug.md` →
 * `/YYYY/MM/slug/`, the corpus's dates being in those folders), sorted.
 *
 * @param contentDir The corpus.
 */
export async function corpusArticlePaths(contentDir: string): Promise<string[]> {
  return (await glob('articles/**/*.md', { cwd: contentDir })).sort().map((file) => `/${file.slice('articles/'.length, -3)}/`)
}

/**
 * Writes an access log in the combined format: readers of the given articles (popular ones far
 * more: a cubed pick), from about 12 million addresses and three browsers, with the mix of
 * {@link logMix}. Lines are in random time order within the span (rotated files joined are not in
 * order either). Written to a `.part` file renamed at the end, so a log that exists is whole.
 *
 * @param path The log file.
 * @param articlePaths The articles' URL paths.
 * @param span Lines, end, span and seed.
 * @returns The log's size in bytes.
 */
export async function writeCombinedLog(path: string, articlePaths: readonly string[], span: LogSpan): Promise<number> {
  const next = seededRandom(span.seed)
  const part = `${path}.part`
  const out = createWriteStream(part)
  let chunk = ''
  for (let line = 0; line < span.lines; line++) {
    const roll = next()
    const article = articlePaths[Math.floor(next() ** 3 * articlePaths.length)] ?? '/'
    const time = span.end - Math.floor(next() * span.span)
    const client = `10.${Math.floor(next() * 192)}.${Math.floor(next() * 256)}.${Math.floor(next() * 256)}`
    const [target, status, agent] =
      roll < 0.6
        ? [next() < 0.2 ? `${article}?utm_source=zalo` : article, 200, browsers[Math.floor(next() * browsers.length)]]
        : roll < 0.8
          ? ['/assets/site.3f9a1c2b4d.css', 200, browsers[0]]
          : roll < 0.95
            ? [article, 200, bots[Math.floor(next() * bots.length)]]
            : ['/2019/10/khong-co/', 404, browsers[1]]
    chunk += `${client} - - [${clfTime(time)}] "GET ${target} HTTP/1.1" ${status} ${1000 + Math.floor(next() * 90000)} "https://www.google.com/" "${agent}"\n`
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain')
      chunk = ''
    }
  }
  out.end(chunk)
  await once(out, 'finish')
  await rename(part, path)
  return (await stat(path)).size
}
