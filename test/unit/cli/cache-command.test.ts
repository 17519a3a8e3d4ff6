import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { cacheKey } from '../../../src/cli/cache-command.ts'
import { setSiteKey } from '../../helpers/articles.ts'
import { contentWith, removeDir } from '../../helpers/fixtures.ts'

const test = suite('cache-command')

test('should key the cache by code and registries, not by articles', async () => {
  const content = await contentWith(undefined)
  try {
    const first = await cacheKey(content)
    assert.match(first.key ?? '', /^[0-9a-f]{16}$/)
    const withArticles = await contentWith(undefined, { keepSiteArticles: true })
    assert.is((await cacheKey(withArticles)).key, first.key, 'articles are keyed entry by entry, not here')
    await removeDir(withArticles)
    await setSiteKey(content, 'pageSize', '7')
    assert.is.not((await cacheKey(content)).key, first.key, 'a registry change makes the cache cold')
  } finally {
    await removeDir(content)
  }
})

test('should report broken registries instead of a key', async () => {
  const content = await contentWith(undefined)
  try {
    await setSiteKey(content, 'pageSize', 'nhiều')
    const { key, files } = await cacheKey(content)
    assert.is(key, undefined)
    assert.ok(files.some((file) => file.messages.some((message) => message.fatal === true)))
  } finally {
    await removeDir(content)
  }
})

test.run()
