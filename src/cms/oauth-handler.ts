/**
 * The web editor's sign-in helper: Decap CMS's "external OAuth client" protocol for GitHub, as one
 * Web Fetch handler (`Request` → `Response`), so the same code runs as a Cloudflare Worker and,
 * through `oauth-server.ts`, as a small Node server. It keeps the OAuth app's secret, which a
 * static site cannot.
 *
 * `…/auth` sends the writer to GitHub with a random `state` (also set as a cookie); `…/callback`
 * checks that GitHub sent the same `state` back, exchanges the code for a token and answers with a
 * page that hands the token to the editor's window: it says `authorizing:github`, and only when
 * the editor answers from an allowed origin posts `authorization:github:success:{"token":…}`.
 */

/** Settings of {@link createOAuthHandler}. */
export interface OAuthSettings {
  /** The GitHub OAuth app's client id. */
  clientId: string
  /** The OAuth app's client secret. */
  clientSecret: string
  /**
   * Origins of the sites whose editor may receive a token, e.g. `https://baothanhhoa.vn`.
   * @default the helper's own origin (the helper beside the site, under `/cms-oauth`)
   */
  allowedOrigins?: readonly string[]
  /** Where GitHub is: its authorize page and token endpoint are under it. @default 'https://github.com' */
  githubUrl?: string
  /** The scope asked for: Decap needs `repo` to commit (`public_repo` for a public repository only). @default 'repo' */
  scope?: string
}

/** The helper's settings from its environment (Worker variables and secrets, or `process.env`). */
export interface OAuthEnvironment {
  GITHUB_CLIENT_ID?: string | undefined
  GITHUB_CLIENT_SECRET?: string | undefined
  /** Comma-separated origins, e.g. `https://baothanhhoa.vn,https://www.baothanhhoa.vn`. */
  ALLOWED_ORIGINS?: string | undefined
  GITHUB_URL?: string | undefined
  OAUTH_SCOPE?: string | undefined
}

const provider = 'github'
const stateCookie = 'toasoan_cms_oauth_state'

/**
 * Reads {@link OAuthSettings} from the environment.
 *
 * @param env The variables; `GITHUB_CLIENT_ID` and `GITHUB_CLIENT_SECRET` are required.
 * @returns The settings, or what is missing.
 */
export function oauthSettingsFromEnv(env: OAuthEnvironment): OAuthSettings | { missing: string[] } {
  const { GITHUB_CLIENT_ID: clientId, GITHUB_CLIENT_SECRET: clientSecret } = env
  if (!clientId || !clientSecret) return { missing: ['GITHUB_CLIENT_ID', 'GITHUB_CLIENT_SECRET'].filter((name) => !env[name as keyof OAuthEnvironment]) }
  const origins = (env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '')
  return {
    clientId,
    clientSecret,
    ...(origins.length === 0 ? {} : { allowedOrigins: origins.map((origin) => new URL(origin).origin) }),
    ...(env.GITHUB_URL ? { githubUrl: env.GITHUB_URL } : {}),
    ...(env.OAUTH_SCOPE ? { scope: env.OAUTH_SCOPE } : {}),
  }
}

/**
 * Makes the helper's request handler. It answers `<prefix>/auth` and `<prefix>/callback` for any
 * prefix, so it works on a host of its own and under a path of the site (`/cms-oauth/…`).
 *
 * @param settings The OAuth app and who may receive its tokens.
 */
export function createOAuthHandler(settings: OAuthSettings): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url)
    const route = /^(.*)\/(auth|callback)\/?$/.exec(url.pathname)
    if (request.method !== 'GET' || !route) return new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
    const prefix = route[1] ?? ''
    const callbackUrl = `${url.origin}${prefix}/callback`
    if (route[2] === 'auth') return redirectToGitHub(settings, url, prefix, callbackUrl)
    const allowed = settings.allowedOrigins ?? [url.origin]
    const sent = cookieValue(request.headers.get('cookie'), stateCookie)
    const state = url.searchParams.get('state')
    const code = url.searchParams.get('code')
    const clear = `${stateCookie}=; Path=${prefix || '/'}; Max-Age=0; HttpOnly; Secure; SameSite=Lax`
    if (!sent || !state || sent !== state)
      return handoff({ error: 'The sign-in expired or came from elsewhere (state mismatch): try again.' }, allowed, 403, clear)
    if (!code) return handoff({ error: url.searchParams.get('error_description') ?? 'GitHub sent no code.' }, allowed, 400, clear)
    const token = await exchangeCode(settings, code, callbackUrl)
    return 'token' in token ? handoff(token, allowed, 200, clear) : handoff(token, allowed, 502, clear)
  }
}

function redirectToGitHub(settings: OAuthSettings, url: URL, prefix: string, callbackUrl: string): Response {
  if ((url.searchParams.get('provider') ?? provider) !== provider)
    return new Response(`Only the ${provider} provider is served here.\n`, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  const state = randomState()
  const authorize = new URL('/login/oauth/authorize', settings.githubUrl ?? 'https://github.com')
  authorize.search = new URLSearchParams({ client_id: settings.clientId, redirect_uri: callbackUrl, scope: settings.scope ?? 'repo', state }).toString()
  return new Response(null, {
    status: 302,
    headers: {
      location: authorize.href,
      'set-cookie': `${stateCookie}=${state}; Path=${prefix || '/'}; Max-Age=600; HttpOnly; Secure; SameSite=Lax`,
      'cache-control': 'no-store',
    },
  })
}

/** Exchanges the code GitHub sent back for a token, at GitHub's token endpoint. */
async function exchangeCode(settings: OAuthSettings, code: string, callbackUrl: string): Promise<{ token: string } | { error: string }> {
  const endpoint = new URL('/login/oauth/access_token', settings.githubUrl ?? 'https://github.com')
  let answer: unknown
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'user-agent': 'toasoan-cms-oauth' },
      body: JSON.stringify({ client_id: settings.clientId, client_secret: settings.clientSecret, code, redirect_uri: callbackUrl }),
    })
    answer = await response.json()
  } catch (error) {
    return { error: `GitHub's token endpoint did not answer: ${error instanceof Error ? error.message : String(error)}` }
  }
  const fields = typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>) : {}
  if (typeof fields['access_token'] === 'string' && fields['access_token'] !== '') return { token: fields['access_token'] }
  const reason =
    typeof fields['error_description'] === 'string' ? fields['error_description'] : typeof fields['error'] === 'string' ? fields['error'] : 'no token'
  return { error: `GitHub refused the code: ${reason}` }
}

/**
 * The page that hands the outcome to the editor's window, in Decap's protocol: a handshake
 * (`authorizing:github`, to any origin: it carries nothing), then the outcome, posted only to the
 * origin that answered the handshake and only when it is allowed.
 *
 * @param outcome The token, or why there is none.
 * @param allowedOrigins Origins that may receive it.
 */
export function handoffPage(outcome: { token: string } | { error: string }, allowedOrigins: readonly string[]): string {
  const message =
    'token' in outcome
      ? `authorization:${provider}:success:${JSON.stringify({ token: outcome.token, provider })}`
      : `authorization:${provider}:error:${JSON.stringify({ message: outcome.error })}`
  // JSON in a script: "<" escaped so no value can close the element.
  const script = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c')
  return `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Đăng nhập</title></head>
<body>
<p>${'token' in outcome ? 'Đã đăng nhập; cửa sổ này sẽ tự đóng.' : 'Không đăng nhập được.'}</p>
<script>
(() => {
  const message = ${script(message)};
  const allowed = ${script(allowedOrigins)};
  if (!window.opener) return;
  window.addEventListener('message', (event) => {
    if (event.data !== ${script(`authorizing:${provider}`)} || !allowed.includes(event.origin)) return;
    window.opener.postMessage(message, event.origin);
  });
  window.opener.postMessage(${script(`authorizing:${provider}`)}, '*');
})();
</script>
</body>
</html>
`
}

function handoff(outcome: { token: string } | { error: string }, allowedOrigins: readonly string[], status: number, cookie: string): Response {
  return new Response(handoffPage(outcome, allowedOrigins), {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'set-cookie': cookie,
      // The page's own inline script only; nothing else loads or frames it.
      'content-security-policy': "default-src 'none'; script-src 'unsafe-inline'; frame-ancestors 'none'",
      'referrer-policy': 'no-referrer',
    },
  })
}

function randomState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}
