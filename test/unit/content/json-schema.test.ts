import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parse } from 'yaml'
import { frontMatterKeys, loadRegistries, splitFrontMatter } from '../../../src/content/index.ts'
import { contentJsonSchemas, type JsonSchema } from '../../../src/content/json-schema.ts'
import { fixtureSite, root } from '../../helpers/fixtures.ts'

const test = suite('contentJsonSchemas')

async function markdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.md')).map((entry) => join(entry.parentPath, entry.name))
}

type Property = JsonSchema & { enum?: string[]; anyOf?: Property[]; items?: Property }

/** The ids an `authors`-like property allows, from its string and its list branch. */
function allowedIds(property: Property | undefined): string[] | undefined {
  return property?.enum ?? property?.anyOf?.find((branch) => branch.enum)?.enum
}

for (const [name, contentDir] of [
  ['the fixture site', fixtureSite],
  ['the sample content', join(root, 'content')],
] as const) {
  test(`should accept the front matter of every article of ${name}`, async () => {
    const { registries } = await loadRegistries(contentDir)
    assert.ok(registries)
    const schema = contentJsonSchemas(registries)['front-matter.schema.json']
    const properties = schema['properties'] as Record<string, Property>
    assert.equal(
      allowedIds(properties['locality']),
      registries.localities.map((locality) => locality.id),
      'every locality id'
    )
    assert.equal(
      allowedIds(properties['authors']),
      registries.authors.map((author) => author.id)
    )
    assert.equal(
      allowedIds(properties['authors']?.anyOf?.[1]?.items),
      registries.authors.map((author) => author.id)
    )
    if (registries.categories)
      assert.equal(
        allowedIds(properties['category']),
        registries.categories.map((category) => category.id)
      )
    assert.equal(Object.keys(properties).sort(), [...frontMatterKeys].sort(), 'every front-matter key, no other')
    assert.equal(schema['required'], ['title', 'date', 'locality'])
    const files = await markdownFiles(join(contentDir, 'articles'))
    assert.ok(files.length > 0)
    for (const path of files.slice(0, 300)) {
      const split = splitFrontMatter(await readFile(path, 'utf8'))
      assert.ok(split, path)
      const data = parse(split.matter) as Record<string, unknown>
      for (const key of Object.keys(data)) assert.ok(key in properties, `${path}: ${key}`)
      for (const key of schema['required'] as string[]) assert.ok(key in data, `${path}: ${key}`)
      assert.ok(allowedIds(properties['locality'])?.includes(String(data['locality'])), `${path}: locality`)
      const authors = data['authors'] ?? data['author']
      for (const author of [authors].flat()) assert.ok(allowedIds(properties['authors'])?.includes(String(author)), `${path}: ${String(author)}`)
      if (data['category'] !== undefined) assert.ok(allowedIds(properties['category'])?.includes(String(data['category'])), `${path}: category`)
    }
  })
}

test('should describe every field and require what each registry requires', async () => {
  const { registries } = await loadRegistries(fixtureSite)
  assert.ok(registries)
  const schemas = contentJsonSchemas(registries)
  assert.equal(Object.keys(schemas).sort(), [
    'authors.schema.json',
    'categories.schema.json',
    'front-matter.schema.json',
    'localities.schema.json',
    'site.schema.json',
  ])
  for (const [name, schema] of Object.entries(schemas)) {
    assert.is(schema['$schema'], 'http://json-schema.org/draft-07/schema#', name)
    const object = (schema['type'] === 'array' ? schema['items'] : schema) as JsonSchema
    for (const [key, property] of Object.entries(object['properties'] as Record<string, JsonSchema>)) {
      assert.type(property['description'], 'string', `${name}: ${key}`)
    }
  }
  assert.equal((schemas['localities.schema.json']['items'] as JsonSchema)['required'], ['id', 'name', 'kind'])
  assert.equal(schemas['site.schema.json']['required'], ['title', 'baseUrl', 'publisher'])
  const kind = ((schemas['localities.schema.json']['items'] as JsonSchema)['properties'] as Record<string, Property>)['kind']
  assert.ok(kind?.enum?.includes('phường'))
})

test.run()
