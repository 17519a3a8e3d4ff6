import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { digest } from './digest.ts'
import { moduleGraph } from './module-graph.ts'
import { packageVersions } from './package-versions.ts'

/** The code behind a cache: entry modules, and files read at run time that no import names. */
export interface CodeSpec {
  /** Entry modules, relative to the repository root. */
  entries: readonly string[]
  /** Other files the code reads or bundles (a stylesheet), relative to the root. @default [] */
  files?: readonly string[]
}

/** Everything a {@link CodeSpec} runs, found but not yet hashed. */
export interface CodeGraph {
  root: string
  /** Our module files and the spec's extra files, relative to the root, sorted. */
  modules: string[]
  /** One line per package in the graph and its dependencies: location, version, integrity. */
  packages: string[]
}

/** The repository this code runs from. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Finds the code of a spec: its entries' module graph (esbuild), its extra files, and the exact
 * versions of the packages the graph imports together with their dependencies.
 *
 * @param spec Entry modules and extra files.
 * @param root The repository root. @default repoRoot
 */
export async function readCodeGraph(spec: CodeSpec, root: string = repoRoot): Promise<CodeGraph> {
  const graph = await moduleGraph(root, spec.entries)
  const modules = [...new Set([...graph.modules, ...(spec.files ?? [])])].sort()
  return { root, modules, packages: packageVersions(root, graph.packages) }
}

/**
 * Hashes a code graph: each module's path and bytes, then the package lines.
 *
 * @param graph From {@link readCodeGraph}.
 */
export async function hashCodeGraph(graph: CodeGraph): Promise<string> {
  const parts: Array<string | Uint8Array> = []
  for (const path of graph.modules) parts.push(path, await readFile(join(graph.root, path)))
  return digest(...parts, ...graph.packages)
}

const memo = new Map<string, Promise<string>>()

/**
 * The fingerprint of the code behind a cache, computed once per process and spec: the code does
 * not change while a build runs, and the graph takes tens of milliseconds to find.
 *
 * @param spec Entry modules and extra files.
 * @param root The repository root. @default repoRoot
 */
export function codeFingerprint(spec: CodeSpec, root: string = repoRoot): Promise<string> {
  const key = JSON.stringify([root, spec.entries, spec.files ?? []])
  let fingerprint = memo.get(key)
  if (fingerprint === undefined) {
    fingerprint = readCodeGraph(spec, root).then(hashCodeGraph)
    // A failure (a syntax error mid-edit under `serve`) must not stick for the whole process.
    fingerprint.catch(() => memo.delete(key))
    memo.set(key, fingerprint)
  }
  return fingerprint
}
