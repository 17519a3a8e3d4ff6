import { isStaticRule, type RedirectRule } from './redirect-rules.ts'

/** Where a built site can go. */
export const platforms = ['s3', 'cloudflare', 'netlify', 'pages'] as const

/** A deploy target: S3-compatible storage, Cloudflare Pages, Netlify or GitHub Pages. */
export type Platform = (typeof platforms)[number]

/** What a platform accepts; an absent limit is not checked. */
export interface PlatformLimits {
  /** Files in one deploy. */
  maxFiles?: number
  /** Bytes of one file. */
  maxFileBytes?: number
  /** Files directly in one folder. */
  maxFilesPerFolder?: number
  /** Bytes of the whole site. */
  maxSiteBytes?: number
  /** `_redirects` rules without `*` or `:placeholder`. */
  maxStaticRedirects?: number
  /** `_redirects` rules with them. */
  maxDynamicRedirects?: number
}

const MiB = 1024 * 1024

/**
 * The documented limits: Cloudflare Pages (free plan: 20,000 files, 100,000 on paid plans;
 * 25 MiB a file; 2,000 static and 100 dynamic redirects, the rest dropped silently), GitHub Pages
 * (sites up to 1 GB), S3 (5 GiB a single upload). Netlify publishes no number of files per
 * folder but fails deploys of very large folders: 10,000 is this project's conservative choice.
 */
export const platformLimits = {
  cloudflare: { maxFiles: 20_000, maxFileBytes: 25 * MiB, maxStaticRedirects: 2_000, maxDynamicRedirects: 100 },
  netlify: { maxFilesPerFolder: 10_000 },
  pages: { maxSiteBytes: 1_000_000_000, maxFileBytes: 100 * MiB },
  s3: { maxFileBytes: 5 * 1024 * MiB },
} satisfies Record<Platform, PlatformLimits>

/** How to get under each limit. */
const wayOut: Record<Platform, Partial<Record<keyof PlatformLimits, string>>> = {
  cloudflare: {
    maxFiles:
      'On a paid plan Cloudflare allows 100,000 files (--max-files 100000). Past that, deploy to R2 or any S3-compatible storage behind the CDN: toasoan deploy --to s3://BUCKET --endpoint https://ACCOUNT.r2.cloudflarestorage.com.',
    maxFileBytes: 'Make the file smaller (images: lower maxImageMegapixels in site.yml) or serve it from S3/R2.',
    maxStaticRedirects: 'Run toasoan deploy --to cloudflare: it keeps 2,000 rules in _redirects and serves the rest from _worker.js.',
    maxDynamicRedirects: 'Turn splat rules into plain ones, or serve them from _worker.js.',
  },
  netlify: { maxFilesPerFolder: 'Spread the folder into subfolders, or deploy to S3-compatible storage: toasoan deploy --to s3://BUCKET.' },
  pages: {
    maxSiteBytes: 'GitHub Pages refuses sites over 1 GB (and deploys over 10 minutes): set DEPLOY_TARGET to s3, cloudflare or netlify.',
    maxFileBytes: 'Make the file smaller or deploy to S3-compatible storage.',
  },
  s3: { maxFileBytes: 'Make the file smaller.' },
}

/** A built site as the limits see it. */
export interface SiteSummary {
  files: ReadonlyArray<{ path: string; size: number }>
  redirects: readonly RedirectRule[]
}

const count = (value: number): string => value.toLocaleString('en-US')

/**
 * Checks a built site against a platform's limits.
 *
 * @param site Its files and redirects.
 * @param platform The target.
 * @param limits The limits. @default platformLimits[platform]
 * @returns One message per limit passed: what, by how much, and the way out. Empty when it fits.
 */
export function checkLimits(site: SiteSummary, platform: Platform, limits: PlatformLimits = platformLimits[platform]): string[] {
  const errors: string[] = []
  const fail = (limit: keyof PlatformLimits, what: string): void =>
    void errors.push(`${platform}: ${what} [${limit}]\n  way out: ${wayOut[platform][limit] ?? 'deploy to S3-compatible storage.'}`)
  if (limits.maxFiles !== undefined && site.files.length > limits.maxFiles)
    fail('maxFiles', `${count(site.files.length)} files, more than the ${count(limits.maxFiles)} a deploy may hold.`)
  const { maxFileBytes, maxFilesPerFolder } = limits
  if (maxFileBytes !== undefined) {
    const big = site.files.filter((file) => file.size > maxFileBytes)
    if (big.length > 0)
      fail('maxFileBytes', `${big.length} files larger than ${count(maxFileBytes)} bytes, e.g. ${big[0]?.path} (${count(big[0]?.size ?? 0)} bytes).`)
  }
  if (limits.maxSiteBytes !== undefined) {
    const total = site.files.reduce((sum, file) => sum + file.size, 0)
    if (total > limits.maxSiteBytes) fail('maxSiteBytes', `${count(total)} bytes in all, more than ${count(limits.maxSiteBytes)}.`)
  }
  if (maxFilesPerFolder !== undefined) {
    const perFolder = new Map<string, number>()
    for (const file of site.files) {
      const folder = file.path.slice(0, file.path.lastIndexOf('/') + 1)
      perFolder.set(folder, (perFolder.get(folder) ?? 0) + 1)
    }
    const crowded = [...perFolder].filter(([, files]) => files > maxFilesPerFolder).sort((a, b) => b[1] - a[1])
    if (crowded.length > 0)
      fail(
        'maxFilesPerFolder',
        `${crowded.length} folders hold more than ${count(maxFilesPerFolder)} files, e.g. ${crowded[0]?.[0]} (${count(crowded[0]?.[1] ?? 0)}).`
      )
  }
  const statics = site.redirects.filter(isStaticRule).length
  if (limits.maxStaticRedirects !== undefined && statics > limits.maxStaticRedirects)
    fail(
      'maxStaticRedirects',
      `_redirects holds ${count(statics)} static rules; only the first ${count(limits.maxStaticRedirects)} would work, the rest dropped silently.`
    )
  const dynamics = site.redirects.length - statics
  if (limits.maxDynamicRedirects !== undefined && dynamics > limits.maxDynamicRedirects)
    fail('maxDynamicRedirects', `_redirects holds ${count(dynamics)} rules with * or :placeholder, more than ${count(limits.maxDynamicRedirects)}.`)
  return errors
}
