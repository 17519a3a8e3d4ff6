import type { OutputUnit } from '../shared/output-unit.ts'
import { compare } from '../shared/compare.ts'
import type { FileManifest, KeyColumns, ManifestEntry } from './file-manifest.ts'

/**
 * What a deploy target serves, as its last deploy recorded it (read by `src/deploy`): each file's
 * hash, and the key each page and output folder was made from. A build given it
 * (`toasoan build --deployed s3://…`) writes only what the target lacks.
 */
export interface DeployedSite {
  /** The target, as `s3://bucket/prefix/`: that output deploys there and nowhere else. */
  target: string
  files: Record<string, ManifestEntry>
  /** Page files (`/2019/10/slug/index.html`) and output folders (`/pagefind/3/`) by the key they were made from. */
  keys: Record<string, string>
  /** Paths a stopped deploy was writing or deleting: not to be trusted. */
  pending: ReadonlySet<string>
}

/** How much of a key the manifest keeps: 128 bits tell versions apart, at half the bytes. */
const keyLength = 32

/**
 * The manifest's `keys`: every page file's and output folder's key, as columns in path order (the
 * manifest's own form: no object of 130,000 properties made at 100,000 articles only to be written).
 *
 * @param pages Page files by key (from the render stage).
 * @param units Output folders (months, search bundles, search routes).
 */
export function manifestKeys(pages: ReadonlyMap<string, string>, units: readonly OutputUnit[]): KeyColumns {
  const rows: Array<[string, string]> = [...pages].map(([path, key]) => [path, key.slice(0, keyLength)])
  for (const unit of units) rows.push([`/${unit.path}/`, unit.key.slice(0, keyLength)])
  rows.sort(([a], [b]) => compare(a, b))
  return { paths: rows.map(([path]) => path), values: rows.map(([, key]) => key) }
}

/** The questions a build asks of a deployed site. */
export interface DeployedChecks {
  /** Whether the target serves this file as its manifest says (not pending, hash known). */
  holds(path: string): boolean
  /** Whether the target serves this page as made from this key. */
  page(path: string, key: string): boolean
  /** Which of these output folders the target serves whole, as made from their keys. */
  units(units: readonly OutputUnit[]): Set<string>
}

/**
 * The checks of a deployed site: a file counts only when its deploy finished (not pending, hash
 * known), a folder only when no file under it is pending.
 *
 * @param site The deployed site.
 */
export function deployedChecks(site: DeployedSite): DeployedChecks {
  const pendingFolders = new Set<string>()
  for (const path of site.pending) for (let end = path.indexOf('/', 1); end !== -1; end = path.indexOf('/', end + 1)) pendingFolders.add(path.slice(0, end + 1))
  const holds = (path: string): boolean => {
    const entry = site.files[path]
    return entry !== undefined && entry.hash !== '' && !site.pending.has(path)
  }
  return {
    holds,
    page: (path, key) => site.keys[path] === key.slice(0, keyLength) && holds(path),
    units: (units) =>
      new Set(
        units.filter((unit) => site.keys[`/${unit.path}/`] === unit.key.slice(0, keyLength) && !pendingFolders.has(`/${unit.path}/`)).map((unit) => unit.path)
      ),
  }
}

/**
 * The manifest of an output that holds only what a target lacks: the files written, and the
 * target's entries for what it serves already (pages and images by path, output folders whole).
 * Written files equal to the target's are listed to be removed from the output: the deploy would
 * skip them, and the output then holds exactly what it uploads.
 *
 * @param fresh The manifest of the files this build wrote.
 * @param site The deployed site.
 * @param taken What the build took from the target instead of writing it.
 */
export function partialManifest(
  fresh: FileManifest,
  site: DeployedSite,
  taken: { paths: Iterable<string>; folders: readonly string[] }
): { manifest: FileManifest; unchanged: string[] } {
  const checks = deployedChecks(site)
  const files: Record<string, ManifestEntry> = {}
  for (const path of taken.paths) {
    const entry = site.files[path]
    if (entry !== undefined) files[path] = entry
  }
  const folders = new Set(taken.folders.map((folder) => `/${folder}/`))
  if (folders.size > 0)
    for (const path in site.files) {
      for (let end = path.indexOf('/', 1); end !== -1; end = path.indexOf('/', end + 1))
        if (folders.has(path.slice(0, end + 1))) {
          files[path] = site.files[path] as ManifestEntry
          break
        }
    }
  const unchanged: string[] = []
  for (const [path, entry] of Object.entries(fresh.files)) {
    files[path] = entry
    const served = site.files[path]
    if (checks.holds(path) && served?.hash === entry.hash && served.size === entry.size) unchanged.push(path)
  }
  const sorted: Record<string, ManifestEntry> = {}
  for (const path of Object.keys(files).sort()) sorted[path] = files[path] as ManifestEntry
  return { manifest: { version: 1, files: sorted, partial: { target: site.target } }, unchanged }
}
