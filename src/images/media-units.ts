import { createHash } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { cacheFingerprint, pruneCacheFolder } from '../cache/index.ts'
import { mapLimit } from '../shared/files.ts'
import type { OutputUnit } from '../shared/output-unit.ts'
import type { ImageSet } from './plan-image.ts'
import { processImages, type ProcessOptions, type ProcessResult } from './process-images.ts'

/** What {@link publishImages} needs besides {@link ProcessOptions}. */
export interface PublishImagesOptions extends ProcessOptions {
  /**
   * Which image folders (`media/3f`, see {@link mediaUnits}) the live output, or the deploy
   * target, holds as this build would write them: nothing of theirs is checked or written. @default none
   */
  carriableUnits?: (units: readonly OutputUnit[]) => Promise<ReadonlySet<string>>
  /**
   * The live output, and which of its folders are as the last build published them: a changed
   * image folder whose files are all still wanted is carried over too, with only the new files
   * written here (the publish step adds them to the folder it moves over). @default none
   */
  live?: { dir: string; intact: (paths: readonly string[]) => Promise<ReadonlySet<string>> }
}

/** What {@link publishImages} did. */
export interface PublishImagesResult extends ProcessResult {
  /** Source images whose every file is in a folder carried over (none checked or written). */
  carried: number
  /** Every image folder of the output, with its key (see {@link mediaUnits}). */
  units: OutputUnit[]
  /** The folders carried over from the live output (or served by the target): not written. */
  carriedUnits: string[]
  /** Changed folders carried over all the same, with the files they lack written here (see `live`). */
  patchedUnits: string[]
}

/**
 * The output's image folders as units: a file `/media/3f/…` lives in `media/3f`, one of 256
 * folders (the first two hex digits of its name's hash). A folder's key hashes the image code's
 * fingerprint and the names it holds; a name hashes its source's bytes, the options and the
 * encoder, so an equal key means equal files.
 *
 * @param sets Every image of the site.
 * @param code The image code's fingerprint (see `processImages`).
 */
export function mediaUnits(sets: ReadonlyArray<Pick<ImageSet, 'variants'>>, code: string): OutputUnit[] {
  return unitsOf(namesByFolder(sets), code)
}

/** {@link mediaUnits} of folders already grouped. */
function unitsOf(byFolder: ReadonlyMap<string, ReadonlySet<string>>, code: string): OutputUnit[] {
  return [...byFolder]
    .map(([path, names]) => {
      const hash = createHash('sha256').update(code)
      for (const name of [...names].sort()) hash.update('\0').update(name)
      return { path, key: hash.digest('hex').slice(0, 32) }
    })
    .sort((a, b) => (a.path < b.path ? -1 : 1))
}

/** Each image folder's file URLs (`media/3f` → `/media/3f/x-800.3fa1….avif`, …). */
function namesByFolder(sets: ReadonlyArray<Pick<ImageSet, 'variants'>>): Map<string, Set<string>> {
  const byFolder = new Map<string, Set<string>>()
  for (const set of sets) {
    for (const variant of set.variants) {
      const folder = mediaFolderOf(variant.url)
      const names = byFolder.get(folder)
      if (names) names.add(variant.url)
      else byFolder.set(folder, new Set([variant.url]))
    }
  }
  return byFolder
}

/** `/media/3f/x-800.3fa1….avif` → `media/3f`. */
function mediaFolderOf(url: string): string {
  return url.slice(1, url.indexOf('/', '/media/'.length))
}

/**
 * Publishes the site's images folder by folder: the folders the live output holds unchanged are
 * left to the publish step to carry over, and `processImages` makes or links the files of the
 * others only. Linking every file on every build cost a link and a stat per file: at 10,000
 * articles with 1,900 photographs of their own (11,500 files), 0.7-1.0 s a build, against
 * 0.13-0.20 s carried; an archive of 100,000 articles with a photograph or two each holds two
 * million such files. A changed folder is carried too when the live output holds it whole and
 * every file in it is still wanted (see `patchable`): then only the new files are made or linked.
 *
 * Kept apart from `processImages`, whose code keys the encoded images (see `cacheCode`): a change
 * to how folders are carried must not make a newsroom encode every photograph again.
 *
 * @param sets Every image of the site.
 * @param options Where, and which folders the live output holds.
 */
export async function publishImages(sets: ReadonlyArray<Pick<ImageSet, 'source' | 'variants'>>, options: PublishImagesOptions): Promise<PublishImagesResult> {
  const code = (await cacheFingerprint('images')).slice(0, 16)
  const wanted = namesByFolder(sets)
  const units = unitsOf(wanted, code)
  const carriedUnits = options.carriableUnits ? await options.carriableUnits(units) : new Set<string>()
  const patched = options.live === undefined ? new Map<string, Set<string>>() : await patchable(wanted, carriedUnits, options.live)
  let carried = 0
  const fresh: Array<Pick<ImageSet, 'source' | 'variants'>> = []
  for (const set of sets) {
    const variants = set.variants.filter((variant) => {
      const folder = mediaFolderOf(variant.url)
      return !carriedUnits.has(folder) && patched.get(folder)?.has(variant.url) !== true
    })
    if (variants.length === 0) carried++
    else fresh.push(variants.length === set.variants.length ? set : { source: set.source, variants })
  }
  const result = await processImages(fresh, { ...options, prune: false })
  // The cache keeps every file the site publishes, carried or not: named as `processImages` names
  // its entries (`<code>/<name>`), the ones it did not touch are not pruned.
  if (options.prune !== false)
    await pruneCacheFolder(
      options.cacheDir,
      sets.flatMap((set) => set.variants.map((variant) => `${code}/${variant.url.slice('/media/'.length)}`))
    )
  return { ...result, carried, units, carriedUnits: [...carriedUnits], patchedUnits: [...patched.keys()] }
}

/**
 * The changed image folders that can be carried over and added to: the live output holds them as
 * the last build published them, and every file in them is still wanted (a folder that lost a
 * file is written whole: a carried folder keeps what it holds). An added photograph changes a
 * dozen of the 256 folders; at two million files each holds about 8,000, linked again one by one
 * without this.
 *
 * @param wanted Each image folder's file URLs (see {@link namesByFolder}).
 * @param carried The folders carried over unchanged.
 * @param live The live output, and which of its folders are intact.
 * @returns Each such folder with the URLs of the files it holds.
 */
async function patchable(
  wanted: ReadonlyMap<string, ReadonlySet<string>>,
  carried: ReadonlySet<string>,
  live: NonNullable<PublishImagesOptions['live']>
): Promise<Map<string, Set<string>>> {
  const intact = await live.intact([...wanted.keys()].filter((folder) => !carried.has(folder)))
  // The folders listed side by side, as `intactUnits` stats them: at two million files each holds thousands.
  const held = await mapLimit([...intact], 16, async (folder) => [folder, await readdir(join(live.dir, folder)).catch(() => undefined)] as const)
  const patched = new Map<string, Set<string>>()
  for (const [folder, names] of held) {
    const want = wanted.get(folder)
    if (names === undefined || want === undefined) continue
    const urls = names.map((name) => `/${folder}/${name}`)
    if (urls.every((url) => want.has(url))) patched.set(folder, new Set(urls))
  }
  return patched
}
