import { execFile } from 'node:child_process'
import { cp, mkdir, rm, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../../', import.meta.url))

/** What the bench copies: everything a build runs or hashes. `node_modules` is linked, not copied. */
export const codeEntries = ['src', 'templates', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json'] as const

/** A frozen copy of the code the bench measures. */
export interface CodeSnapshot {
  /** The copy's root folder. */
  root: string
  /** Its `scripts/toasoan.js`. */
  cli: string
  /**
   * Environment for running it: the copy's own tsconfig for tsx (the copy's `scripts/toasoan.js`
   * picks it as well; the variable also covers anything else run on the copy's files).
   */
  env: Record<string, string>
  /** The git commit it was taken at, with `+ uncommitted changes` when the tree was dirty. */
  revision: string
}

async function revisionOf(dir: string): Promise<string> {
  try {
    const head = (await run('git', ['rev-parse', '--short', 'HEAD'], { cwd: dir })).stdout.trim()
    const dirty = (await run('git', ['status', '--porcelain', '--', ...codeEntries], { cwd: dir })).stdout.trim() !== ''
    return dirty ? `${head} + uncommitted changes` : head
  } catch {
    return 'unknown (not a git checkout)'
  }
}

/**
 * Copies the repository's code into a folder, so that every build of one bench run measures
 * the same code even while someone keeps working on the repository (an edit to `src/` mid-run
 * would change cache keys and make the later rows meaningless).
 *
 * @param to The folder for the copy; replaced.
 */
export async function snapshotCode(to: string): Promise<CodeSnapshot> {
  const revision = await revisionOf(root)
  await rm(to, { recursive: true, force: true })
  await mkdir(to, { recursive: true })
  for (const entry of codeEntries) await cp(join(root, entry), join(to, entry), { recursive: true })
  await symlink(join(root, 'node_modules'), join(to, 'node_modules'), 'dir')
  return { root: to, cli: join(to, 'scripts', 'toasoan.js'), env: { TSX_TSCONFIG_PATH: join(to, 'tsconfig.json') }, revision }
}
