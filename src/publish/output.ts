import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import type { Asset } from './assets.ts'
import { outputMarker, outputMarkerText } from './check-output.ts'
import { BuildInterrupted, isInterrupted, trackStaging } from './interruption.ts'
import { isRunning } from './output-lock.ts'
import { removeInBackground } from './remove-in-background.ts'
import { exists } from '../shared/files.ts'

/**
 * Creates an empty staging folder beside the output folder (same file system, so the final
 * rename is atomic), holding only the {@link outputMarker}. The build has cleaned up after earlier
 * builds of this output before (see {@link cleanLeftovers}).
 *
 * @param outDir The output folder, e.g. `dist`.
 */
export async function createStaging(outDir: string): Promise<string> {
  const out = resolve(outDir)
  const staging = siblingOf(out, 'staging', process.pid)
  await rm(staging, { recursive: true, force: true })
  await mkdir(staging, { recursive: true })
  trackStaging(staging, true)
  await writeFile(join(staging, outputMarker), outputMarkerText)
  return staging
}

/**
 * Cleans up after builds of this output that were killed or whose background deletion was cut
 * short: `.<out>.staging-<pid>` (a build stopped before publishing) is deleted;
 * `.<out>.old-<pid>` is the previous output of a build stopped between the two renames of
 * {@link swapIntoPlace}: it is put back when the output folder is missing, else deleted;
 * `.<out>.trash-<pid>` and `.<out>.trash-<pid>-spare` (a replaced output, a replaced spare) are
 * deleted. Folders of builds still running (their process is alive) are left alone.
 *
 * @param outDir The output folder.
 */
export async function cleanLeftovers(outDir: string): Promise<void> {
  const out = resolve(outDir)
  const prefix = `.${basename(out)}.`
  const entries = await readdir(dirname(out)).catch(() => [] as string[])
  const leftovers = entries.flatMap((entry) => {
    const match = entry.startsWith(prefix) ? /^(staging|old|trash)-(\d+)(?:-spare)?$/.exec(entry.slice(prefix.length)) : null
    const pid = Number(match?.[2])
    return match && (pid === process.pid || !isRunning(pid)) ? [{ path: join(dirname(out), entry), kind: match[1] }] : []
  })
  const old = leftovers.find((leftover) => leftover.kind === 'old')
  if (old && !(await exists(out))) {
    await rename(old.path, out)
    leftovers.splice(leftovers.indexOf(old), 1)
  }
  for (const leftover of leftovers) {
    // A killed build's staging folder is removed now (it is rare, and nothing should find it
    // after this build); replaced outputs can be large and go in the background, as after every build.
    if (leftover.kind === 'staging') await rm(leftover.path, { recursive: true, force: true, maxRetries: 5 }).catch(() => {})
    else removeInBackground(leftover.path)
  }
}

/** `.<out>.<kind>-<pid>` beside the output folder. */
function siblingOf(out: string, kind: 'staging' | 'old' | 'trash', pid: number): string {
  return join(dirname(out), `.${basename(out)}.${kind}-${pid}`)
}

/**
 * Writes fingerprinted assets into the staging folder.
 *
 * @param staging The staging folder.
 * @param assets Assets to write at their URLs.
 */
export async function writeAssets(staging: string, assets: readonly Asset[]): Promise<void> {
  for (const asset of assets) {
    const target = join(staging, asset.url)
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, asset.contents)
  }
}

/**
 * Replaces the output folder with the staging folder: two renames, so the old output stays
 * complete until the new one is in place, and a failed build never gets here. An interruption
 * (see `interruptBuild`) before the second rename puts the old output back and throws
 * {@link BuildInterrupted}; a process killed outright between the renames leaves
 * `.<out>.old-<pid>`, which the next build puts back (see {@link cleanLeftovers}).
 *
 * @param staging The finished staging folder.
 * @param outDir The output folder.
 */
export async function swapIntoPlace(staging: string, outDir: string, options: { keepSpare?: boolean } = {}): Promise<void> {
  const out = resolve(outDir)
  const old = siblingOf(out, 'old', process.pid)
  await rm(old, { recursive: true, force: true })
  if (isInterrupted()) throw new BuildInterrupted()
  let hadOld = true
  try {
    await rename(out, old)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    hadOld = false
  }
  try {
    if (isInterrupted()) throw new BuildInterrupted()
    await rename(staging, out)
  } catch (error) {
    if (hadOld) await rename(old, out)
    throw error
  }
  trackStaging(staging, false)
  if (!hadOld) return
  // Renamed first, so that `.old-` only ever exists between the two renames above. The spare
  // before it (what this build did not move out of it) goes in any case; the replaced output
  // becomes the spare, whose unchanged folders the next build moves instead of linking, unless
  // this output is partial (a build against a deployed site).
  const trash = siblingOf(out, 'trash', process.pid)
  await discard(spareOf(out), `${trash}-spare`)
  if (options.keepSpare) await rename(old, spareOf(out)).catch(() => removeInBackground(old))
  else await discard(old, trash)
}

/**
 * Deletes a folder in the background, renamed first to a trash name (`.<out>.trash-<pid>…`, which
 * the next build removes if this deletion is cut short) so its own name is free at once; a folder
 * that is missing is left alone.
 */
async function discard(dir: string, trash: string): Promise<void> {
  await rm(trash, { recursive: true, force: true })
  await rename(dir, trash).then(
    () => removeInBackground(trash),
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') removeInBackground(dir)
    }
  )
}

/**
 * The output before the live one, kept beside it (`.<out>.spare`) by {@link swapIntoPlace} so the
 * next build can move its unchanged folders instead of linking every file (see `carryUnits`).
 *
 * @param outDir The output folder.
 */
export function spareOf(outDir: string): string {
  const out = resolve(outDir)
  return join(dirname(out), `.${basename(out)}.spare`)
}

/**
 * Removes a staging folder after a failed build.
 *
 * @param staging The staging folder.
 */
export async function discardStaging(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true })
  trackStaging(staging, false)
}
