import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { cacheCode, moduleGraph, type ModuleGraph } from '../../src/cache/index.ts'
import { root } from '../helpers/fixtures.ts'

// What `npm ci --omit=dev` installs must be enough for the command: the product's code is found
// the way the caches find it (esbuild), from the command's entry.
const test = suite('packaging')

/**
 * The command's entry, plus what it runs without a static import: the loading and render workers
 * (started from a data: URL) and the browser scripts the publish stage bundles (the caches' entries).
 */
const entries = [
  'scripts/toasoan.js',
  'src/content/load-worker.ts',
  'src/render/render-worker.ts',
  ...new Set(Object.values(cacheCode).flatMap((spec) => spec.entries)),
]

let product: ModuleGraph = { modules: [], packages: [] }

test.before(async () => {
  product = await moduleGraph(root, entries)
})

test('should list every package the command imports in dependencies, not devDependencies', async () => {
  const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
  assert.ok(product.packages.includes('sharp'), 'the graph reaches the image stage')
  const missing = product.packages.filter((name) => !(name in manifest.dependencies))
  assert.equal(missing, [], 'imported by the command but not in dependencies')
})

test('should import nothing from the tools in scripts/', () => {
  const launcher = ['scripts/toasoan.js', 'scripts/local-tmp.js', 'scripts/cli-bundle.js']
  const outside = product.modules.filter((module) => !module.startsWith('src/') && !module.startsWith('templates/') && !launcher.includes(module))
  assert.equal(outside, [])
  assert.ok(product.modules.includes('src/pipeline/build.ts'))
})

test.run()
