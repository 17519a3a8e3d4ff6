import { spawn } from 'node:child_process'
import { cp, mkdir, mkdtemp, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const root = fileURLToPath(new URL('../../', import.meta.url))

/** The fixtures folder. */
export const fixtures = join(root, 'test', 'fixtures')

/** The fixture site: registries, media and a handful of articles. */
export const fixtureSite = join(fixtures, 'site')

/** Runs `node scripts/toasoan.js` arguments. */
export const cliScript = join(root, 'scripts', 'toasoan.js')

/** A fixed "now" for builds under test: 2026-11-26 08:00 in Hà Nội. */
export const testNow = Date.parse('2026-11-26T08:00:00+07:00')

/**
 * Makes an empty temporary folder inside the repository's `.cache/` (tests write nothing outside
 * the repository).
 *
 * @param name A prefix for the folder name.
 */
export async function tempDir(name: string): Promise<string> {
  const base = join(root, '.cache', 'test-tmp')
  await mkdir(base, { recursive: true })
  return mkdtemp(join(base, `${name}-`))
}

/**
 * Builds a content folder from the fixture site's registries and media plus the articles (and
 * comments, media and registries, when it has them) of an error case (or any folder holding `articles/`).
 *
 * @param articlesFrom A folder with an `articles/` tree.
 * @param options Whether to keep the fixture site's own articles too.
 */
export async function contentWith(articlesFrom: string | undefined, options: { keepSiteArticles?: boolean } = {}): Promise<string> {
  const dir = await tempDir('content')
  for (const name of ['site.yml', 'localities.yml', 'authors.yml', 'categories.yml', 'media']) {
    await cp(join(fixtureSite, name), join(dir, name), { recursive: true })
  }
  if (options.keepSiteArticles) await cp(join(fixtureSite, 'articles'), join(dir, 'articles'), { recursive: true })
  if (options.keepSiteArticles) await cp(join(fixtureSite, 'comments'), join(dir, 'comments'), { recursive: true })
  if (articlesFrom) {
    await cp(join(articlesFrom, 'articles'), join(dir, 'articles'), { recursive: true })
    // An error case may also replace a registry (its mistake is in site.yml or authors.yml).
    for (const extra of ['comments', 'media', 'site.yml', 'localities.yml', 'authors.yml', 'categories.yml']) {
      if (await exists(join(articlesFrom, extra))) await cp(join(articlesFrom, extra), join(dir, extra), { recursive: true })
    }
  }
  return dir
}

/**
 * Removes a temporary folder, trying again a few times when a file appears in it meanwhile (seen as
 * ENOTEMPTY in cms-browser's folder under load): a failing `after` hook stops uvu's whole process.
 */
export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })
}

/** Whether a path exists. */
export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}

/** Waits until `check` holds, looking every 50 ms for at most `ms`; whether it held. */
export async function eventually(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((done) => setTimeout(done, 50))) if (await check()) return true
  return check()
}

/**
 * The pid of a process that has exited, for a leftover of a build that died (a killed build's
 * staging folder is named after its pid).
 */
export function deadPid(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', ''])
    child.on('exit', () => resolve(child.pid ?? 999_999))
  })
}
