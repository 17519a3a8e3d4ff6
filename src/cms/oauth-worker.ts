/**
 * The sign-in helper as a Cloudflare Worker: `npx wrangler deploy src/cms/oauth-worker.ts --name
 * toasoan-cms-oauth --compatibility-date 2025-01-01`, with the secrets `GITHUB_CLIENT_ID` and
 * `GITHUB_CLIENT_SECRET` and the variable `ALLOWED_ORIGINS` (see "The web editor" in docs/web-editor.md).
 */
import { createOAuthHandler, oauthSettingsFromEnv, type OAuthEnvironment } from './oauth-handler.ts'

/** The Worker: every request goes to the helper, its settings read from the Worker's environment. */
const worker = {
  /**
   * Answers one request.
   *
   * @param request The request.
   * @param env The Worker's variables and secrets.
   */
  fetch(request: Request, env: OAuthEnvironment): Promise<Response> | Response {
    const settings = oauthSettingsFromEnv(env)
    if ('missing' in settings) return new Response(`The helper is missing the secret(s) ${settings.missing.join(', ')}.\n`, { status: 500 })
    return createOAuthHandler(settings)(request)
  },
}

export default worker
