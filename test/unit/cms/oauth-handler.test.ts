import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { runInNewContext } from 'node:vm'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createOAuthHandler, oauthSettingsFromEnv, type OAuthSettings } from '../../../src/cms/oauth-handler.ts'
import { startOAuthServer } from '../../../src/cms/oauth-server.ts'
import oauthWorker from '../../../src/cms/oauth-worker.ts'

// The sign-in helper over real HTTP (its node:http adapter), against a local server standing for
// GitHub's token endpoint; the page it answers with is run against a stand-in for the editor's window.
const test = suite('oauthHandler')
const site = 'https://baothanhhoa.vn'

let github: Server | undefined
let githubUrl = ''
const exchanges: Array<Record<string, unknown>> = []

test.before(async () => {
  github = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString()
    })
    req.on('end', () => {
      const fields = JSON.parse(body || '{}') as Record<string, unknown>
      exchanges.push({ path: req.url, accept: req.headers.accept, ...fields })
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify(
          fields['code'] === 'good-code' ? { access_token: 'gho_t0ken</script>', token_type: 'bearer', scope: 'repo' } : { error: 'bad_verification_code' }
        )
      )
    })
  })
  await new Promise<void>((done) => github?.listen(0, '127.0.0.1', done))
  githubUrl = `http://127.0.0.1:${(github.address() as AddressInfo).port}`
})

test.after(async () => {
  await new Promise((done) => github?.close(done))
})

const settings = (): OAuthSettings => ({ clientId: 'Iv1.client', clientSecret: 'secret!', allowedOrigins: [site], githubUrl })

/** Runs the helper's answer page with a stand-in for the popup's opener, answering the handshake from `origin`. */
function runPage(html: string, origin: string): Array<{ message: unknown; target: string }> {
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? ''
  const posted: Array<{ message: unknown; target: string }> = []
  const listeners: Array<(event: { data: unknown; origin: string }) => void> = []
  const window = {
    opener: { postMessage: (message: unknown, target: string) => posted.push({ message, target }) },
    addEventListener: (_type: string, listener: (event: { data: unknown; origin: string }) => void) => listeners.push(listener),
  }
  runInNewContext(script, { window })
  // Decap answers the handshake with the same message, from the editor's origin.
  for (const listener of listeners) listener({ data: 'authorizing:github', origin })
  return posted
}

async function signIn(base: string, code: string, tamper?: (state: string) => string): Promise<{ status: number; html: string; location: URL }> {
  const auth = await fetch(`${base}/auth?provider=github&site_id=baothanhhoa.vn&scope=repo`, { redirect: 'manual' })
  assert.is(auth.status, 302)
  const location = new URL(auth.headers.get('location') ?? '')
  const cookie = (auth.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const state = location.searchParams.get('state') ?? ''
  const callback = await fetch(`${base}/callback?code=${code}&state=${tamper ? tamper(state) : state}`, { headers: { cookie } })
  return { status: callback.status, html: await callback.text(), location }
}

test('should send the writer to GitHub with a random state, also kept in a cookie', async () => {
  const handler = createOAuthHandler(settings())
  const answers = await Promise.all([1, 2].map(() => handler(new Request(`${site}/cms-oauth/auth?provider=github&site_id=x&scope=repo`))))
  const locations = answers.map((answer) => new URL(answer.headers.get('location') ?? ''))
  for (const [index, answer] of answers.entries()) {
    const location = locations[index] as URL
    assert.is(answer.status, 302)
    assert.is(location.origin + location.pathname, `${githubUrl}/login/oauth/authorize`)
    assert.is(location.searchParams.get('client_id'), 'Iv1.client')
    assert.is(location.searchParams.get('redirect_uri'), `${site}/cms-oauth/callback`)
    assert.is(location.searchParams.get('scope'), 'repo')
    assert.match(location.searchParams.get('state') ?? '', /^[0-9a-f]{48}$/)
    const cookie = answer.headers.get('set-cookie') ?? ''
    assert.ok(cookie.startsWith(`toasoan_cms_oauth_state=${location.searchParams.get('state')};`), cookie)
    assert.match(cookie, /HttpOnly; Secure; SameSite=Lax/)
    assert.match(cookie, /Path=\/cms-oauth;/)
  }
  assert.is.not(locations[0]?.searchParams.get('state'), locations[1]?.searchParams.get('state'))
})

test('should exchange the code at the token endpoint and post the token only to an allowed editor, after the handshake', async () => {
  const server = await startOAuthServer(settings(), { port: 0 })
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cms-oauth`
    exchanges.length = 0
    const { status, html } = await signIn(base, 'good-code')
    assert.is(status, 200)
    assert.equal(exchanges, [
      {
        path: '/login/oauth/access_token',
        accept: 'application/json',
        client_id: 'Iv1.client',
        client_secret: 'secret!',
        code: 'good-code',
        redirect_uri: `${base}/callback`,
      },
    ])
    assert.not.match(html, 'gho_t0ken</script>')
    const posted = runPage(html, site)
    assert.equal(posted, [
      { message: 'authorizing:github', target: '*' },
      { message: 'authorization:github:success:{"token":"gho_t0ken</script>","provider":"github"}', target: site },
    ])
    assert.equal(runPage(html, 'https://ke-gian.example'), [{ message: 'authorizing:github', target: '*' }])
  } finally {
    await new Promise((done) => server.close(done))
  }
})

test('should refuse a state that does not match the cookie, without asking GitHub', async () => {
  const server = await startOAuthServer(settings(), { port: 0 })
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    exchanges.length = 0
    const { status, html } = await signIn(base, 'good-code', (state) => state.replace(/^./, (first) => (first === 'a' ? 'b' : 'a')))
    assert.is(status, 403)
    assert.equal(exchanges, [])
    const posted = runPage(html, site)
    assert.is(posted.length, 2)
    assert.match(String(posted[1]?.message), /^authorization:github:error:\{"message":".*state mismatch/)
    const noCookie = await fetch(`${base}/callback?code=good-code&state=abc`)
    assert.is(noCookie.status, 403)
  } finally {
    await new Promise((done) => server.close(done))
  }
})

test('should hand a refused code back to the editor as an error', async () => {
  const server = await startOAuthServer(settings(), { port: 0 })
  try {
    const { status, html } = await signIn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 'stale-code')
    assert.is(status, 502)
    assert.match(String(runPage(html, site)[1]?.message), /^authorization:github:error:\{"message":"GitHub refused the code: bad_verification_code"\}$/)
  } finally {
    await new Promise((done) => server.close(done))
  }
})

test('should allow only its own origin when no ALLOWED_ORIGINS is set, and name missing secrets', async () => {
  assert.equal(oauthSettingsFromEnv({ GITHUB_CLIENT_ID: 'id' }), { missing: ['GITHUB_CLIENT_SECRET'] })
  assert.equal(oauthSettingsFromEnv({ GITHUB_CLIENT_ID: 'id', GITHUB_CLIENT_SECRET: 's', ALLOWED_ORIGINS: 'https://a.vn/, https://b.vn' }), {
    clientId: 'id',
    clientSecret: 's',
    allowedOrigins: ['https://a.vn', 'https://b.vn'],
  })
  const { allowedOrigins: _, ...sameOrigin } = settings()
  const handler = createOAuthHandler(sameOrigin)
  const auth = await handler(new Request(`${site}/cms-oauth/auth?provider=github`))
  const state = new URL(auth.headers.get('location') ?? '').searchParams.get('state')
  const page = await handler(
    new Request(`${site}/cms-oauth/callback?code=good-code&state=${state}`, { headers: { cookie: `toasoan_cms_oauth_state=${state}` } })
  )
  assert.is(runPage(await page.text(), site).length, 2)
  assert.is((await handler(new Request(`${site}/cms-oauth/elsewhere`))).status, 404)
  assert.is((await handler(new Request(`${site}/auth?provider=gitlab`))).status, 400)
})

test('should run as a Worker, reading its secrets from the environment', async () => {
  const missing = await oauthWorker.fetch(new Request(`${site}/auth`), {})
  assert.is(missing.status, 500)
  const answer = await oauthWorker.fetch(new Request('https://auth.example.workers.dev/auth?provider=github'), {
    GITHUB_CLIENT_ID: 'id',
    GITHUB_CLIENT_SECRET: 's',
    ALLOWED_ORIGINS: site,
  })
  assert.is(answer.status, 302)
  assert.is(new URL(answer.headers.get('location') ?? '').searchParams.get('redirect_uri'), 'https://auth.example.workers.dev/callback')
})

test.run()
