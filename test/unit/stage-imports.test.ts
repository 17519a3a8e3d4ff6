import { readdir, readFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { root } from '../helpers/fixtures.ts'

// Imports flow one way through the stages (house style, habit 12): a module may import its own
// stage, an earlier one or the shared modules, never a later one. The order is that of import,
// which is not always that of running: Markdown bodies are rendered while the content loads (so
// `markdown` comes before `content`), and image planning names every file while loading and in
// figures, so `images` comes first (its processing, run at the end of a build, imports nothing
// later). Type-only imports count: a type is a dependency on a stage's model as much as a value.
const test = suite('stageImports')

/** Stages in import order: a module of one may import only those before it and itself. */
const stages = ['shared', 'images', 'markdown', 'content', 'site', 'render', 'search', 'publish', 'boxes', 'deploy', 'import', 'command'] as const
type Stage = (typeof stages)[number]

/** Where each file belongs; the first prefix that matches wins. A file in none fails the test. */
const stageOf: ReadonlyArray<readonly [prefix: string, stage: Stage]> = [
  // Infrastructure every stage may use.
  ['src/shared/', 'shared'],
  ['src/cache/', 'shared'],
  ['src/problems/', 'shared'],
  ['src/images/', 'images'],
  ['src/markdown/', 'markdown'],
  ['src/content/', 'content'],
  ['src/site/', 'site'],
  // The addresses of the "Đọc nhiều" and "Thời tiết" fragments: pages link them, the commands
  // write them; they import nothing.
  ['src/most-read/fragment-urls.ts', 'site'],
  ['src/weather/fragment-url.ts', 'site'],
  // Templates are the render stage's pages, fed by the site model.
  ['templates/', 'render'],
  ['src/render/', 'render'],
  ['src/search/', 'search'],
  ['src/publish/', 'publish'],
  // Fragments written into a built site after the build (most read, weather): they read the
  // content and the site model and update the output's manifest.
  ['src/most-read/', 'boxes'],
  ['src/weather/', 'boxes'],
  ['src/deploy/', 'deploy'],
  // Import turns an old archive into content: it reads the content stage's registries and schema,
  // and only the command line imports it (its own suite checks it uses nothing past content).
  ['src/import/', 'import'],
  // The pipeline (build, its shards) and the commands wire the stages together; nothing but a
  // command imports them.
  ['src/pipeline/', 'command'],
  ['src/cli/', 'command'],
  // The web editor's sign-in helper: a program of its own (a Worker, a Node server), importing no stage.
  ['src/cms/', 'command'],
]

/**
 * Backward imports not yet removed, `importer → imported`, each with the reason it is still
 * there. The test fails when one of them no longer exists, so the list only shrinks. Empty since
 * the content stage stopped computing URLs (issue 15 §2): an article's URL and the checks of the
 * site's addresses (duplicate URLs, aliases, newsroom pages) are the site's (`checkSite`), which
 * reports them at the places the content stage kept.
 */
const allowed: Record<string, string> = {}

const rank = (stage: Stage): number => stages.indexOf(stage)

function stageOfFile(file: string): Stage | undefined {
  return stageOf.find(([prefix]) => (prefix.endsWith('/') ? file.startsWith(prefix) : file === prefix))?.[1]
}

async function sourceFiles(): Promise<string[]> {
  const files: string[] = []
  for (const folder of ['src', 'templates']) {
    const entries = await readdir(join(root, folder), { recursive: true, withFileTypes: true })
    for (const entry of entries) {
      if (entry.isFile() && /\.tsx?$/.test(entry.name)) files.push(relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
    }
  }
  return files.sort()
}

/**
 * The relative specifiers a module imports statically: `import … from`, `import type … from`,
 * `export … from` and bare `import '…'` (packages are not stages, so they are skipped).
 *
 * @param text The module's source.
 */
function importedSpecifiers(text: string): string[] {
  const found: string[] = []
  for (const match of text.matchAll(/^[ \t]*(?:import|export)\b[^;'"`]*?\bfrom\s*(['"])(\.{1,2}\/[^'"]+)\1/gm)) found.push(match[2] as string)
  for (const match of text.matchAll(/^[ \t]*import\s*(['"])(\.{1,2}\/[^'"]+)\1/gm)) found.push(match[2] as string)
  return found
}

interface Edge {
  file: string
  imported: string
  from: Stage
  to: Stage
}

let edges: Edge[] = []
let unplaced: string[] = []

test.before(async () => {
  const files = await sourceFiles()
  unplaced = files.filter((file) => stageOfFile(file) === undefined)
  edges = []
  for (const file of files) {
    const from = stageOfFile(file)
    if (from === undefined) continue
    for (const specifier of importedSpecifiers(await readFile(join(root, file), 'utf8'))) {
      const imported = join(dirname(file), specifier).split('\\').join('/')
      const to = stageOfFile(imported)
      if (to === undefined) unplaced.push(`${imported} (imported by ${file})`)
      else edges.push({ file, imported, from, to })
    }
  }
})

test('should read the imports of every kind of module', () => {
  const text =
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the module text holds a template literal on purpose
    "import type { A } from './a.ts'\nimport {\n  b,\n  type C,\n} from '../b.ts'\nexport { d } from './d.ts'\nimport './e.ts'\nimport x from 'package'\nconst s = `import { f } from ${'./f.ts'}`\n"
  assert.equal(importedSpecifiers(text), ['./a.ts', '../b.ts', './d.ts', './e.ts'])
})

test('should place every module of src/ and templates/ in a stage', () => {
  assert.ok(edges.length > 200, `${edges.length} imports read`)
  assert.equal(unplaced, [], 'modules in no stage: add them to stageOf')
})

test('should import only from the same stage, an earlier one or the shared modules', () => {
  const backward = edges
    .filter((edge) => rank(edge.to) > rank(edge.from) && !(`${edge.file} → ${edge.imported}` in allowed))
    .map((edge) => `${edge.file} → ${edge.imported} (${edge.from} → ${edge.to})`)
  assert.equal(backward, [], `imports against the stages' order (${stages.join(' → ')})`)
})

test('should list in the allowlist only backward imports that still exist', () => {
  const present = new Set(edges.filter((edge) => rank(edge.to) > rank(edge.from)).map((edge) => `${edge.file} → ${edge.imported}`))
  assert.equal(
    Object.keys(allowed).filter((entry) => !present.has(entry)),
    [],
    'allowlisted imports that are gone or no longer backward: remove them from the list'
  )
})

test.run()
