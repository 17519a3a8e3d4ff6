import { cp, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadRegistries, type Registries } from '../../../src/content/index.ts'
import { frontMatterKeys, frontMatterSchema, imageSchema } from '../../../src/content/schema.ts'
import { formatProblems } from '../../../src/problems/index.ts'
import { cmsConfig, cmsFolderKeys, defaultOAuthPath, oauthEndpoint, type CmsField } from '../../../src/site/cms-config.ts'
import { fixtureSite, removeDir, tempDir } from '../../helpers/fixtures.ts'

const test = suite('cmsConfig')

async function fixtureRegistries(): Promise<Registries> {
  const { registries } = await loadRegistries(fixtureSite)
  if (!registries) throw new Error('the fixture registries do not load')
  return registries
}

function fieldsOf(registries: Registries): CmsField[] {
  return cmsConfig(registries).collections[0]?.fields ?? []
}

function field(fields: readonly CmsField[], name: string): CmsField {
  const found = fields.find((entry) => entry.name === name)
  if (!found) throw new Error(`no field "${name}"`)
  return found
}

/** Whether a schema accepts the key being absent. */
function optional(schema: { safeParse: (value: unknown) => { success: boolean } }): boolean {
  return schema.safeParse(undefined).success
}

test('should offer every locality, author and category by id, labelled with its name', async () => {
  const registries = await fixtureRegistries()
  const fields = fieldsOf(registries)
  const values = (name: string): string[] => (field(fields, name).options ?? []).map((option) => option.value)
  assert.equal(
    values('locality'),
    registries.localities.map((locality) => locality.id)
  )
  assert.equal(
    values('authors'),
    registries.authors.map((author) => author.id)
  )
  assert.equal(
    values('category'),
    (registries.categories ?? []).map((category) => category.id)
  )
  assert.ok(registries.localities.length > 0 && registries.authors.length > 0 && (registries.categories?.length ?? 0) > 0)
  for (const locality of registries.localities) {
    const label = field(fields, 'locality').options?.find((option) => option.value === locality.id)?.label ?? ''
    assert.ok(label.startsWith(`${locality.name} (${locality.kind}`), label)
  }
  assert.is(field(fields, 'authors').multiple, true)
})

test('should give every front-matter key a widget, required exactly when the schema requires it', async () => {
  const fields = fieldsOf(await fixtureRegistries())
  // `author` (one id) is the short form of `authors`, which the editor writes; `imported` is
  // written by `toasoan import`, never typed, and the admin script keeps it as it was on save.
  assert.equal(
    fields.map((entry) => entry.name).filter((name) => name !== 'body'),
    frontMatterKeys.filter((key) => key !== 'author' && key !== 'imported')
  )
  const shape = frontMatterSchema.shape as Record<string, { safeParse: (value: unknown) => { success: boolean } }>
  for (const entry of fields) {
    if (entry.name === 'body') continue
    // `authors` is optional in the schema only because `author` may stand for it.
    const required = entry.name === 'authors' ? true : !optional(shape[entry.name] as never)
    assert.is(entry.required, required, entry.name)
  }
  const images = field(fields, 'images').fields ?? []
  assert.equal(
    images.map((entry) => [entry.name, entry.required]),
    Object.entries(imageSchema.shape).map(([key, schema]) => [key, !optional(schema)])
  )
  assert.is(field(images, 'src').widget, 'image')
  assert.is(field(fields, 'body').required, true)
})

test('should write dates as the loader reads them and file articles under the year and month of their date', async () => {
  const registries = await fixtureRegistries()
  const config = cmsConfig(registries, { contentPath: 'content' })
  const fields = fieldsOf(registries)
  for (const name of ['date', 'updated']) assert.is(field(fields, name).format, 'YYYY-MM-DD HH:mm')
  const collection = config.collections[0]
  assert.is(collection?.folder, 'content/articles')
  assert.is(collection?.path, `{{${cmsFolderKeys.year}}}/{{${cmsFolderKeys.month}}}/{{slug}}`)
  assert.is(collection?.media_folder, '/content/media')
  assert.is(collection?.public_folder, '/media')
  assert.equal(config.slug, { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' })
  assert.is(config.media_folder, 'content/media')
  assert.is(config.public_folder, '/media')
})

test('should sign in with GitHub through the OAuth helper beside the site when site.yml names no backend', async () => {
  const registries = await fixtureRegistries()
  const config = cmsConfig(registries, { repo: 'baothanhhoa/archive' })
  assert.equal(config.backend, {
    name: 'github',
    repo: 'baothanhhoa/archive',
    branch: 'main',
    base_url: new URL(registries.site.baseUrl).origin,
    auth_endpoint: `${new URL(`${registries.site.baseUrl}${defaultOAuthPath}`).pathname.slice(1)}/auth`,
  })
  assert.is(config.local_backend, true)
  assert.not.ok('repo' in cmsConfig(registries).backend)
})

test('should use the repository, branch, OAuth helper and local backend of site.yml', async () => {
  const registries = await fixtureRegistries()
  const site = {
    ...registries.site,
    cms: {
      backend: 'github' as const,
      repo: 'baothanhhoa/archive',
      branch: 'xuat-ban',
      baseUrl: 'https://auth.example',
      localBackend: 'http://127.0.0.1:9000/api/v1',
      workflow: 'simple' as const,
    },
  }
  const config = cmsConfig({ ...registries, site }, { baseUrl: 'https://preview.example', repo: 'other/remote' })
  assert.equal(config.backend, { name: 'github', repo: 'baothanhhoa/archive', branch: 'xuat-ban', base_url: 'https://auth.example', auth_endpoint: 'auth' })
  assert.equal(config.local_backend, { url: 'http://127.0.0.1:9000/api/v1' })
  assert.is(config.site_url, 'https://preview.example')
  assert.not.ok('publish_mode' in config)
  assert.not.ok('local_backend' in cmsConfig({ ...registries, site: { ...site, cms: { ...site.cms, localBackend: false } } }))
})

test('should keep a helper path in auth_endpoint, since Decap takes the token only from the origin base_url', () => {
  assert.equal(oauthEndpoint('https://cms-auth.example.workers.dev'), { base_url: 'https://cms-auth.example.workers.dev', auth_endpoint: 'auth' })
  assert.equal(oauthEndpoint('https://baothanhhoa.vn/cms-oauth/'), { base_url: 'https://baothanhhoa.vn', auth_endpoint: 'cms-oauth/auth' })
})

test('should use git-gateway only when site.yml asks, and warn at cms.backend that Netlify Identity is deprecated', async () => {
  const dir = await tempDir('cms-config')
  try {
    await cp(fixtureSite, dir, { recursive: true })
    const siteYml = join(dir, 'site.yml')
    await writeFile(siteYml, `${await readFile(siteYml, 'utf8')}cms:\n  backend: git-gateway\n  workflow: editorial\n`)
    const { registries, files } = await loadRegistries(dir)
    if (!registries) throw new Error(formatProblems(files, dir))
    const config = cmsConfig(registries, { repo: 'baothanhhoa/archive' })
    assert.equal(config.backend, { name: 'git-gateway', branch: 'main' })
    assert.is(config.publish_mode, 'editorial_workflow')
    const messages = files.flatMap((file) => file.messages)
    const line = (await readFile(siteYml, 'utf8')).split('\n').indexOf('  backend: git-gateway') + 1
    assert.equal(
      messages.map((message) => [message.ruleId, message.fatal, message.line, message.column]),
      [['cms-git-gateway', false, line, 12]]
    )
    assert.match(messages[0]?.reason ?? '', /Netlify Identity/)
    assert.match(messages[0]?.note ?? '', /docs\/web-editor\.md/)
  } finally {
    await removeDir(dir)
  }
})

test('should open on the current month, newest first, then the newest earlier month and each year, never the whole archive', async () => {
  const registries = await fixtureRegistries()
  // 30 November 2026, 18:30 UTC: already 1 December in Vietnam.
  const now = Date.parse('2026-11-30T18:30:00Z')
  const months = ['2019/10', '2024/02', '2026/09', '2026/10', '2031/01']
  const all = cmsConfig(registries, { archive: { now, months } }).collections
  const collections = all.filter((collection) => collection.hide !== true)
  assert.equal(
    collections.map((collection) => [collection.name, collection.label, collection.folder, collection.path, collection.create]),
    [
      ['articles', 'Bài viết 12/2026', 'content/articles/2026/12', '{{slug}}', true],
      ['articles-2026-10', 'Bài viết 10/2026', 'content/articles/2026/10', '{{slug}}', true],
      ['articles-2031', 'Bài viết 2031', 'content/articles/2031', `{{${cmsFolderKeys.month}}}/{{slug}}`, false],
      ['articles-2026', 'Bài viết 2026', 'content/articles/2026', `{{${cmsFolderKeys.month}}}/{{slug}}`, false],
      ['articles-2024', 'Bài viết 2024', 'content/articles/2024', `{{${cmsFolderKeys.month}}}/{{slug}}`, false],
      ['articles-2019', 'Bài viết 2019', 'content/articles/2019', `{{${cmsFolderKeys.month}}}/{{slug}}`, false],
    ]
  )
  // Sorted on opening only where the list is a month: Decap loads a sorted collection whole.
  assert.equal(collections[0]?.sortable_fields, [{ field: 'date', default_sort: 'desc' }, 'title'])
  assert.equal(collections[2]?.sortable_fields, ['date', 'title'])
  assert.equal(collections[0]?.fields, cmsConfig(registries).collections[0]?.fields)
  // Every other month of the archive, newest first, out of the menu: the search box opens there.
  assert.equal(
    all.filter((collection) => collection.hide === true).map((collection) => [collection.name, collection.folder, collection.path, collection.create]),
    [
      ['articles-2026-09', 'content/articles/2026/09', '{{slug}}', false],
      ['articles-2024-02', 'content/articles/2024/02', '{{slug}}', false],
      ['articles-2019-10', 'content/articles/2019/10', '{{slug}}', false],
    ]
  )
  assert.equal(all.at(-1)?.sortable_fields, ['date', 'title'])
  // Images go to the current month's folder, so the media library lists one month's uploads.
  const config = cmsConfig(registries, { archive: { now, months } })
  assert.equal([config.media_folder, config.public_folder], ['content/media/2026/12', '/media/2026/12'])
  assert.equal([collections[2]?.media_folder, collections[2]?.public_folder], ['/content/media/2026/12', '/media/2026/12'])
  assert.equal(
    cmsConfig(registries, { archive: { now, months: [] } }).collections.map((collection) => collection.name),
    ['articles', 'articles-2026']
  )
})

test('should make a category a free id when the paper keeps no categories.yml', async () => {
  const { categories: _, ...registries } = await fixtureRegistries()
  const category = field(fieldsOf(registries), 'category')
  assert.is(category.widget, 'string')
  assert.ok(new RegExp(category.pattern?.[0] ?? '').test('an-ninh-trat-tu'))
})

test.run()
