import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, normalize, sep } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants } from 'node:zlib'
import { lookup } from 'mrmime'

/** A built site served on 127.0.0.1 the way a CDN serves it to a browser. */
export interface CdnServer {
  origin: string
  close(): Promise<void>
}

/**
 * Brotli quality for text answers: CDNs compress on the fly at a middle level (Cloudflare's
 * default is 4); the bytes differ from level 11 by a few percent.
 */
const brotliQuality = 4

/** Types a CDN compresses: text, JSON, JavaScript, XML, SVG. Pagefind's own files are gzip already. */
const compressible = (type: string): boolean => /^text\/|json|javascript|xml|svg/.test(type)

/**
 * A self-signed certificate for 127.0.0.1, made with openssl: browsers speak HTTP/2 only over TLS.
 */
async function selfSigned(): Promise<{ key: Buffer; cert: Buffer }> {
  const dir = await mkdtemp(join(tmpdir(), 'toasoan-cdn-'))
  try {
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')]
    await promisify(execFile)('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ])
    return { key: await readFile(key), cert: await readFile(cert) }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Serves a built site as a CDN serves it: HTTP/2 over TLS (one connection, requests multiplexed,
 * no six-connection queue), text answers compressed with Brotli when the browser accepts it, every
 * other file as it is. `index.html` answers for its folder. Nothing is cached by the browser
 * (`no-store`), so each fresh context starts empty. The browser must accept the self-signed certificate.
 *
 * @param siteDir The built site.
 */
export async function serveLikeCdn(siteDir: string): Promise<CdnServer> {
  const root = normalize(siteDir)
  const compressed = new Map<string, Promise<Buffer>>()
  const answer = async (request: Http2ServerRequest, response: Http2ServerResponse): Promise<void> => {
    const pathname = decodeURIComponent(new URL(request.url, 'https://127.0.0.1').pathname)
    let path = normalize(join(root, pathname))
    if (path !== root && !path.startsWith(`${root}${sep}`)) return void response.writeHead(403).end()
    const found = await stat(path).catch(() => undefined)
    if (found?.isDirectory()) path = join(path, 'index.html')
    const body = await readFile(path).catch(() => undefined)
    if (!body) return void response.writeHead(404).end()
    const type = lookup(path) ?? 'application/octet-stream'
    const headers: Record<string, string> = {
      'content-type': /^text\/|javascript|json/.test(type) ? `${type}; charset=utf-8` : type,
      'cache-control': 'no-store',
    }
    const brotli = compressible(type) && /\bbr\b/.test(String(request.headers['accept-encoding'] ?? ''))
    if (!brotli) return void response.writeHead(200, { ...headers, 'content-length': String(body.length) }).end(body)
    let packed = compressed.get(path)
    if (!packed) {
      packed = promisify(brotliCompress)(body, { params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality } })
      compressed.set(path, packed)
    }
    const bytes = await packed
    response.writeHead(200, { ...headers, 'content-encoding': 'br', 'content-length': String(bytes.length), vary: 'accept-encoding' }).end(bytes)
  }
  const server = createSecureServer({ ...(await selfSigned()), allowHTTP1: true }, (request, response) => {
    answer(request, response).catch(() => response.writeHead(500).end())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    origin: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
