import type { RemoteState } from './deploy-plan.ts'
import { md5OfEtag, type ListedObject } from './s3-target.ts'

/** How a bucket differs from its manifest, by URL path. */
export interface Drift {
  /** Listed in the manifest, not in the bucket (deleted by hand). */
  missing: string[]
  /** In both, with another size or ETag (overwritten by hand). */
  changed: string[]
  /** In the bucket, not in the manifest (uploaded by hand). */
  extra: string[]
  /** Paths the manifest lists as pending: their state is unknown, the next deploy redoes them. */
  pending: number
}

/**
 * Compares a bucket's listing with its manifest. Pending paths are not compared: a deploy that
 * stopped left them unknown on purpose. A multipart ETag is not an MD5, so only the size counts.
 *
 * @param state The bucket's manifest.
 * @param listing The bucket's objects.
 */
export function findDrift(state: RemoteState, listing: ReadonlyMap<string, ListedObject>): Drift {
  const pending = new Set(state.pending)
  const drift: Drift = { missing: [], changed: [], extra: [], pending: pending.size }
  for (const [path, entry] of Object.entries(state.files)) {
    if (pending.has(path)) continue
    const object = listing.get(path)
    if (object === undefined) drift.missing.push(path)
    else if (object.size !== entry.size || (md5OfEtag(object.etag) !== '' && entry.hash !== '' && md5OfEtag(object.etag) !== entry.hash))
      drift.changed.push(path)
  }
  for (const path of listing.keys()) if (state.files[path] === undefined && !pending.has(path)) drift.extra.push(path)
  for (const list of [drift.missing, drift.changed, drift.extra]) list.sort()
  return drift
}

/** Whether a bucket differs from its manifest. */
export function hasDrift(drift: Drift): boolean {
  return drift.missing.length + drift.changed.length + drift.extra.length > 0
}

/**
 * Formats a drift for the log: one line per object, then what to do.
 *
 * @param drift The drift.
 * @param url The bucket and prefix (`s3://site/www/`).
 * @param repairing Whether `--repair` is fixing it.
 */
export function describeDrift(drift: Drift, url: string, repairing: boolean): string {
  const count = drift.missing.length + drift.changed.length + drift.extra.length
  const pending = drift.pending > 0 ? ` (${drift.pending} pending, left to the next deploy)` : ''
  if (count === 0) return `${url} matches its manifest${pending}.`
  return [
    `${url}: ${count} objects differ from the manifest the last deploy stored${pending}:`,
    ...drift.missing.map((path) => `  missing  ${path}`),
    ...drift.changed.map((path) => `  changed  ${path}`),
    ...drift.extra.map((path) => `  extra    ${path}`),
    repairing
      ? 'Repairing: missing and changed files are uploaded again, extra objects the build does not have are deleted.'
      : `  hint: Run the same deploy with --repair: it uploads the missing and changed files from the build, deletes the extra objects and rewrites the manifest.`,
  ].join('\n')
}

/**
 * The manifest corrected by the listing, for `--repair`: a missing object is forgotten (so it is
 * uploaded), a changed or extra one becomes unknown (uploaded again, or deleted when the build
 * does not have it). Without a readable manifest, the listing alone.
 *
 * @param state The bucket's manifest, if readable.
 * @param listing The bucket's objects.
 */
export function repairedState(state: RemoteState | undefined, listing: ReadonlyMap<string, ListedObject>): RemoteState {
  const files: RemoteState['files'] = {}
  if (state === undefined) {
    for (const [path, object] of listing) files[path] = { hash: md5OfEtag(object.etag), size: object.size }
    return { files, pending: [], rules: '' }
  }
  const drift = findDrift(state, listing)
  const unknown = new Set([...drift.changed, ...drift.extra])
  for (const [path, object] of listing) {
    const entry = state.files[path]
    files[path] = entry === undefined || unknown.has(path) ? { hash: '', size: object.size } : entry
  }
  return { files, pending: state.pending, rules: state.rules }
}
