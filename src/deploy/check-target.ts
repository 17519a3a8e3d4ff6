import { readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { manifestName, readFileManifest, type FileManifest } from '../publish/index.ts'
import { outputManifest } from './output-manifest.ts'
import { renderRedirectWorker, renderWorkerRoutes } from './cloudflare-worker.ts'
import { checkLimits, platformLimits, platforms, type Platform, type PlatformLimits } from './platform-limits.ts'
import { formatRedirects, isStaticRule, parseRedirects, redirectFile, type RedirectRule } from './redirect-rules.ts'

export { platforms, type Platform } from './platform-limits.ts'

/**
 * Whether a name is a deploy target.
 *
 * @param name From the command line.
 */
export function isPlatform(name: string): name is Platform {
  return (platforms as readonly string[]).includes(name)
}

/** Options of {@link checkTarget}. */
export interface CheckOptions {
  /** Rewrite the platform's files first (`_redirects`, `_worker.js`). @default false */
  prepare?: boolean
  /** Overrides of the platform's limits (a paid plan, a test). */
  limits?: PlatformLimits
  /** Stamp cache for an output without a manifest. @default '.cache' */
  cacheDir?: string
  /** The output's manifest, when the caller read it already. @default read here (when the output has one) */
  manifest?: FileManifest
}

/**
 * Prepares a built site for a platform and checks it against the platform's limits. Cloudflare:
 * static redirects past its limit move to `_worker.js` (and `_routes.json`). Netlify: every rule
 * whose old path has a file (each alias's fallback page) is forced (`301!`), or Netlify would serve
 * the file with 200.
 *
 * @param outDir The built site.
 * @param platform The target.
 * @param options What to do besides checking.
 * @returns Errors (a limit passed: the deploy must not start) and notes.
 */
export async function checkTarget(outDir: string, platform: Platform, options: CheckOptions = {}): Promise<{ errors: string[]; notes: string[] }> {
  const dir = resolve(outDir)
  const limits = { ...platformLimits[platform], ...options.limits }
  const redirectsFile = join(dir, '_redirects')
  let redirects = parseRedirects(await readFile(redirectsFile, 'utf8').catch(() => ''))
  const notes: string[] = []
  const errors: string[] = []
  // A platform uploads the folder as it is: one holding only what a bucket lacked is not a site.
  const partial = platform === 's3' ? undefined : (options.manifest ?? (await readFileManifest(dir)))?.partial
  if (partial !== undefined)
    return {
      errors: [
        `${platform}: dist was built against ${partial.target} (build --deployed) and holds only what it lacked. Build without --deployed for ${platform}.`,
      ],
      notes,
    }
  if (platform === 'netlify') {
    if (options.prepare) {
      await writeFile(redirectsFile, formatRedirects(redirects, true))
      redirects = redirects.map((rule) => ({ ...rule, force: true }))
      notes.push(`_redirects: ${redirects.length} rules forced (301!) for Netlify.`)
    }
    const manifest = await readSiteFiles(dir, options.cacheDir ?? '.cache', options.manifest)
    const shadowed = redirects.filter((rule) => !rule.force && manifest.has(redirectFile(rule.from)))
    if (shadowed.length > 0)
      errors.push(
        `netlify: ${shadowed.length} redirects have a file at their old path (e.g. ${shadowed[0]?.from}) and are not forced: Netlify would serve the file with 200 instead of the 301.\n  way out: run toasoan deploy --to netlify, which writes them as 301!.`
      )
  }
  if (platform === 'cloudflare' && options.prepare && limits.maxStaticRedirects !== undefined)
    notes.push(...(await moveOverflowRedirects(dir, redirects, limits.maxStaticRedirects)))
  if (platform === 'cloudflare') redirects = parseRedirects(await readFile(redirectsFile, 'utf8').catch(() => ''))
  if (redirects.some((rule) => rule.force) && platform === 'cloudflare')
    errors.push(
      `cloudflare: _redirects holds forced rules (301!), which Cloudflare rejects.\n  way out: build again (the build writes plain 301 rules); --to netlify forces them.`
    )
  const files = [...(await readSiteFiles(dir, options.cacheDir ?? '.cache', options.manifest))].map(([path, size]) => ({ path, size }))
  // The platforms compare files themselves: the manifest (20 MB at 100,000 articles) would only be published.
  if (options.prepare && platform !== 's3') await rm(join(dir, manifestName), { force: true })
  const counted =
    platform === 's3'
      ? files.filter((file) => !['/_headers', '/_redirects', '/_worker.js', '/_routes.json'].includes(file.path))
      : files.filter((file) => file.path !== '/_worker.js' && file.path !== '/_routes.json')
  errors.push(...checkLimits({ files: counted, redirects: platform === 's3' || platform === 'pages' ? [] : redirects }, platform, limits))
  return { errors, notes }
}

/** Every file of the output (but its manifest) with its size. */
async function readSiteFiles(dir: string, cacheDir: string, read?: FileManifest): Promise<Map<string, number>> {
  const manifest = await outputManifest(dir, cacheDir, read)
  const sizes = new Map<string, number>()
  for (const path in manifest.files) if (path !== `/${manifestName}`) sizes.set(path, manifest.files[path]?.size ?? 0)
  return sizes
}

/** Keeps `limit` static rules in `_redirects` and writes the rest into `_worker.js`. */
async function moveOverflowRedirects(dir: string, redirects: readonly RedirectRule[], limit: number): Promise<string[]> {
  const statics = redirects.filter(isStaticRule)
  await rm(join(dir, '_worker.js'), { force: true })
  await rm(join(dir, '_routes.json'), { force: true })
  if (statics.length <= limit) return []
  const kept = [...statics.slice(0, limit), ...redirects.filter((rule) => !isStaticRule(rule))]
  const overflow = statics.slice(limit)
  await writeFile(join(dir, '_redirects'), formatRedirects(kept, false))
  await writeFile(join(dir, '_worker.js'), renderRedirectWorker(overflow))
  await writeFile(join(dir, '_routes.json'), renderWorkerRoutes(overflow))
  return [`_redirects: ${limit} static rules kept; ${overflow.length} more served by _worker.js (routes in _routes.json).`]
}
