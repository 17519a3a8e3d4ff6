import { spawn, type ChildProcess } from 'node:child_process'
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parse } from 'yaml'
import { loadRegistries } from '../../../src/content/index.ts'
import { writeCmsAdmin } from '../../../src/publish/index.ts'
import { exists, fixtureSite, removeDir, root, tempDir } from '../../helpers/fixtures.ts'
import { freePort } from '../../helpers/free-port.ts'
import { startWrangler } from '../../helpers/wrangler.ts'

// The docs' sign-in steps (docs/web-editor.md), followed as a newsroom would: the files they name exist, the Worker
// they deploy runs in Cloudflare's runtime (workerd, through `wrangler dev`) and signs in against a
// stand-in for GitHub at the callback URL they tell GitHub, the Node server they run does the same
// beside the site, and the site.yml they show gives the /admin/config.yml that points at the helper.
const test = suite('oauth helper README steps')
let section = ''
let work = ''
let github: Server | undefined
let githubUrl = ''
const children: ChildProcess[] = []

/** Starts a program detached (so its process group can be stopped) and waits until `probe` answers. */
async function startUntil(command: string[], options: { cwd: string; env: NodeJS.ProcessEnv }, probe: string): Promise<string> {
  let log = ''
  const child = spawn(process.execPath, command, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  for (let attempt = 0; attempt < 240 && child.exitCode === null; attempt++) {
    const up = await fetch(probe, { redirect: 'manual' }).then(
      () => true,
      () => false
    )
    if (up) return log
    await new Promise((done) => setTimeout(done, 250))
  }
  throw new Error(`${command.join(' ')} did not answer at ${probe}:\n${log}`)
}

/** Signs in through a helper: /auth, then /callback with GitHub's code and the state cookie. */
async function signIn(helper: string): Promise<{ redirectUri: string; page: string }> {
  const auth = await fetch(`${helper}/auth?provider=github&site_id=baothanhhoa.vn&scope=repo`, { redirect: 'manual' })
  assert.is(auth.status, 302)
  const location = new URL(auth.headers.get('location') ?? '')
  assert.is(`${location.origin}${location.pathname}`, `${githubUrl}/login/oauth/authorize`)
  const state = location.searchParams.get('state') ?? ''
  const cookie = (auth.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const callback = await fetch(`${helper}/callback?code=good-code&state=${state}`, { headers: { cookie } })
  assert.is(callback.status, 200)
  return { redirectUri: location.searchParams.get('redirect_uri') ?? '', page: await callback.text() }
}

const successMessage = 'authorization:github:success:{\\"token\\":\\"gho_readme\\",\\"provider\\":\\"github\\"}'

test.before(async () => {
  // The web editor's page of the docs, whole: its steps are what a newsroom follows.
  section = await readFile(join(root, 'docs', 'web-editor.md'), 'utf8')
  work = await tempDir('oauth-readme')
  github = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      const fields = JSON.parse(body || '{}') as Record<string, unknown>
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify(
          fields['code'] === 'good-code' && fields['client_secret'] === 'readme-secret' ? { access_token: 'gho_readme' } : { error: 'bad_verification_code' }
        )
      )
    })
  })
  await new Promise<void>((done) => github?.listen(0, '127.0.0.1', done))
  githubUrl = `http://127.0.0.1:${(github.address() as AddressInfo).port}`
})

test.after(async () => {
  for (const child of children) if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM')
  await new Promise((done) => github?.close(done))
  await removeDir(work)
})

test('should deploy a Worker that signs in at the callback URL step 2 gives GitHub, with the secrets step 3 sets', async () => {
  const deploy = /npx wrangler deploy (\S+) --name (\S+) --compatibility-date (\S+)/.exec(section)
  assert.ok(deploy, 'step 1 deploys with wrangler')
  const [, entry = '', name = '', date = ''] = deploy
  assert.ok(await exists(join(root, entry)), entry)
  assert.match(section, 'Authorization\n   callback URL `<helper URL>/callback`')
  const secrets = [...section.matchAll(/npx wrangler secret put (\w+) --name (\S+)/g)]
  assert.equal(
    secrets.map((match) => match[1]),
    ['GITHUB_CLIENT_ID', 'GITHUB_CLIENT_SECRET', 'ALLOWED_ORIGINS']
  )
  for (const match of secrets) assert.is(match[2], name)
  // Secrets are what `wrangler dev` reads from .dev.vars; GITHUB_URL points it at the stand-in.
  const cwd = join(work, 'worker')
  await mkdir(cwd, { recursive: true })
  await writeFile(
    join(cwd, '.dev.vars'),
    `GITHUB_CLIENT_ID=Iv1.readme\nGITHUB_CLIENT_SECRET=readme-secret\nALLOWED_ORIGINS=https://baothanhhoa.vn\nGITHUB_URL=${githubUrl}\n`
  )
  const worker = await startWrangler(
    (port) => ['dev', join(root, entry), '--compatibility-date', date, '--ip', '127.0.0.1', '--port', String(port), '--log-level=warn'],
    { cwd, env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', XDG_CONFIG_HOME: join(work, 'config') } }
  )
  const helper = worker.origin
  children.push(worker.child)
  const { redirectUri, page } = await signIn(helper)
  assert.is(redirectUri, `${helper}/callback`)
  assert.match(page, successMessage)
  assert.match(page, '"https://baothanhhoa.vn"')
})

test('should run the Node server of the README beside the site, at <site>/cms-oauth/callback', async () => {
  const command = /^(GITHUB_CLIENT_ID=\S+ GITHUB_CLIENT_SECRET=\S+ PUBLIC_URL=(\S+) PORT=\d+) node --import tsx (\S+)$/m.exec(section)
  assert.ok(command, 'the Node server command')
  const [, , publicUrl = '', script = ''] = command
  assert.ok(await exists(join(root, script)), script)
  assert.match(section, 'with the callback URL\n`<site>/cms-oauth/callback`')
  const port = await freePort()
  await startUntil(
    ['--import', 'tsx', join(root, script)],
    {
      cwd: root,
      env: {
        ...process.env,
        GITHUB_CLIENT_ID: 'Iv1.readme',
        GITHUB_CLIENT_SECRET: 'readme-secret',
        PUBLIC_URL: publicUrl,
        PORT: String(port),
        GITHUB_URL: githubUrl,
      },
    },
    `http://127.0.0.1:${port}/`
  )
  const { redirectUri, page } = await signIn(`http://127.0.0.1:${port}/cms-oauth`)
  assert.is(redirectUri, `${publicUrl}/cms-oauth/callback`)
  // No ALLOWED_ORIGINS: the token goes only to the site's own editor.
  assert.match(page, successMessage)
  assert.match(page, `["${publicUrl}"]`)
})

test("should write the /admin/config.yml that step 4's site.yml asks for, and the default beside the site", async () => {
  const yaml = /```yaml\n(cms:\n(?: {3}.*\n)+?)\s*```/.exec(section.replace(/^ {3}(?=cms:)/m, ''))?.[1] ?? ''
  const cms = (parse(yaml.replace(/^ {3}/gm, '  ')) as { cms: Record<string, string> }).cms
  assert.ok(cms['baseUrl']?.startsWith('https://'), yaml)
  const configFor = async (name: string, extra: string): Promise<Record<string, unknown>> => {
    const content = join(work, name, 'content')
    for (const file of ['site.yml', 'localities.yml', 'authors.yml', 'categories.yml']) await cp(join(fixtureSite, file), join(content, file))
    await writeFile(join(content, 'site.yml'), `${await readFile(join(content, 'site.yml'), 'utf8')}${extra}`)
    const { registries } = await loadRegistries(content)
    if (!registries) throw new Error('the registries do not load')
    await writeCmsAdmin(join(work, name, 'dist'), registries, { contentDir: content })
    return (parse(await readFile(join(work, name, 'dist', 'admin', 'config.yml'), 'utf8')) as { backend: Record<string, unknown> }).backend
  }
  assert.equal(
    await configFor(
      'step-4',
      `cms:\n${Object.entries(cms)
        .map(([key, value]) => `  ${key}: ${value}\n`)
        .join('')}`
    ),
    {
      name: 'github',
      repo: cms['repo'],
      branch: cms['branch'],
      base_url: cms['baseUrl'],
      auth_endpoint: 'auth',
    }
  )
  const { site } = (await loadRegistries(fixtureSite)).registries ?? { site: { baseUrl: '' } }
  const beside = await configFor('default', '')
  assert.equal([beside['name'], beside['base_url'], beside['auth_endpoint']], ['github', new URL(site.baseUrl).origin, 'cms-oauth/auth'])
})

test.run()
