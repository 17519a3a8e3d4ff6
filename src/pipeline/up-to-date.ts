import { statSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { lstat, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { VFile } from 'vfile'
import { cacheFingerprint, digest, temporaryPath, writeAtomic } from '../cache/index.ts'
import { contentEntries, contentState, plainMessage, restoreMessages, type PlainMessage } from '../content/index.ts'
import { decapStamp, githubRepoOf, outputIdentity, repositoryOf } from '../publish/index.ts'
import { refreshedFolders } from '../site/index.ts'

/**
 * What a build that published a whole output records, so that the next build with the same inputs
 * knows the output is the one it would write, and stops there: the way `make` says "nothing to be
 * done". Kept in the cache folder, beside the unit manifest.
 */
export interface UpToDateRecord {
  /** Everything the output is made of but "now": see {@link buildInputs}. */
  inputs: string
  /** The output as the build left it: see `outputIdentity`. */
  output: string
  /** The build's "now", and until when a later "now" plans the same site (epoch ms). */
  now: number
  until: number
  pages: number
  articles: number
  /** The content's problems (warnings only: a build with errors records nothing), printed again. */
  problems: StoredFile[]
}

/** A source file's problems, as the printers read them. */
interface StoredFile {
  path: string
  messages: PlainMessage[]
}

/** What shapes a build's output besides its content and code (see `BuildOptions`). */
export interface InputOptions {
  contentDir: string
  outDir: string
  baseUrl?: string
  drafts?: boolean
  sitemapLimit?: number
  searchBundleSize?: number
  renderFingerprint?: string
}

/**
 * Everything a whole output is made of but "now", as one SHA-256: the code of the build and of what
 * it bundles (its module graph and packages, see `cacheFingerprint`), Node's version, the options,
 * the state of every content file (see `contentState`), Decap's files and the repository the web
 * editor commits to. A newsroom's `toasoan.config.ts` is code that can read anything: the caller never asks with one.
 *
 * @param options The build's options that shape the output.
 * @param blobs Git's object ids of the content's unmodified files.
 */
export async function buildInputs(options: InputOptions, blobs: ReadonlyMap<string, string>): Promise<string> {
  const contentDir = resolve(options.contentDir)
  const repository = repositoryOf(contentDir)
  const [code, content, decap, repo] = await Promise.all([
    cacheFingerprint('output'),
    contentState(contentDir, blobs),
    decapStamp(),
    githubRepoOf(repository.root),
  ])
  const settings = JSON.stringify([
    contentDir,
    resolve(options.outDir),
    options.baseUrl ?? null,
    options.drafts ?? false,
    options.sitemapLimit ?? null,
    options.searchBundleSize ?? null,
    options.renderFingerprint ?? null,
    repository.contentPath,
    repo ?? null,
    // Node's own code (ICU's normalisation and time zones among it) shapes pages too.
    process.version,
  ])
  return digest(code, settings, content, decap)
}

/**
 * The file system's clock now, as it stamps an inode's `ctime`: a file written and read back in a
 * folder (the cache's, on the content's disk as a rule). It lags the process's clock by up to a
 * scheduler tick and keeps the file system's own granularity, so it, not `Date.now()`, is what the
 * content's times compare with.
 *
 * @param dir A folder the build writes to.
 */
export async function fileClock(dir: string): Promise<number> {
  await mkdir(dir, { recursive: true })
  // A temporary name: one a killed build leaves is removed with the other leftovers.
  const probe = temporaryPath(join(dir, 'clock'))
  await writeFile(probe, '')
  try {
    return (await lstat(probe)).ctimeMs
  } finally {
    await rm(probe, { force: true })
  }
}

/**
 * Whether anything in the content folder was written at or after an instant of the file system's
 * clock (see {@link fileClock}): a file or folder whose inode changed then (its `ctime`, which every
 * write, rename and revert moves, whatever `mtime` says). A build records its output as up to date
 * only when nothing was written since it took its inputs: a file edited while it loads and put back
 * afterwards (a writer's undo in the web editor) has the same git id at both ends, but the output
 * shows the edit. A write in the same tick as the probe counts as written, as git counts a file as
 * racy: the next build then runs.
 *
 * The folders are listed here; the files are stat'ed by a worker thread (110,000 of them took
 * 0.9 s of the main thread at 100,000 articles), so the build's publishing goes on meanwhile.
 * Anything that goes wrong counts as written.
 *
 * @param contentDir The content folder.
 * @param since From {@link fileClock}, taken before the inputs.
 */
export async function contentWrittenSince(contentDir: string, since: number): Promise<boolean> {
  const root = resolve(contentDir)
  if (statSync(root).ctimeMs >= since) return true
  const entries = (await contentEntries(root)).map(({ path, link }) => [path, link] as const)
  return new Promise<boolean>((settle) => {
    const worker = new Worker(statEntries, { eval: true, workerData: { entries, since } })
    worker.once('message', (written: unknown) => settle(written !== false))
    worker.once('error', () => settle(true))
    worker.once('exit', () => settle(true))
  })
}

/**
 * The worker of {@link contentWrittenSince}: one synchronous stat after the other (a fifth of the
 * CPU of as many promises). A link counts by itself (retargeted) and by what it leads to (written).
 */
const statEntries = `
const { parentPort, workerData } = require('node:worker_threads')
const { lstatSync, statSync } = require('node:fs')
const { entries, since } = workerData
let written = false
for (const [path, link] of entries) {
  const own = lstatSync(path, { throwIfNoEntry: false })
  const target = link ? statSync(path, { throwIfNoEntry: false }) : own
  if (own === undefined || target === undefined || own.ctimeMs >= since || target.ctimeMs >= since) {
    written = true
    break
  }
}
parentPort.postMessage(written)
`

/**
 * The record's file for an output, in the cache folder.
 *
 * @param cacheDir The cache folder.
 * @param cacheKey The content folder's key (see `folderKey`).
 */
export function upToDateFile(cacheDir: string, cacheKey: string): string {
  return join(cacheDir, 'units', `${cacheKey}.up-to-date.json`)
}

/**
 * Reads the record and tells whether the output is the one a build with these inputs at this "now"
 * would write: same inputs, "now" within the record's span, and the output as the build left it.
 *
 * @param file From {@link upToDateFile}.
 * @param check The inputs now, the build's "now", the output folder and its unit folders.
 * @returns The record when the output is up to date.
 */
export async function readUpToDate(
  file: string,
  check: { inputs: string; now: number; outDir: string; units: Iterable<string> }
): Promise<{ record: UpToDateRecord; files: VFile[] } | undefined> {
  const record = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as UpToDateRecord,
    () => undefined
  )
  if (record?.inputs !== check.inputs || !(record.now <= check.now && check.now < record.until)) return undefined
  if (record.output !== (await outputIdentity(check.outDir, check.units, refreshedFolders))) return undefined
  return { record, files: record.problems.map(restoreFile) }
}

/**
 * Records that the output is up to date with these inputs (see {@link readUpToDate}); once the
 * output is in place, after the unit manifest.
 *
 * @param file From {@link upToDateFile}.
 * @param record Without the output's identity, taken here.
 * @param place The output folder and its unit folders.
 * @param files The content's files, with their problems.
 */
export async function recordUpToDate(
  file: string,
  record: Omit<UpToDateRecord, 'output' | 'problems'>,
  place: { outDir: string; units: Iterable<string> },
  files: readonly VFile[]
): Promise<void> {
  const output = await outputIdentity(place.outDir, place.units, refreshedFolders)
  if (output === undefined) return
  await writeAtomic(file, JSON.stringify({ ...record, output, problems: files.filter((one) => one.messages.length > 0).map(storeFile) }))
}

function storeFile(file: VFile): StoredFile {
  return { path: file.path, messages: file.messages.map(plainMessage) }
}

function restoreFile(stored: StoredFile): VFile {
  const file = new VFile({ path: stored.path })
  restoreMessages(file, stored.messages)
  return file
}
