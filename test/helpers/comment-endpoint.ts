import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One POST the endpoint received. */
export interface ReceivedComment {
  fields: Record<string, string>
  accept: string
}

/** A stand-in for Staticman or Formspree on 127.0.0.1: it records posts and can be told to fail. */
export interface CommentEndpoint {
  url: string
  received: ReceivedComment[]
  /** Status to answer with: 200 by default. */
  failWith: (status: number | undefined) => void
  close: () => Promise<void>
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = ''
  for await (const chunk of request) body += String(chunk)
  return body
}

/**
 * Starts the endpoint. A post asking for JSON gets JSON (with CORS headers, as the real services
 * send); a plain form post gets a 302 back to `options[redirect]`, as Staticman does.
 */
export async function startCommentEndpoint(): Promise<CommentEndpoint> {
  const received: ReceivedComment[] = []
  let failure: number | undefined
  const server = createServer(async (request, response) => {
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Accept, Content-Type' }
    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors).end()
      return
    }
    const fields = Object.fromEntries(new URLSearchParams(await readBody(request)))
    const accept = request.headers.accept ?? ''
    received.push({ fields, accept })
    if (failure !== undefined) {
      response.writeHead(failure, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify({ success: false }))
      return
    }
    if (accept.includes('application/json')) {
      response.writeHead(200, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify({ success: true }))
      return
    }
    response.writeHead(302, { Location: fields['options[redirect]'] ?? fields['_next'] ?? '/' }).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/v3/entry/toasoan`,
    received,
    failWith: (status) => {
      failure = status
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
