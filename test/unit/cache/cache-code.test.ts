import { appendFile, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { cacheCode, hashCodeGraph, readCodeGraph, type CacheName, type CodeGraph } from '../../../src/cache/index.ts'
import { copyCode, replaceInFile } from '../../helpers/code-copy.ts'
import { removeDir } from '../../helpers/fixtures.ts'

// A cache is only as trustworthy as its key: every module the build runs must be in the key of
// each cache whose entries it can shape. These tests find the modules the way the build does
// (esbuild), never from a list of folders.
const test = suite('cacheCode')
const names = Object.keys(cacheCode) as CacheName[]
/**
 * Caches whose entries end up in the output (units only record which output folders to keep, and
 * the up-to-date record that the output is the one this code would write).
 */
const outputCaches = names.filter((name) => name !== 'units' && name !== 'output')

// Modules of the build that make no cached entry, each with the reason it needs no key.
const orchestration: Record<string, string> = {
  'src/pipeline/build.ts': 'wires the stages together; what each stage caches is made by the stage',
  'src/shared/task.ts': 'times steps and prints their lines',
  'src/pipeline/memory.ts': 'frees memory before Pagefind starts',
  'src/shared/operator-input.ts': 'reads --now and --base-url; their values reach every cached entry as data (the site model)',
  'src/publish/assets.ts': 'writes the stylesheet and scripts on every build; pages know them by a hash of their bytes',
  'src/publish/browser-bundle.ts':
    'bundles the browser scripts; pages know them by a hash of their bytes, and a process reuses a bundle only while its files keep their bytes',
  'src/publish/cms-admin.ts': 'writes the web editor (/admin/) afresh on every build: nothing of it is cached',
  'src/publish/file-manifest.ts': 'lists and hashes the output for deploys; its stamps only spare reading unchanged files again',
  'src/publish/file-stamps.ts': 'the stamps of the file manifest, each checked against the size and modification time of its file',
  'src/publish/units.ts': 'the units cache itself, keyed by the whole build (asserted below)',
  'src/publish/deployed.ts': "compares the build's keys with those the deploy target records; makes no entry",
  'src/problems/github-format.ts': 'prints problems as GitHub Actions annotations; makes no entry',
  'src/render/newsroom-pages.tsx': "renders the newsroom's pages on every build, never cached (with toasoan.config.ts, which no key could follow)",
  'src/render/user-config.ts': "loads toasoan.config.ts for the newsroom pages' run, which is never cached",
  'src/publish/check-output.ts': 'refuses an output folder before anything is written; makes no entry',
  'src/publish/output-lock.ts': "takes the output folder's lock for the build; makes no entry",
  'src/images/media-units.ts':
    'decides which image folders are carried over and hands the rest to processImages, whose code keys the encoded images; the folders are units, keyed by the whole build',
  'src/publish/enclosure-lengths.ts': "writes feed enclosures' sizes into the output after the images; the cached feeds keep length 0",
  'src/publish/interruption.ts': 'holds signals while the output is swapped',
  'src/publish/output.ts': 'the staging folder and the swap into place',
  'src/publish/remove-in-background.ts': 'removes the previous output after the swap',
  'src/pipeline/up-to-date.ts': 'the up-to-date record, keyed by the whole build and the web editor (asserted below)',
  'src/publish/output-identity.ts': 'stats the output for the up-to-date record; makes no entry',
  'src/shared/usage-error.ts': 'the error type of a refused --out; makes no entry',
  'src/problems/index.ts': 're-exports',
  'src/publish/index.ts': 're-exports',
  'src/render/index.ts': 're-exports',
  'src/search/index.ts': 're-exports',
  'src/search/title-index.ts':
    "writes the web editor's title index from the site model on every build; its folders are units, carried over by the units key (the whole build)",
  'templates/client/cms/title-format.ts':
    'how the title index folds words and encodes article lists, shared by its writer and the admin script; keyed as the index is',
}

let copy = ''
const graphs = new Map<CacheName, CodeGraph>()
let build: CodeGraph | undefined

test.before(async () => {
  copy = await copyCode()
  // Side by side: each graph is an esbuild run, and esbuild's service runs them in parallel.
  const read = await Promise.all(names.map((name) => readCodeGraph(cacheCode[name], copy)))
  for (const [index, name] of names.entries()) graphs.set(name, read[index] as CodeGraph)
  build = await readCodeGraph({ entries: ['src/pipeline/build.ts'] }, copy)
})

test.after(async () => {
  await removeDir(copy)
})

const holders = (module: string): CacheName[] => names.filter((name) => graphs.get(name)?.modules.includes(module))

test('should key every module of the build into an output cache, or list it as orchestration', () => {
  const ours = (build?.modules ?? []).filter((module) => module.startsWith('src/') || module.startsWith('templates/'))
  assert.ok(ours.length > 80, `the build's graph has ${ours.length} modules`)
  const unkeyed = ours.filter((module) => !outputCaches.some((name) => graphs.get(name)?.modules.includes(module)))
  assert.equal(unkeyed.sort(), Object.keys(orchestration).sort(), 'modules in no output cache’s key')
  // Units decide which output folders are moved over as they are: the whole build shapes those.
  for (const module of ours) assert.ok(graphs.get('units')?.modules.includes(module), `units key ${module}`)
  // An output up to date is one this very code would write, the web editor's script included.
  for (const module of [...ours, 'templates/client/cms/cms-admin.ts']) assert.ok(graphs.get('output')?.modules.includes(module), `output key ${module}`)
})

test('should key the issue’s example, the responsive sizes, into every cache whose entries show them, and no other', () => {
  for (const name of ['sources', 'markdown', 'pages'] as const) assert.ok(holders('src/images/image-sizes.ts').includes(name), name)
  // Markup only: a new `sizes` must not re-encode a million images.
  assert.not.ok(holders('src/images/image-sizes.ts').includes('images'), 'images')
  // Image planning names the files every page and body links.
  for (const name of ['sources', 'images', 'pages'] as const) assert.ok(holders('src/images/plan-image.ts').includes(name), name)
  assert.ok(graphs.get('pages')?.modules.includes('templates/assets/site.css'), 'the stylesheet pages link')
  assert.ok(graphs.get('pages')?.modules.includes('templates/client/search/run-search.ts'), 'a script bundled for pages')
})

test('should key how an article loads into the caches that show or index its body, and not the rest of the content stage', () => {
  // The digest a page is keyed by hashes an article's source, not the HTML its body became.
  for (const name of ['pages', 'search', 'routes'] as const) assert.ok(holders('src/content/load-articles.ts').includes(name), name)
  // Listing the content and asking git shape no page: a change there must not render the archive
  // again (imported through the content stage's index, they once keyed every page and bundle).
  for (const module of ['src/content/load.ts', 'src/content/git-index.ts', 'src/content/content-state.ts'])
    for (const name of ['pages', 'search', 'routes'] as const) assert.not.ok(holders(module).includes(name), `${name} keys ${module}`)
})

test('should change exactly the fingerprints whose graph holds a module when its bytes change', async () => {
  const modules = [...new Set([...graphs.values()].flatMap((graph) => graph.modules))].filter((module) => !module.startsWith('node_modules/'))
  const before = new Map<CacheName, string>()
  for (const name of names) before.set(name, await hashCodeGraph(graphs.get(name) as CodeGraph))
  const originals = new Map<string, Buffer>()
  for (const module of modules) originals.set(module, await readFile(join(copy, module)))
  const change = (module: string): Promise<void> => appendFile(join(copy, module), '\n/* changed */\n')
  const restore = (module: string): Promise<void> => writeFile(join(copy, module), originals.get(module) as Buffer)
  // Each module changed alone changes the fingerprint of every cache whose graph holds it…
  for (const module of modules) {
    await change(module)
    try {
      const after = await Promise.all(holders(module).map(async (name) => [name, await hashCodeGraph(graphs.get(name) as CodeGraph)] as const))
      for (const [name, fingerprint] of after) assert.is.not(fingerprint, before.get(name), `${name} after a change to ${module}`)
    } finally {
      await restore(module)
    }
  }
  // …and no other: every module outside a graph changed at once leaves its fingerprint as it was
  // (the same check as hashing every graph after each change, in a fraction of the reads).
  for (const name of names) {
    const outside = modules.filter((module) => !holders(module).includes(name))
    for (const module of outside) await change(module)
    try {
      assert.is(await hashCodeGraph(graphs.get(name) as CodeGraph), before.get(name), `${name} after a change to ${outside.length} modules outside its graph`)
    } finally {
      for (const module of outside) await restore(module)
    }
  }
})

test('should find a changed module again from scratch, with no graph kept', async () => {
  const fresh = async (name: CacheName): Promise<string> => hashCodeGraph(await readCodeGraph(cacheCode[name], copy))
  const before = new Map<CacheName, string>()
  for (const [index, key] of (await Promise.all(names.map(fresh))).entries()) before.set(names[index] as CacheName, key)
  const path = join(copy, 'src/images/image-sizes.ts')
  const original = await readFile(path, 'utf8')
  await replaceInFile(path, "'(min-width: 44rem) 42rem, calc(100vw - 2rem)'", "'(min-width: 50rem) 48rem, 100vw'")
  try {
    const after = await Promise.all(names.map(fresh))
    for (const [index, name] of names.entries()) assert.is(after[index] !== before.get(name), holders('src/images/image-sizes.ts').includes(name), name)
  } finally {
    await writeFile(path, original)
  }
})

test('should key the exact versions of the packages in a graph and their dependencies, not the whole lockfile', async () => {
  const lockfile = join(copy, 'package-lock.json')
  const original = await readFile(lockfile, 'utf8')
  const fresh = async (name: CacheName): Promise<string> => hashCodeGraph(await readCodeGraph(cacheCode[name], copy))
  const bump = async (location: string): Promise<void> => {
    const lock = JSON.parse(original) as { packages: Record<string, { version: string }> }
    const entry = lock.packages[location]
    if (!entry) throw new Error(`${location} is not in the lockfile`)
    entry.version = `${entry.version}-bumped`
    await writeFile(lockfile, JSON.stringify(lock))
  }
  const markdown = await fresh('markdown')
  const pages = await fresh('pages')
  try {
    // luxon formats dates on pages; the Markdown processor never imports it.
    await bump('node_modules/luxon')
    assert.is(await fresh('markdown'), markdown, 'a bump outside the Markdown graph')
    assert.is.not(await fresh('pages'), pages, 'pages use luxon')
    // micromark is not imported by our code, but remark-parse depends on it.
    await bump('node_modules/micromark')
    assert.is.not(await fresh('markdown'), markdown, 'a dependency of a dependency')
  } finally {
    await writeFile(lockfile, original)
  }
  assert.is(await fresh('markdown'), markdown)
})

test.run()
