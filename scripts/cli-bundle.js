// The command's own code compiled ahead of running it: esbuild turns src/ and templates/ into
// JavaScript once per version of the sources, kept under the package's .cache/cli/. Run through
// tsx, every import of a build (thousands of modules, most of them Eleventy's and other
// packages') went through tsx's hooks on another thread: 3-5 s of every command's start. The
// packages stay outside the bundle and load as Node loads them; each command's stages stay in
// chunks of their own, loaded when the command runs them.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import module from 'node:module'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const bundles = join(root, '.cache', 'cli')
const compiled = join(root, '.cache', 'node-compile')

/**
 * Keeps V8's compiled code of the modules a command loads under `.cache/node-compile/` (Node 22.1
 * and later; nothing on Node 20): a command then starts without compiling the bundle and the
 * packages again (a no-op build of the fixture site: 0.78-0.91 s instead of 0.85-1.00 s on Node
 * 22.23). Node checks each entry against the source's bytes, so a stale entry is never used; the
 * folder is emptied with each new bundle (see {@link cliBundle}), whose chunks have new names.
 */
export function keepCompiledCode() {
  try {
    module.enableCompileCache?.(compiled)
  } catch {
    // A read-only install, or a Node that cannot: modules compile as before.
  }
}

/**
 * Packages loaded from node_modules as Node loads them: Eleventy (its engines and plugins are
 * imported by path at run time), native code or binaries (sharp, esbuild, pagefind, chokidar's
 * fsevents), packages that serve or copy their own files (decap-cms, decap-server, the dev server),
 * tsx (the workers' loader), and the S3 client, the one large package a single command (deploy)
 * loads.
 */
const external = ['@11ty/*', '@aws-sdk/*', 'chokidar', 'decap-cms', 'decap-server', 'esbuild', 'pagefind', 'sharp', 'tsx', 'tsx/*']

/**
 * npm's record of the installed packages (`node_modules/.package-lock.json`) in every folder Node
 * looks in from the package's root up: the bundled packages' code is part of the bundle, so an
 * `npm install` that changes any of them makes another bundle.
 */
function installedPackages() {
  const found = []
  for (let dir = root; ; dir = dirname(dir)) {
    const record = join(dir, 'node_modules', '.package-lock.json')
    if (existsSync(record)) found.push(record)
    if (dirname(dir) === dir) return found
  }
}

/** The files the bundle is made from, sorted: our TypeScript, and what shapes its compiling. */
function sources() {
  const files = ['package.json', 'tsconfig.json']
  for (const folder of ['src', 'templates']) {
    for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && /\.(ts|tsx|css|json)$/.test(entry.name)) files.push(relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    }
  }
  return files.sort()
}

/**
 * esbuild's plugin that gives each module its own `import.meta.url` (the source file's URL): the
 * code finds templates, assets and worker modules next to its source, wherever the bundle lies.
 */
const sourceUrls = {
  name: 'source-urls',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined
      const text = readFileSync(args.path, 'utf8').replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href))
      return { contents: text, loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts' }
    })
  },
}

/**
 * The compiled command for the current sources: its entry file, compiled first when missing.
 * Several processes may compile at once: each writes its own folder and renames it into place.
 *
 * @returns {Promise<string>} The path of the entry module.
 */
export async function cliBundle() {
  // esbuild's version from its package file: loading esbuild itself, only needed to compile, was
  // two thirds of this function's 80 ms at every command's start.
  const version = module.createRequire(import.meta.url)('esbuild/package.json').version
  const hash = createHash('sha256').update(`${version}\0${process.version}\0`)
  // This file's own options (what is bundled) and the installed packages shape the bundle too.
  for (const file of [...sources().map((name) => join(root, name)), fileURLToPath(import.meta.url), ...installedPackages()])
    hash
      .update(`${relative(root, file)}\0`)
      .update(readFileSync(file))
      .update('\0')
  const key = hash.digest('hex').slice(0, 16)
  const folder = join(bundles, key)
  const entry = join(folder, 'cli.js')
  if (existsSync(entry)) return entry
  const temporary = join(bundles, `${key}.${process.pid}.tmp`)
  const esbuild = await import('esbuild')
  await esbuild.build({
    entryPoints: { cli: join(root, 'src', 'cli', 'cli.ts') },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external,
    // Bundled CommonJS packages call `require` (for Node's own modules among others): an ES module
    // has none, so each chunk makes one.
    banner: { js: "import { createRequire as __toasoanRequire } from 'node:module'; const require = __toasoanRequire(import.meta.url);" },
    outdir: temporary,
    tsconfig: join(root, 'tsconfig.json'),
    plugins: [sourceUrls],
    logLevel: 'silent',
  })
  try {
    renameSync(temporary, folder)
  } catch {
    // Another process put the same bundle in place first.
    rmSync(temporary, { recursive: true, force: true })
  }
  // The compiled code of older bundles' chunks would stay forever: the next commands compile again.
  rmSync(compiled, { recursive: true, force: true })
  // Bundles of older sources, and folders killed runs left (an hour old: another process may
  // still run from a bundle, or be writing one).
  for (const name of readdirSync(bundles)) {
    const path = join(bundles, name)
    if (name !== key && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true })
  }
  return entry
}
