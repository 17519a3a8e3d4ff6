import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parse } from 'yaml'
import {
  BUILT_IN_LOCALITIES,
  CATEGORY_IDS,
  CATEGORY_LEXICON,
  DYNAMIC_SLOTS,
  FRONT_MATTER_KEYS,
  IMAGE_POOL,
  SHARED_LEXICON,
  countWords,
  createRandom,
  createRegistries,
  deriveSeed,
  generateCorpus,
  hashSeed,
  localityLabel,
  localityShortName,
  makeArticle,
  makeAuthors,
  renderArticleFile,
  slugSuffix,
  toSlug,
} from '../../../scripts/corpus/index.ts'

const test = suite('corpus/generate-corpus')

const tmpRoot = fileURLToPath(new URL('../../../.cache/test-tmp/', import.meta.url))
const runDir = path.join(tmpRoot, `generate-corpus-${process.pid}`)
const dirA = path.join(runDir, 'a')
const dirB = path.join(runDir, 'b')
const dirC = path.join(runDir, 'c')
const ARTICLES = 30

/** Lists files under `dir` recursively, as sorted paths relative to it. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}

/** Splits a generated article into parsed front matter and body. */
function splitArticle(text: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(text)
  if (!match) throw new Error('no front matter')
  const data: unknown = parse(match[1] ?? '')
  assert.type(data, 'object')
  return { data: data as Record<string, unknown>, body: match[2] ?? '' }
}

test.before(async () => {
  await mkdir(runDir, { recursive: true })
  await generateCorpus({ articles: ARTICLES, out: dirA, seed: 'corpus-test' })
  await generateCorpus({ articles: ARTICLES, out: dirB, seed: 'corpus-test' })
})

test.after(async () => {
  await rm(runDir, { recursive: true, force: true })
})

test('should write site.yml, registries, media and exactly N articles', async () => {
  const files = await listFiles(dirA)
  const articles = files.filter((file) => file.endsWith('.md'))
  assert.is(articles.length, ARTICLES)
  for (const file of articles) assert.match(file, /^articles\/\d{4}\/\d{2}\/[a-z0-9-]+\.md$/)
  for (const file of ['site.yml', 'localities.yml', 'authors.yml', ...IMAGE_POOL.map((name) => `media/${name}`)]) {
    assert.ok(files.includes(file), `missing ${file}`)
  }
  const site = parse(await readFile(path.join(dirA, 'site.yml'), 'utf8')) as Record<string, unknown>
  assert.is(site['title'], 'Tin Xứ Thanh (corpus)')
  assert.is(site['timeZone'], 'Asia/Ho_Chi_Minh')
  assert.equal(site['embedHosts'], ['www.youtube-nocookie.com'])
})

test('should write front matter that parses and refers only to registered localities, authors and media', async () => {
  const localities = parse(await readFile(path.join(dirA, 'localities.yml'), 'utf8')) as { id: string }[]
  const authors = parse(await readFile(path.join(dirA, 'authors.yml'), 'utf8')) as { id: string; name: string }[]
  const localityIds = new Set(localities.map((locality) => locality.id))
  const authorIds = new Set(authors.map((author) => author.id))
  assert.is(authorIds.size, authors.length, 'author ids are unique')
  const media = new Set(await readdir(path.join(dirA, 'media')))
  const files = (await listFiles(dirA)).filter((file) => file.endsWith('.md'))
  const slugs = new Set<string>()

  for (const file of files) {
    const { data, body } = splitArticle(await readFile(path.join(dirA, file), 'utf8'))
    for (const key of Object.keys(data)) assert.ok(FRONT_MATTER_KEYS.includes(key), `${file}: unexpected key ${key}`)
    assert.type(data['title'], 'string')
    assert.type(data['summary'], 'string')
    const date = String(data['date'])
    assert.match(date, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    assert.ok(date >= '2006-01-01' && date <= '2025-12-31 23:59', `${file}: date ${date} out of range`)
    assert.ok(file.startsWith(`articles/${date.slice(0, 4)}/${date.slice(5, 7)}/`), `${file}: folder does not match ${date}`)
    assert.ok(localityIds.has(String(data['locality'])), `${file}: unknown locality`)
    assert.ok(CATEGORY_IDS.includes(data['category'] as (typeof CATEGORY_IDS)[number]), `${file}: unknown category`)

    const ids = data['author'] !== undefined ? [data['author']] : (data['authors'] as unknown[])
    assert.ok(Array.isArray(ids) && ids.length >= 1 && ids.length <= 2, `${file}: 1–2 authors`)
    assert.ok((data['author'] === undefined) !== (data['authors'] === undefined), `${file}: author xor authors`)
    for (const id of ids) assert.ok(authorIds.has(String(id)), `${file}: unknown author ${String(id)}`)

    const tags = data['tags'] as string[]
    assert.ok(tags.length >= 1 && tags.length <= 4 && new Set(tags).size === tags.length, `${file}: 1–4 distinct tags`)

    const images = data['images'] as { src: string; alt: string; caption: string; credit: string }[]
    assert.ok(images.length >= 1 && images.length <= 3, `${file}: 1–3 images`)
    for (const image of images) {
      assert.ok(media.has(image.src), `${file}: ${image.src} not in media/`)
      assert.ok(image.alt !== '' && image.caption !== '' && image.credit !== '', `${file}: image text`)
      assert.is(body.split(`\n![](${image.src})\n`).length, 2, `${file}: ${image.src} placed exactly once`)
    }

    const slug = path.basename(file, '.md')
    assert.not.ok(slugs.has(slug), `${file}: duplicate slug`)
    slugs.add(slug)
  }
})

test('should produce byte-identical text files for the same seed', async () => {
  const files = (await listFiles(dirA)).filter((file) => !file.startsWith('media/'))
  assert.equal(
    files,
    (await listFiles(dirB)).filter((file) => !file.startsWith('media/'))
  )
  for (const file of files) {
    const [a, b] = await Promise.all([readFile(path.join(dirA, file)), readFile(path.join(dirB, file))])
    assert.ok(a.equals(b), `${file} differs between runs`)
  }
})

test('should give every article photographs of its own when asked, the text otherwise the same', async () => {
  const own = path.join(runDir, 'own')
  const result = await generateCorpus({ articles: 8, out: own, seed: 'corpus-test', ownPhotographs: true })
  const pool = path.join(runDir, 'pool')
  await generateCorpus({ articles: 8, out: pool, seed: 'corpus-test' })
  const articles = (await listFiles(own)).filter((file) => file.startsWith('articles/'))
  const media = new Set((await listFiles(own)).filter((file) => file.startsWith('media/')).map((file) => file.slice('media/'.length)))
  let photographs = 0
  for (const file of articles) {
    const text = await readFile(path.join(own, file), 'utf8')
    const slug = path.basename(file, '.md')
    const sources = (splitArticle(text).data['images'] as Array<{ src: string }>).map((image) => image.src)
    assert.ok(sources.length > 0)
    for (const [k, src] of sources.entries()) {
      assert.is(src, `${slug}-${k + 1}.jpg`, 'named after its article')
      assert.ok(media.has(src), `${src} is in media/`)
      assert.ok(text.includes(`![](${src})`), `${src} is placed in the body`)
    }
    photographs += sources.length
    // The same article as in the pool corpus, but for the file names.
    const pooled = await readFile(path.join(pool, file), 'utf8')
    assert.is(text.replace(new RegExp(`${slug}-\\d\\.jpg`, 'g'), 'x.jpg'), pooled.replace(/anh-\d\.jpg/g, 'x.jpg'))
  }
  assert.is(result.images, IMAGE_POOL.length + photographs)
})

test('should produce a different corpus for a different seed', async () => {
  await generateCorpus({ articles: ARTICLES, out: dirC, seed: 'another-seed' })
  const [a, c] = await Promise.all([listFiles(dirA), listFiles(dirC)])
  assert.not.equal(
    a.filter((file) => file.endsWith('.md')),
    c.filter((file) => file.endsWith('.md'))
  )
  const [authorsA, authorsC] = await Promise.all([readFile(path.join(dirA, 'authors.yml'), 'utf8'), readFile(path.join(dirC, 'authors.yml'), 'utf8')])
  assert.is.not(authorsA, authorsC)
})

test('should refuse a non-empty output folder unless forced, and then replace only its own entries', async () => {
  const dir = path.join(runDir, 'occupied')
  await mkdir(dir, { recursive: true })
  await writeFile(path.join(dir, 'keep.txt'), 'keep')
  try {
    await generateCorpus({ articles: 2, out: dir })
    assert.unreachable('should have thrown')
  } catch (error) {
    assert.instance(error, Error)
    assert.match((error as Error).message, /not empty/)
  }
  await generateCorpus({ articles: 3, out: dir, force: true, localities: false })
  await generateCorpus({ articles: 2, out: dir, force: true, localities: false })
  const files = await listFiles(dir)
  assert.is(files.filter((file) => file.endsWith('.md')).length, 2)
  assert.ok(files.includes('keep.txt'))
})

test('should fall back to the built-in localities when asked', async () => {
  const dir = path.join(runDir, 'built-in')
  const result = await generateCorpus({ articles: 5, out: dir, localities: false })
  assert.is(result.localitiesSource, 'built-in')
  const localities = parse(await readFile(path.join(dir, 'localities.yml'), 'utf8')) as unknown[]
  assert.is(localities.length, BUILT_IN_LOCALITIES.length)
})

test('should keep bodies between 300 and 1,200 words and place headings, lists and images', () => {
  const registries = createRegistries(BUILT_IN_LOCALITIES, makeAuthors(createRandom(1), 40))
  const seed = hashSeed('words')
  let withHeadings = 0
  let withLists = 0
  let withAliases = 0
  let singleAuthor = 0
  let onRoot = 0
  const total = 1000
  for (let index = 0; index < total; index++) {
    const article = makeArticle(index, createRandom(deriveSeed(seed, index)), registries)
    const prose = article.body
      .split('\n')
      .filter((line) => !line.startsWith('!['))
      .map((line) => line.replace(/^(##|-) /, ''))
      .join('\n')
    const words = countWords(prose)
    assert.ok(words >= 300 && words <= 1200, `article ${index}: ${words} words`)
    if (/^## /m.test(article.body)) withHeadings++
    if (/^- /m.test(article.body)) withLists++
    if (article.frontMatter.aliases) withAliases++
    if (article.frontMatter.author !== undefined) singleAuthor++
    if (article.frontMatter.locality === registries.root.id) onRoot++
  }
  assert.ok(withHeadings > total * 0.35 && withHeadings < total * 0.6, `headings in ${withHeadings}`)
  assert.ok(withLists > total * 0.1 && withLists < total * 0.3, `lists in ${withLists}`)
  assert.ok(withAliases > 0 && withAliases < total * 0.05, `aliases in ${withAliases}`)
  assert.ok(singleAuthor > total * 0.2 && singleAuthor < total * 0.4, `author in ${singleAuthor}`)
  assert.ok(onRoot > total * 0.02 && onRoot < total * 0.09, `root locality in ${onRoot}`)
})

test('should render front matter that round-trips through the yaml parser', () => {
  const registries = createRegistries(BUILT_IN_LOCALITIES, makeAuthors(createRandom(2), 40))
  for (let index = 0; index < 200; index++) {
    const article = makeArticle(index, createRandom(deriveSeed(hashSeed('yaml'), index)), registries)
    const { data, body } = splitArticle(renderArticleFile(article))
    assert.equal(data, JSON.parse(JSON.stringify(article.frontMatter)))
    assert.is(body, article.body)
  }
  const tricky = { ...makeArticle(0, createRandom(1), registries), body: 'x\n' }
  tricky.frontMatter = { ...tricky.frontMatter, title: 'Nga Sơn: "ra quân" #1 - a: b\\c \t\u0007 ‘x’', summary: 'yes' }
  assert.equal(splitArticle(renderArticleFile(tricky)).data, JSON.parse(JSON.stringify(tricky.frontMatter)))
})

test('should resolve every template slot from the lexicons or the generator', () => {
  const slotPattern = /\{(\w+)\}/g
  for (const category of CATEGORY_IDS) {
    const lexicon = CATEGORY_LEXICON[category]
    for (const phrases of [...Object.values(SHARED_LEXICON), ...Object.values(lexicon)]) {
      for (const phrase of phrases) {
        for (const [, slot = ''] of phrase.matchAll(slotPattern)) {
          const known = DYNAMIC_SLOTS.has(slot) || slot in SHARED_LEXICON || slot in lexicon
          assert.ok(known, `${category}: unknown slot {${slot}} in "${phrase}"`)
        }
      }
    }
    for (const key of ['title', 'catOrg', 'action', 'topic', 'alt']) assert.ok(lexicon[key]?.length, `${category}: no ${key}`)
  }
})

test('should fold Vietnamese to ASCII slugs and name localities naturally', () => {
  assert.is(toSlug('Đường Hồ Chí Minh qua Thanh Hóa: “mở” lối!'), 'duong-ho-chi-minh-qua-thanh-hoa-mo-loi')
  assert.is(toSlug('Nguyễn Thị Thúy Hằng'), 'nguyen-thi-thuy-hang')
  assert.is(localityLabel({ id: 'x', name: 'Phường Điện Biên', kind: 'phường' }), 'phường Điện Biên')
  assert.is(localityLabel({ id: 'x', name: 'TP. Sầm Sơn', kind: 'thành phố' }), 'thành phố Sầm Sơn')
  assert.is(localityShortName({ id: 'x', name: 'Sầm Sơn', kind: 'thành phố' }), 'TP. Sầm Sơn')
  assert.is(localityShortName({ id: 'x', name: 'Huyện Nga Sơn', kind: 'huyện' }), 'Nga Sơn')
  const suffixes = new Set(Array.from({ length: 100_000 }, (_unused, index) => slugSuffix(index)))
  assert.is(suffixes.size, 100_000)
})

test.run()
