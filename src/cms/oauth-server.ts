import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { pathToFileURL } from 'node:url'
import { createOAuthHandler, oauthSettingsFromEnv, type OAuthSettings } from './oauth-handler.ts'

/**
 * Adapts a Web Fetch handler to `node:http`: the request becomes a `Request` (its URL from the
 * `Host` header, or `publicUrl` behind a proxy), the `Response` is written back.
 *
 * @param handler The handler.
 * @param publicUrl The origin the helper is reached at, when a proxy stands in front of it.
 */
export function toNodeListener(handler: (request: Request) => Promise<Response>, publicUrl?: string): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const origin = publicUrl === undefined ? `http://${req.headers.host ?? 'localhost'}` : new URL(publicUrl).origin
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (Array.isArray(value)) for (const item of value) headers.append(name, item)
      else if (value !== undefined) headers.set(name, value)
    }
    // The helper answers GET only: no body to read.
    const request = new Request(new URL(req.url ?? '/', origin), { method: req.method ?? 'GET', headers })
    handler(request).then(
      async (response) => {
        const head: Record<string, string | string[]> = {}
        response.headers.forEach((value, name) => {
          if (name !== 'set-cookie') head[name] = value
        })
        const cookies = response.headers.getSetCookie()
        if (cookies.length > 0) head['set-cookie'] = cookies
        res.writeHead(response.status, head)
        res.end(Buffer.from(await response.arrayBuffer()))
      },
      (error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
        res.end(`${error instanceof Error ? error.message : String(error)}\n`)
      }
    )
  }
}

/**
 * Starts the helper as a Node server.
 *
 * @param settings The OAuth app and who may receive its tokens.
 * @param options Where to listen, and the public URL when behind a proxy.
 * @returns The listening server.
 */
export function startOAuthServer(settings: OAuthSettings, options: { port: number; host?: string; publicUrl?: string }): Promise<Server> {
  const server = createServer(toNodeListener(createOAuthHandler(settings), options.publicUrl))
  return new Promise((done, fail) => {
    server.once('error', fail)
    server.listen(options.port, options.host ?? '127.0.0.1', () => done(server))
  })
}

// `node --import tsx src/cms/oauth-server.ts`: the helper for hosts without Workers, behind the
// site's reverse proxy (HTTPS there), configured like the Worker plus PORT, HOST and PUBLIC_URL.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const settings = oauthSettingsFromEnv(process.env)
  if ('missing' in settings) {
    console.error(`Set ${settings.missing.join(' and ')} (the GitHub OAuth app's), and ALLOWED_ORIGINS (the site's origin).`)
    process.exit(2)
  }
  const { PORT, HOST, PUBLIC_URL } = process.env
  const server = await startOAuthServer(settings, {
    port: Number(PORT ?? 8787),
    ...(HOST ? { host: HOST } : {}),
    ...(PUBLIC_URL ? { publicUrl: PUBLIC_URL } : {}),
  })
  console.log(`CMS sign-in helper on ${JSON.stringify(server.address())}`)
}
