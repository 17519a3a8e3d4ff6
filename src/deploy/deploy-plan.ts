import type { FileManifest, ManifestEntry } from '../publish/index.ts'

/** What a deployed bucket holds, as the last deploy recorded it. */
export interface RemoteState {
  /** Files and their hashes; an empty hash means unknown (always uploaded again). */
  files: Record<string, ManifestEntry>
  /** Paths a deploy was writing or deleting when it stopped: their state is unknown. */
  pending: string[]
  /** The header rules the objects were uploaded with (see {@link planDeploy}). */
  rules: string
  /**
   * The key each page and output folder of the deployed build was made from (the output's
   * manifest's `keys`), recorded once every file is uploaded: a build given this state writes only
   * pages and folders whose key differs. Absent when an older deploy wrote the manifest.
   */
  keys?: Record<string, string>
}

/** An upload or a deletion, in the order it must happen. */
export interface DeployPlan {
  /** Files nothing links to by name, or linked by a fingerprinted name: assets, media, search data. */
  first: string[]
  /** Pages, feeds, sitemaps and search entries: uploaded once everything they link is there. */
  then: string[]
  /** Files the new output no longer has: deleted after the new manifest is stored. */
  deletes: string[]
  /** Bytes to upload. */
  bytes: number
}

const linking = /\.(html?|xml|json|txt)$/

/**
 * Plans a deploy: every file whose hash differs from the bucket's (or whose state is unknown, or
 * all files when the header rules changed), pages last, and deletions.
 *
 * @param local The build's manifest, limited to the files this target publishes.
 * @param remote What the bucket holds.
 * @param rules A digest of the Content-Type and Cache-Control rules.
 */
export function planDeploy(local: FileManifest, remote: RemoteState, rules: string): DeployPlan {
  const pending = new Set(remote.pending)
  const first: string[] = []
  const then: string[] = []
  let bytes = 0
  for (const [path, entry] of Object.entries(local.files)) {
    const known = remote.files[path]
    if (remote.rules === rules && !pending.has(path) && known !== undefined && known.hash !== '' && known.hash === entry.hash && known.size === entry.size)
      continue
    ;(linking.test(path) ? then : first).push(path)
    bytes += entry.size
  }
  const deletes = [...new Set([...Object.keys(remote.files), ...pending])].filter((path) => local.files[path] === undefined).sort()
  return { first, then, deletes, bytes }
}

/**
 * Formats a plan for `--dry-run` and the log.
 *
 * @param plan The plan.
 * @param list Also list every path (dry run).
 */
export function describePlan(plan: DeployPlan, list: boolean): string {
  const mb = (plan.bytes / 1024 / 1024).toFixed(1)
  const head = `${plan.first.length + plan.then.length} files to upload (${mb} MB: ${plan.first.length} assets and data, then ${plan.then.length} pages), ${plan.deletes.length} to delete`
  if (!list) return head
  return [
    head,
    ...plan.first.map((path) => `  upload ${path}`),
    ...plan.then.map((path) => `  upload ${path}`),
    ...plan.deletes.map((path) => `  delete ${path}`),
  ].join('\n')
}
