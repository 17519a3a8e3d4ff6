import { constants } from 'node:fs'
import { copyFile, link, mkdir, readdir, readFile, rename, rm, rmdir, stat } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { cacheFingerprint, removeStaleTemporaries, writeAtomic } from '../cache/index.ts'
import { mapLimit } from '../shared/files.ts'
import type { OutputUnit, PatchedUnit, UnitPages } from '../shared/output-unit.ts'

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
export function carriableUnits(manifest: UnitManifest, wanted: readonly OutputUnit[]): Promise<Set<string>> {
  return intactUnits(
    manifest,
    wanted.filter((unit) => manifest.units[unit.path]?.key === unit.key).map((unit) => unit.path)
  )
}

/**
 * Which of these folders an output holds as the build that wrote it recorded them (the very
 * folder: same inode and modification time), whatever their keys now: a build may carry such a
 * folder over, or carry it and add files to it.
 *
 * @param manifest The unit manifest of that output (the live one's, or the spare's).
 * @param paths Unit paths.
 */
export async function intactUnits(manifest: UnitManifest, paths: readonly string[]): Promise<Set<string>> {
  const found = await mapLimit(paths, 64, async (path) => {
    const recorded = manifest.units[path]
    if (recorded === undefined) return undefined
    const info = await stat(join(manifest.outDir, path)).catch(() => undefined)
    return info?.isDirectory() && info.ino === recorded.ino && info.mtimeMs === recorded.mtimeMs ? path : undefined
  })
  return new Set(found.flatMap((path) => (path === undefined ? [] : [path])))
}

/**
 * Carries units over from the live output into the staging folder by hard-linking their files: the
 * live output is never taken apart, so a reader of it (a server, a deploy) and a process killed at
 * any instant see the previous output whole (a rename per folder was faster, 1–3 s less at 100,000
 * articles, but left `dist/` without those folders until the swap). Files this build rendered inside
 * a carried unit (a month's landing page, which shows the newest articles) are kept: a link never
 * replaces a file. On a file system without hard links the files are copied.
 *
 * @param outDir The live output.
 * @param staging The new output, complete except for the carried units.
 * @param paths Units to carry over.
 * @param spare Units the output before the live one holds unchanged (see {@link readSpareUnits}):
 *   each is moved into the staging folder whole, one rename instead of a link per file.
 * @returns How many files were linked (or copied), and how many units were moved from the spare.
 */
export async function carryUnits(outDir: string, staging: string, paths: Iterable<string>, spare?: SpareUnits): Promise<{ linked: number; moved: number }> {
  const files: Array<{ from: string; to: string }> = []
  let moved = 0
  for (const unit of paths) {
    if (spare?.paths.has(unit) && (await moveSpareUnit(spare.dir, staging, unit))) {
      moved++
      continue
    }
    const entries = await readdir(join(outDir, unit), { recursive: true, withFileTypes: true })
    await mkdir(join(staging, unit), { recursive: true })
    for (const entry of entries) {
      const from = join(entry.parentPath, entry.name)
      const to = join(staging, unit, from.slice(join(outDir, unit).length))
      if (entry.isDirectory()) await mkdir(to, { recursive: true })
      else files.push({ from, to })
    }
  }
  await mapLimit(files, 32, ({ from, to }) => linkOrCopy(from, to))
  return { linked: files.length, moved }
}

/**
 * The output before the live one, kept beside it after a swap (`.<out>.spare`) instead of being
 * deleted: the units it still holds with the key the live output holds them with are the very
 * bytes this build carries over, so each is moved into the staging folder whole. A no-op build of
 * 100,000 articles otherwise links 235,000 files and makes 131,000 folders (33 s), and deletes
 * as many afterwards.
 */
export interface SpareUnits {
  /** The spare output folder. */
  dir: string
  /** Units it holds as they are published now: same key, and the very folders it recorded. */
  paths: Set<string>
}

/**
 * The units of the spare output that can stand in for the live output's: recorded in the spare's
 * manifest with the key the live manifest holds for them, and still the very folders it recorded
 * (same inode and modification time).
 *
 * @param spareManifest The spare's unit manifest (see {@link writeUnitManifest}).
 * @param live The live output's manifest, from {@link readUnitManifest}.
 */
export async function readSpareUnits(spareManifest: UnitManifest, live: UnitManifest): Promise<SpareUnits> {
  const candidates = Object.entries(spareManifest.units).filter(([path, unit]) => live.units[path]?.key === unit.key)
  return {
    dir: spareManifest.outDir,
    paths: await intactUnits(
      spareManifest,
      candidates.map(([path]) => path)
    ),
  }
}

/**
 * Moves a unit's folder from the spare output into the staging folder. Files this build already
 * wrote inside it (a rendered landing page) are moved over the spare's copies afterwards: a rename
 * replaces a name, never a file's bytes, so a copy shared by hard link with the live output or the
 * pages cache is never changed.
 *
 * @returns Whether it was moved (not when the spare's folder is gone, or the staging folder holds a file at its path).
 */
async function moveSpareUnit(spareDir: string, staging: string, unit: string): Promise<boolean> {
  const target = join(staging, unit)
  const fresh = await stat(target).catch(() => undefined)
  if (fresh !== undefined && !fresh.isDirectory()) return false
  const aside = `${target}.fresh`
  if (fresh !== undefined) await rename(target, aside)
  await mkdir(dirname(target), { recursive: true })
  try {
    await rename(join(spareDir, unit), target)
  } catch {
    if (fresh !== undefined) await rename(aside, target)
    return false
  }
  if (fresh === undefined) return true
  const written = await readdir(aside, { recursive: true, withFileTypes: true })
  for (const entry of written) {
    const from = join(entry.parentPath, entry.name)
    const to = join(target, from.slice(aside.length))
    if (entry.isDirectory()) continue
    await mkdir(dirname(to), { recursive: true })
    // A folder of the spare's where this build wrote a file: the build's file wins.
    await rename(from, to).catch(async () => {
      await rm(to, { recursive: true, force: true })
      await rename(from, to)
    })
  }
  await rm(aside, { recursive: true, force: true })
  return true
}

/** Hard-links a file, or copies it where links are refused; an existing target (rendered now) wins. */
async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw error
    await copyFile(from, to, constants.COPYFILE_EXCL).catch((copyError: NodeJS.ErrnoException) => {
      if (copyError.code !== 'EEXIST') throw copyError
    })
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

/**
 * Records what the output about to become the spare holds: the live output's manifest, pointed at
 * the spare folder (a rename keeps every folder's inode and modification time). Written before the
 * swap: if the swap does not happen, the folders it names are not in the spare, and none is used.
 *
 * @param file The spare's manifest file.
 * @param live The live output's manifest, read when the build started.
 * @param spareDir The spare folder (see `spareOf`).
 */
export async function writeSpareManifest(file: string, live: UnitManifest, spareDir: string): Promise<void> {
  await writeAtomic(file, JSON.stringify({ ...live, outDir: resolve(spareDir) }))
}

/**
 * What a page folder holds, as recorded for its key (`units/pages/<key>.json`): the page files its
 * key covers with theirs, and the files always written into it. A key names one content, so an
 * entry is written once and never changes.
 */
interface RecordedPages {
  pages: Record<string, string>
  always: string[]
}

/**
 * Records what each page folder holds under its key, for a later build to patch the folder (see
 * {@link takePatchable}): the folders this build wrote, the others being recorded already (under
 * the key they were written with). Entries no longer the key of a folder of the live output or
 * of the spare (`keep`) are deleted.
 *
 * @param dir The record's folder (`units/pages/<content>`).
 * @param written Page folders this build wrote (not carried over), with their keys.
 * @param keep Keys to keep besides those written now: the live output's before this build (about to become the spare's).
 */
export async function recordUnitPages(dir: string, written: readonly UnitPages[], keep: Iterable<string>): Promise<void> {
  await mkdir(dir, { recursive: true })
  const names = new Set(await readdir(dir))
  await mapLimit(written, 16, async (unit) => {
    if (names.has(`${unit.key}.json`)) return
    const pages = Object.fromEntries(unit.pages.map(([file, key]) => [file, key]))
    const record: RecordedPages = { pages, always: [...unit.files].filter((file) => pages[file] === undefined).sort() }
    await writeAtomic(join(dir, `${unit.key}.json`), JSON.stringify(record))
  })
  const wanted = new Set([...written.map((unit) => `${unit.key}.json`), ...[...keep].map((key) => `${key}.json`)])
  await mapLimit(
    [...names].filter((name) => name.endsWith('.json') && !wanted.has(name)),
    16,
    (name) => rm(join(dir, name), { force: true })
  )
  await removeStaleTemporaries(dir)
}

/**
 * Takes the changed page folders worth patching from the spare output into the staging folder,
 * ready for the render stage to write only their changed pages. An added article changes five page
 * folders (its month and the numbered pages of its province, district, category and author: 7,700
 * pages at 100,000 articles) for one or two pages each; written whole, each of their pages was
 * linked again from the cache.
 *
 * The spare's copy of a folder is the very folder its manifest recorded (same inode and
 * modification time), so it holds the pages recorded for the key it was written with (see
 * {@link recordUnitPages}). A page is kept when that key is the one this build makes it from; a
 * folder is taken when it keeps more pages than it deletes. Once moved, every file of
 * it but the kept pages is deleted (the changed pages, those always written, and those gone), so
 * the folder holds only what this build would write, and the render stage writes the rest.
 *
 * @param staging The new output, before any page is written.
 * @param spare The spare output's unit manifest.
 * @param recorded The folder of {@link recordUnitPages}.
 * @param changed Page folders this build writes, not carried over whole.
 * @returns The folders taken, with the pages they keep.
 */
export async function takePatchable(staging: string, spare: UnitManifest, recorded: string, changed: readonly UnitPages[]): Promise<Map<string, PatchedUnit>> {
  const candidates = changed.filter((unit) => spare.units[unit.path] !== undefined)
  const intact = await intactUnits(
    spare,
    candidates.map((unit) => unit.path)
  )
  const plans = await mapLimit(
    candidates.filter((unit) => intact.has(unit.path)),
    8,
    async (unit) => {
      const held = await readRecordedPages(join(recorded, `${spare.units[unit.path]?.key}.json`))
      // Files are deleted by these paths: a record naming anything outside the folder (edited by
      // hand, or not a record at all) is not trusted.
      if (held === undefined || ![...Object.keys(held.pages), ...held.always].every((file) => insideFolder(file, unit.path))) return undefined
      const keep = new Set(unit.pages.filter(([file, key]) => held.pages[file] === key).map(([file]) => file))
      const replaced = [...Object.keys(held.pages), ...held.always].filter((file) => !keep.has(file))
      // Each page kept saves a write, each file replaced costs a deletion besides.
      return keep.size > replaced.length ? { unit: unit.path, keep, replaced } : undefined
    }
  )
  const taken = new Map<string, PatchedUnit>()
  for (const plan of plans) {
    if (plan === undefined || !(await moveSpareUnit(spare.outDir, staging, plan.unit))) continue
    await mapLimit(plan.replaced, 32, async (file) => {
      const path = join(staging, file)
      await rm(path, { force: true })
      // The page's own folder (`trang/7/`), now empty: a page gone leaves none, a changed one is written again.
      await rmdir(dirname(path)).catch(() => {})
    })
    taken.set(plan.unit, { keep: plan.keep })
  }
  return taken
}

/** Whether an output path (`/2019/05/slug/index.html`) names a file inside a folder of the output, with no `.` or `..` step. */
function insideFolder(file: string, folder: string): boolean {
  return file.startsWith(`/${folder}/`) && file.split('/').every((step, at) => (at === 0 ? step === '' : step !== '' && step !== '.' && step !== '..'))
}

/** A record of {@link recordUnitPages}, or `undefined` when it is missing or unreadable (the folder is then written whole). */
async function readRecordedPages(file: string): Promise<RecordedPages | undefined> {
  try {
    const record = JSON.parse(await readFile(file, 'utf8')) as Partial<RecordedPages>
    return typeof record.pages === 'object' && record.pages !== null && Array.isArray(record.always)
      ? { pages: record.pages, always: record.always }
      : undefined
  } catch {
    return undefined
  }
}
