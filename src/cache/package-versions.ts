import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** What identifies an installed package, and what it needs. */
interface PackageEntry {
  version?: string
  integrity?: string
  link?: boolean
  resolved?: string
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
}

/** Finds the package installed at a `node_modules/…` location, if any. */
type Lookup = (location: string) => PackageEntry | undefined

/**
 * The exact versions of some packages and of everything they depend on, as one sorted line per
 * package (`location@version integrity`). Read from package-lock.json's `packages` map, resolved
 * the way Node resolves nested `node_modules`; without a lockfile, from the installed package.json
 * files. A bump of a package outside this closure leaves the lines unchanged.
 *
 * @param root The repository root (holding package-lock.json and node_modules).
 * @param names Packages imported by our code.
 */
export function packageVersions(root: string, names: readonly string[]): string[] {
  const lookup = lockfileLookup(root) ?? installedLookup(root)
  const seen = new Map<string, PackageEntry>()
  const queue: string[] = []
  const visit = (from: string, name: string): void => {
    const location = resolveFrom(from, name, lookup)
    if (location === undefined || seen.has(location)) return
    seen.set(location, lookup(location) as PackageEntry)
    queue.push(location)
  }
  for (const name of names) visit('', name)
  while (queue.length > 0) {
    const location = queue.pop() as string
    const entry = seen.get(location) as PackageEntry
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies })) visit(location, name)
  }
  return [...seen].map(([location, entry]) => `${location}@${entry.version ?? '?'} ${entry.integrity ?? ''}`).sort()
}

/** Node's lookup: `<from>/node_modules/<name>`, then each enclosing package's, then the root's. */
function resolveFrom(from: string, name: string, lookup: Lookup): string | undefined {
  let base = from
  for (;;) {
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`
    const entry = lookup(candidate)
    if (entry) return entry.link === true && entry.resolved !== undefined ? entry.resolved : candidate
    if (base === '') return undefined
    const cut = base.lastIndexOf('/node_modules/')
    base = cut === -1 ? '' : base.slice(0, cut)
  }
}

function lockfileLookup(root: string): Lookup | undefined {
  let packages: Record<string, PackageEntry> | undefined
  try {
    packages = (JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages?: Record<string, PackageEntry> }).packages
  } catch {
    return undefined
  }
  return packages === undefined ? undefined : (location) => packages[location]
}

function installedLookup(root: string): Lookup {
  return (location) => {
    try {
      return JSON.parse(readFileSync(join(root, location, 'package.json'), 'utf8')) as PackageEntry
    } catch {
      return undefined
    }
  }
}
