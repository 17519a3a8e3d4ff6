import { execFileSync } from 'node:child_process'
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { runCommand } from '../../../src/cli/cli.ts'
import { startDecapServer, type DecapServer } from '../../../src/cli/cms.ts'
import { loadRegistries } from '../../../src/content/index.ts'
import { cmsConfig } from '../../../src/site/cms-config.ts'
import { exists, fixtureSite, removeDir, tempDir } from '../../helpers/fixtures.ts'
import { freePort } from '../../helpers/free-port.ts'

// The editorial workflow through decap-server in git mode (what `toasoan cms` runs when site.yml
// says `cms.workflow: editorial`), driven with the requests Decap's editor sends: a writer's save
// is a `cms/…` branch, main moves only when an editor publishes.
const test = suite('editorial workflow')
const slug = '2019/10/duong-lien-xa-o-hoang-hoa-ve-dich'
const path = `content/articles/${slug}.md`
const article = `---
title: "Đường liên xã ở Hoằng Hóa về đích"
date: 2019-10-24 09:15
authors:
  - "to-phuong"
locality: "tp-thanh-hoa"
summary: "Sáng 24-10, huyện Hoằng Hóa khánh thành đường liên xã."
---

Sáng 24-10, huyện Hoằng Hóa khánh thành đường liên xã dài 5 km.
`
let work = ''
let decap: DecapServer | undefined

const git = (...args: string[]): string => execFileSync('git', args, { cwd: work, encoding: 'utf8' }).trim()

/** One request of Decap's local backend API, as the editor sends it. */
async function call(action: string, params: Record<string, unknown>): Promise<unknown> {
  const response = await fetch(decap?.url ?? '', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action, params: { branch: 'main', ...params } }),
  })
  const answer: unknown = await response.json()
  assert.ok(response.ok, `${action}: ${response.status} ${JSON.stringify(answer)}`)
  return answer
}

test.before(async () => {
  work = await tempDir('editorial-workflow')
  for (const name of ['site.yml', 'localities.yml', 'authors.yml', 'categories.yml', 'media'])
    await cp(join(fixtureSite, name), join(work, 'content', name), { recursive: true })
  await mkdir(join(work, 'content', 'articles'), { recursive: true })
  const siteYml = join(work, 'content', 'site.yml')
  await writeFile(siteYml, `${await readFile(siteYml, 'utf8')}cms:\n  workflow: editorial\n`)
  git('init', '-q', '-b', 'main')
  git('config', 'user.name', 'Biên tập')
  git('config', 'user.email', 'bien-tap@example.org')
  git('add', '.')
  git('commit', '-q', '-m', 'Nội dung')
  decap = await startDecapServer({ repository: work, port: await freePort(), host: '127.0.0.1', quiet: true, mode: 'git' })
})

test.after(async () => {
  await decap?.close()
  await removeDir(work)
})

test('should turn on the editorial workflow only when site.yml asks', async () => {
  const { registries } = await loadRegistries(join(work, 'content'))
  if (!registries) throw new Error('the registries do not load')
  assert.is(cmsConfig(registries).publish_mode, 'editorial_workflow')
  assert.not.ok('publish_mode' in cmsConfig({ ...registries, site: { ...registries.site, cms: { ...registries.site.cms, workflow: 'simple' } } }))
  assert.equal((await call('info', {})) as Record<string, unknown>, {
    repo: work.split('/').pop(),
    publish_modes: ['simple', 'editorial_workflow'],
    type: 'local_git',
  })
})

test("should keep a writer's save on a cms/… branch, main unchanged, until an editor publishes it", async () => {
  const main = git('rev-parse', 'main')
  await call('persistEntry', {
    dataFiles: [{ slug, path, raw: article }],
    assets: [],
    options: { collectionName: 'articles', commitMessage: `Create Bài viết "${slug}"`, useWorkflow: true, status: 'draft' },
  })
  assert.is(git('rev-parse', 'main'), main)
  assert.is(git('branch', '--show-current'), 'main')
  assert.is(git('branch', '--list', 'cms/**', '--format=%(refname:short)'), `cms/articles/${slug}`)
  assert.is(git('show', `cms/articles/${slug}:${path}`), article.trim())
  assert.not.ok(await exists(join(work, path)), 'the draft is not in the checked-out content')
  assert.equal(await call('unpublishedEntries', {}), [`articles/${slug}`])

  // The editor moves it through review, then publishes.
  for (const newStatus of ['pending_review', 'pending_publish']) await call('updateUnpublishedEntryStatus', { collection: 'articles', slug, newStatus })
  const entry = (await call('unpublishedEntry', { collection: 'articles', slug })) as { status: string; diffs: Array<{ path: string }> }
  assert.is(entry.status, 'pending_publish')
  assert.equal(
    entry.diffs.map((diff) => diff.path),
    [path]
  )
  assert.is(git('rev-parse', 'main'), main)

  await call('publishUnpublishedEntry', { collection: 'articles', slug })
  assert.is.not(git('rev-parse', 'main'), main)
  assert.is(git('show', `main:${path}`), article.trim())
  assert.is(git('branch', '--list', 'cms/**'), '')
  assert.equal(await call('unpublishedEntries', {}), [])
  const printed: string[] = []
  const log = console.log
  console.log = (...line: unknown[]) => printed.push(line.join(' '))
  try {
    assert.is(await runCommand(['check', '--content', join(work, 'content')]), 0, printed.join('\n'))
  } finally {
    console.log = log
  }
  assert.match(printed.join('\n'), /0 errors/)
})

test.run()
