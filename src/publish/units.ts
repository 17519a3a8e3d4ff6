import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { cacheFingerprint, removeStaleTemporaries, writeAtomic } from '../cache/index.ts'
import { mapLimit } from '../files.ts'
import type { OutputUnit } from '../output-unit.ts'

/** What the last successful build published, unit by unit. */
export interface UnitManifest {
  /** The output folder it describes. */
  outDir: string
  /** The fingerprint of the build's code: a unit published by other code is never carried over. */
  code: string
  units: Record<string, { key: string; ino: number; mtimeMs: number }>
}

const empty = async (outDir: string): Promise<UnitManifest> => ({ outDir, code: await cacheFingerprint('units'), units: {} })

/**
 * Reads the unit manifest; a missing file, or one for another output folder or written by other
 * code, is empty.
 *
 * @param file The manifest file.
 * @param outDir The output folder the build publishes to.
 */
export async function readUnitManifest(file: string, outDir: string): Promise<UnitManifest> {
  try {
    const manifest = JSON.parse(await readFile(file, 'utf8')) as UnitManifest
    return manifest.outDir === resolve(outDir) && manifest.code === (await cacheFingerprint('units')) ? manifest : await empty(resolve(outDir))
  } catch {
    return empty(resolve(outDir))
  }
}

/**
 * The units the current output holds unchanged: same key as wanted, and the folder is the very one
 * the last build published (same inode and modification time). A folder deleted, replaced or
 * re-created by hand since then is rebuilt, so a carried unit is never stale.
 *
 * @param manifest From {@link readUnitManifest}.
 * @param wanted The units this build publishes.
 */
export async function carriableUnits(manifest: UnitManifest, wanted: readonly OutputUnit[]): Promise<Set<string>> {
  const candidates = wanted.filter((unit) => manifest.units[unit.path]?.key === unit.key)
  const found = await mapLimit(candidates, 64, async (unit) => {
    const info = await stat(join(manifest.outDir, unit.path)).catch(() => undefined)
    const recorded = manifest.units[unit.path]
    return info?.isDirectory() && recorded !== undefined && info.ino === recorded.ino && info.mtimeMs === recorded.mtimeMs ? unit.path : undefined
  })
  return new Set(found.flatMap((path) => (path === undefined ? [] : [path])))
}

/**
 * Carries units over from the live output into the staging folder: one rename per folder, however
 * many files it holds. Files this build rendered inside a carried unit (a month's landing page, which
 * shows the newest articles) replace the old ones. If a move fails, every unit goes back where it
 * was and the live output is as before.
 *
 * @param outDir The live output.
 * @param staging The new output, complete except for the carried units.
 * @param paths Units to carry over.
 * @returns Puts the units back into the live output, for a publish that fails after this step.
 */
export async function carryUnits(outDir: string, staging: string, paths: Iterable<string>): Promise<() => Promise<void>> {
  const overlays: Array<{ unit: string; side: string }> = []
  const moved: string[] = []
  let count = 0
  try {
    for (const unit of paths) {
      const target = join(staging, unit)
      const side = join(staging, `.overlay-${count++}`)
      const hadRendered = await rename(target, side).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false
          throw error
        }
      )
      if (hadRendered) overlays.push({ unit, side })
      await mkdir(dirname(target), { recursive: true })
      await rename(join(outDir, unit), target)
      moved.push(unit)
    }
  } catch (error) {
    for (const unit of moved.reverse()) await rename(join(staging, unit), join(outDir, unit))
    throw error
  }
  for (const { unit, side } of overlays) {
    const files = (await readdir(side, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile())
    for (const entry of files) {
      const from = join(entry.parentPath, entry.name)
      const to = join(staging, unit, from.slice(side.length))
      await mkdir(dirname(to), { recursive: true })
      await rename(from, to)
    }
    await rm(side, { recursive: true, force: true })
  }
  return async () => {
    for (const unit of moved.reverse()) await rename(join(staging, unit), join(outDir, unit))
  }
}

/**
 * Records the units now published, with their folders' identity, for the next build.
 *
 * @param file The manifest file.
 * @param outDir The live output, just swapped into place.
 * @param units Every unit of this build.
 */
export async function writeUnitManifest(file: string, outDir: string, units: readonly OutputUnit[]): Promise<void> {
  const manifest = await empty(resolve(outDir))
  const stats = await mapLimit(units, 64, async (unit) => ({ unit, info: await stat(join(outDir, unit.path)).catch(() => undefined) }))
  for (const { unit, info } of stats) if (info?.isDirectory()) manifest.units[unit.path] = { key: unit.key, ino: info.ino, mtimeMs: info.mtimeMs }
  await writeAtomic(file, JSON.stringify(manifest))
  await removeStaleTemporaries(dirname(file))
}
