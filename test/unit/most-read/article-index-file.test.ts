import { execFileSync } from 'node:child_process'
import { cp, readFile, rename, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { articlePaths, loadContent } from '../../../src/content/index.ts'
import { indexArticles } from '../../../src/most-read/article-index.ts'
import { articleIndexPath, contentStamp, readArticleIndex, writeArticleIndex } from '../../../src/most-read/article-index-file.ts'
import { checkSite } from '../../../src/site/index.ts'
import { fixtureSite, removeDir, tempDir } from '../../helpers/fixtures.ts'
import { commitAll, gitIn } from '../../helpers/git.ts'

const test = suite('articleIndexFile')

let work = ''
let content = ''
let cache = ''

test.before.each(async () => {
  work = await tempDir('article-index')
  content = join(work, 'content')
  cache = join(work, 'cache')
  await cp(fixtureSite, content, { recursive: true })
})

test.after.each(async () => {
  await removeDir(work)
})

/**
 * Loads the content and writes its index, stamped before loading as the build does, from the same
 * listing of the articles as the loader's: `read` stamps as `toasoan most-read` does, listing them itself.
 */
async function writeIndex(): Promise<boolean> {
  const paths = articlePaths(content)
  const stamp = await contentStamp(content, undefined, paths)
  const { sources } = checkSite(await loadContent({ contentDir: content, articlePaths: paths }))
  if (!sources) throw new Error('the fixture site did not load')
  return writeArticleIndex(cache, content, stamp, () => indexArticles(sources, stamp))
}

async function read() {
  return readArticleIndex(cache, content, await contentStamp(content))
}

test('should read back the index written, and write it again only when the content changed', async () => {
  assert.equal(await read(), { miss: 'missing' })
  assert.is(await writeIndex(), true)
  const found = await read()
  assert.ok('index' in found)
  assert.ok(found.index.articles.some((article) => article.url === '/2019/10/hoi-nghi-lang-nghe/'))
  const bytes = await readFile(articleIndexPath(cache, content), 'utf8')
  assert.is(await writeIndex(), false)
  assert.is(await readFile(articleIndexPath(cache, content), 'utf8'), bytes)
})

test('should find the index stale when an article is edited, added or touched, or a registry changes', async () => {
  const article = join(content, 'articles', '2019', '10', 'hoi-nghi-lang-nghe.md')
  const changes: Array<[string, () => Promise<void>]> = [
    ['an edited title', async () => writeFile(article, (await readFile(article, 'utf8')).replace(/^title: .*$/m, 'title: "Một tiêu đề khác"'))],
    [
      'a new article',
      async () => writeFile(join(content, 'articles', '2019', '10', 'ban-sao.md'), (await readFile(article, 'utf8')).replace(/^aliases: .*\n/m, '')),
    ],
    ['a file touched', async () => utimes(article, new Date(), new Date(Date.now() - 60_000))],
    ['a place moved', async () => writeFile(join(content, 'localities.yml'), `${await readFile(join(content, 'localities.yml'), 'utf8')}\n`)],
  ]
  for (const [change, make] of changes) {
    assert.is(await writeIndex(), true, change)
    assert.ok('index' in (await read()), change)
    await make()
    assert.equal(await read(), { miss: 'stale' }, change)
  }
})

test("should keep the index across a fresh clone (every file's time and inode new, its bytes the same), and find it stale when an article's bytes change", async () => {
  const git = gitIn(content)
  commitAll(content, 'archive')
  assert.is(await writeIndex(), true)
  // A CI runner's checkout where the last one was.
  await rename(content, `${content}-origin`)
  execFileSync('git', ['clone', '-q', `${content}-origin`, content])
  assert.ok('index' in (await read()), 'the same bytes: the same stamp')
  assert.is(await writeIndex(), false)
  const article = join(content, 'articles', '2019', '10', 'hoi-nghi-lang-nghe.md')
  await writeFile(article, (await readFile(article, 'utf8')).replace(/^title: .*$/m, 'title: "Một tiêu đề khác"'))
  assert.equal(await read(), { miss: 'stale' }, 'edited, not committed')
  git('commit', '-q', '-am', 'edit')
  assert.equal(await read(), { miss: 'stale' }, 'edited and committed')
})

test('should not use an index cut short', async () => {
  await writeIndex()
  const path = articleIndexPath(cache, content)
  const text = await readFile(path, 'utf8')
  await writeFile(path, text.slice(0, text.length - 10))
  assert.equal(await read(), { miss: 'unreadable' })
})

test.run()
