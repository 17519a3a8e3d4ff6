import { builtinModules } from 'node:module'
import { relative, resolve, sep } from 'node:path'
import { build, type Plugin } from 'esbuild'

/** The code an entry point runs: our modules (bundled) and the packages it imports (kept external). */
export interface ModuleGraph {
  /** Module files, relative to the root with `/`, sorted. */
  modules: string[]
  /** Names of the packages imported from those modules, sorted. */
  packages: string[]
}

const builtins = new Set(builtinModules)

/**
 * Follows every static import from some entry points with esbuild (nothing is written). Imports of
 * packages stay external and are recorded by name: their code is identified by their versions.
 * Type-only imports are left out, as they are when the code runs.
 *
 * @param root The repository root; entries and the result are relative to it.
 * @param entries Entry modules, relative to the root.
 */
export async function moduleGraph(root: string, entries: readonly string[]): Promise<ModuleGraph> {
  const packages = new Set<string>()
  const externals: Plugin = {
    name: 'record-packages',
    setup(context) {
      context.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('/')) return undefined
        const name = packageName(args.path)
        if (!args.path.startsWith('node:') && !builtins.has(name)) packages.add(name)
        return { path: args.path, external: true }
      })
    },
  }
  const result = await build({
    entryPoints: entries.map((entry) => resolve(root, entry)),
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    outdir: 'out',
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
    plugins: [externals],
  })
  // Metafile inputs are relative to absWorkingDir, with `/`.
  const modules = Object.keys(result.metafile.inputs).map((input) => relative(root, resolve(root, input)).split(sep).join('/'))
  return { modules: modules.sort(), packages: [...packages].sort() }
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/')
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/')
}
