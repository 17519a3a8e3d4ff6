import { readFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'

/** One problem of a failed rebuild, as the browser overlay shows it. */
export interface ServeProblem {
  /** `path:line:col`, as printed in the terminal. */
  place: string
  severity: 'error' | 'warning'
  message: string
  rule: string
  hint: string
}

const problemLine = /^(.+?:\d+:\d+) (error|warning) (.*) \[([a-z0-9-]+)\]$/

/**
 * Reads the problems back from what `toasoan build` printed (see `formatProblems`).
 *
 * @param output The build's standard error.
 */
export function parseProblems(output: string): ServeProblem[] {
  const problems: ServeProblem[] = []
  for (const line of output.split(/\r?\n/)) {
    const match = problemLine.exec(line)
    if (match) {
      problems.push({ place: match[1] as string, severity: match[2] as 'error' | 'warning', message: match[3] as string, rule: match[4] as string, hint: '' })
      continue
    }
    const last = problems.at(-1)
    if (last && last.hint === '' && line.startsWith('  hint: ')) last.hint = line.slice('  hint: '.length)
  }
  return problems
}

/** Where the overlay's script and the current problems are served. */
export const overlayPaths = { script: '/__toasoan/overlay.js', problems: '/__toasoan/problems.json' } as const

type Next = () => unknown

/**
 * A middleware for Eleventy's dev server: serves the overlay's script and the current problems,
 * and serves the site's pages with the script added, so a failed rebuild shows on the page being
 * read. The dev server adds its live-reload script after, as to any page.
 *
 * @param outDir The folder served.
 * @param problems The problems of the last rebuild: none after a good one.
 */
export function overlayMiddleware(
  outDir: string,
  problems: () => readonly ServeProblem[]
): (req: IncomingMessage, res: ServerResponse, next: Next) => Promise<unknown> {
  const root = resolve(outDir)
  return async (req, res, next) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname
    if (pathname === overlayPaths.problems) return send(res, 'application/json; charset=utf-8', JSON.stringify({ problems: problems() }))
    if (pathname === overlayPaths.script) return send(res, 'text/javascript; charset=utf-8', overlayScript)
    const page = pagePath(root, pathname)
    const html = page === undefined || req.method !== 'GET' ? undefined : await readFile(page, 'utf8').catch(() => undefined)
    if (html === undefined) return next()
    const tag = `<script type="module" src="${overlayPaths.script}"></script>`
    return send(res, 'text/html; charset=utf-8', html.includes('</head>') ? html.replace('</head>', `${tag}</head>`) : `${tag}${html}`)
  }
}

/**
 * The HTML file a page's path is served from, when it is one: `/x/` → `x/index.html`, `/x.html`.
 *
 * @param root The folder served.
 * @param pathname The request's path.
 */
export function pagePath(root: string, pathname: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return undefined
  }
  const file = decoded.endsWith('/') ? `${decoded}index.html` : extname(decoded) === '.html' ? decoded : undefined
  if (file === undefined) return undefined
  const path = resolve(join(root, file))
  return path.startsWith(root + sep) ? path : undefined
}

function send(res: ServerResponse, type: string, body: string): void {
  res.setHeader('Content-Type', type)
  res.setHeader('Cache-Control', 'no-store')
  res.end(body)
}

/** What the overlay says, in the newsroom's language. */
const overlayText = {
  title: 'Bản dựng lỗi: trang này vẫn là bản trước.',
  fix: 'Sửa các lỗi dưới đây; trang tự cập nhật khi bản dựng thành công.',
  close: 'Đóng',
}

// The browser side: asks for the problems when the page loads and whenever the dev server says
// something happened (a rebuild failed, a reload), and shows them above the page, or nothing.
const overlayScript = `const text = ${JSON.stringify(overlayText)}
let host
async function refresh() {
  let problems = []
  try { problems = (await (await fetch(${JSON.stringify(overlayPaths.problems)}, { cache: 'no-store' })).json()).problems } catch {}
  host?.remove()
  host = undefined
  if (problems.length === 0) return
  host = document.createElement('toasoan-problems')
  host.setAttribute('role', 'alert')
  const root = host.attachShadow({ mode: 'open' })
  const style = document.createElement('style')
  style.textContent = ':host{position:fixed;inset:0 0 auto 0;z-index:2147483647;max-height:70vh;overflow:auto;background:#1b1b1b;color:#f5f5f5;font:14px/1.5 ui-monospace,monospace;padding:1rem 1.25rem;box-shadow:0 4px 16px #0008}h2{font-size:16px;margin:0 0 .25rem;color:#ff8a80}p{margin:0 0 .75rem}li{margin:.5rem 0}.place{color:#8ab4f8}.error{color:#ff8a80}.warning{color:#ffd54f}.hint{color:#bbb}button{position:absolute;top:.75rem;right:1rem}'
  const title = document.createElement('h2')
  title.textContent = text.title
  const fix = document.createElement('p')
  fix.textContent = text.fix
  const list = document.createElement('ul')
  for (const problem of problems) {
    const item = document.createElement('li')
    const place = document.createElement('span')
    place.className = 'place'
    place.textContent = problem.place + ' '
    const severity = document.createElement('span')
    severity.className = problem.severity
    severity.textContent = problem.severity + ' '
    const message = document.createElement('span')
    message.textContent = problem.message + ' [' + problem.rule + ']'
    item.append(place, severity, message)
    if (problem.hint) {
      const hint = document.createElement('div')
      hint.className = 'hint'
      hint.textContent = 'hint: ' + problem.hint
      item.append(hint)
    }
    list.append(item)
  }
  const close = document.createElement('button')
  close.textContent = text.close
  close.addEventListener('click', () => { host?.remove(); host = undefined })
  root.append(style, close, title, fix, list)
  document.documentElement.append(host)
}
function listen() {
  const socket = new WebSocket(location.origin.replace(/^http/, 'ws'))
  socket.addEventListener('message', () => refresh())
  socket.addEventListener('close', () => setTimeout(listen, 1000))
}
refresh()
listen()
`
