import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request as the proxy sees it: the method, the object key (bucket first) and its number. */
export interface ProxiedRequest {
  method: string
  /** `bucket/key`, decoded; `bucket` alone for a bucket's listing. */
  key: string
  /** 1 for the first request the proxy received. */
  count: number
}

/**
 * What the proxy does with a request: pass it to the server, answer an S3 error itself, reset the
 * connection, or hold it until {@link FaultProxy.release}.
 */
export type Fault = 'pass' | 'reset' | 'hold' | { status: number; code: string }

/** A fault-injecting HTTP proxy in front of an S3 server, on 127.0.0.1. */
export interface FaultProxy {
  endpoint: string
  /** Decides each request's fault; `() => 'pass'` until set. */
  decide: (request: ProxiedRequest) => Fault
  /** Every request and what was done with it, in order of arrival. */
  log: Array<ProxiedRequest & { fault: string }>
  /** Resolves when a request is held (the next one, if none is). */
  held: () => Promise<ProxiedRequest>
  /** Passes every held request on to the server. */
  release: () => void
  close: () => Promise<void>
}

/**
 * Starts a proxy in front of `target`, answering every request as `decide` says.
 *
 * @param target The server's endpoint (`http://127.0.0.1:PORT`).
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const to = new URL(target)
  let count = 0
  const holding: Array<{ request: ProxiedRequest; go: () => void }> = []
  let onHold: Array<(request: ProxiedRequest) => void> = []
  const pass = (incoming: IncomingMessage, response: ServerResponse): void => {
    const outgoing = forward({ host: to.hostname, port: to.port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(response)
    })
    outgoing.on('error', () => response.destroy())
    // A client that gave up (a timeout) leaves no request half-sent to the server.
    response.on('close', () => {
      if (!response.writableFinished) outgoing.destroy()
    })
    incoming.pipe(outgoing)
  }
  const proxy: FaultProxy = {
    endpoint: '',
    decide: () => 'pass',
    log: [],
    held: () => {
      const first = holding[0]
      return first !== undefined ? Promise.resolve(first.request) : new Promise((resolve) => onHold.push(resolve))
    },
    release: () => {
      for (const { go } of holding.splice(0)) go()
    },
    close: () =>
      new Promise((resolve) => {
        proxy.release()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  const server = createServer((incoming, response) => {
    const request: ProxiedRequest = {
      method: incoming.method ?? 'GET',
      key: decodeURIComponent(new URL(incoming.url ?? '/', 'http://x').pathname).slice(1),
      count: ++count,
    }
    const fault = proxy.decide(request)
    proxy.log.push({ ...request, fault: typeof fault === 'string' ? fault : String(fault.status) })
    if (fault === 'pass') return pass(incoming, response)
    if (fault === 'hold') {
      holding.push({ request, go: () => void (incoming.socket.destroyed ? undefined : pass(incoming, response)) })
      for (const resolve of onHold) resolve(request)
      onHold = []
      return
    }
    if (fault === 'reset') return void incoming.socket.destroy()
    // The body is read first, as a server does before it answers, or the client sees a reset.
    incoming.resume()
    incoming.on('end', () => {
      response.writeHead(fault.status, { 'content-type': 'application/xml', 'x-amz-request-id': 'FAULT' })
      response.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${fault.code}</Code><Message>${fault.code} (injected)</Message></Error>`)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  proxy.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return proxy
}

/**
 * A share of requests failing, the same ones on every run of the test (a seeded generator).
 *
 * @param rate The share, from 0 to 1.
 * @param fault What a failing request gets.
 * @param seed The generator's seed.
 * @param only Which requests may fail. @default PUTs of site files (not the deploy's manifest)
 */
export function failing(rate: number, fault: Fault, seed = 1, only: (request: ProxiedRequest) => boolean = isSitePut): (request: ProxiedRequest) => Fault {
  let state = seed
  // mulberry32: tiny, and good enough to spread failures.
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return (request) => (only(request) && next() < rate ? fault : 'pass')
}

/** Whether a request uploads a site file (a PUT that is not the deploy's own manifest). */
export function isSitePut(request: ProxiedRequest): boolean {
  return request.method === 'PUT' && !request.key.endsWith('.toasoan-manifest.json.gz')
}

/** The S3 error a bucket policy denying a write answers. */
export const accessDenied: Fault = { status: 403, code: 'AccessDenied' }

/** A busy S3 node's answer. */
export const serviceUnavailable: Fault = { status: 503, code: 'ServiceUnavailable' }
