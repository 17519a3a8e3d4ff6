import type { DeployedSite } from '../publish/index.ts'
import { readRemoteState } from './remote-state.ts'
import { createS3Client, s3Url, type S3Location } from './s3-client.ts'
import { headerRules } from './s3-deploy.ts'
import { probeBucket } from './s3-target.ts'

/** Options of {@link readDeployedSite}. */
export interface DeployedSiteOptions {
  to: S3Location
  endpoint?: string | undefined
  region?: string | undefined
  log?: (line: string) => void
}

/**
 * Reads a bucket's manifest for a build. `undefined`, with the reason logged, when the build must
 * write every file: the bucket has no manifest (a first deploy), its objects carry other header
 * rules (every one is uploaded again), or its manifest has no keys (written by an older deploy).
 *
 * @param options The bucket.
 * @throws {DeployError} When the bucket cannot be read.
 */
export async function readDeployedSite(options: DeployedSiteOptions): Promise<DeployedSite | undefined> {
  const log = options.log ?? (() => {})
  const client = createS3Client({
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.region === undefined ? {} : { region: options.region }),
  })
  try {
    const bucket = { client, at: options.to, endpoint: options.endpoint }
    await probeBucket(bucket)
    const state = await readRemoteState(bucket)
    const target = s3Url(options.to)
    const full = (why: string): undefined => {
      log(`  ${target} ${why}: every file is written`)
      return undefined
    }
    if (state === undefined) return full('has no manifest')
    if (state.rules !== headerRules) return full('was deployed with other header rules')
    if (state.keys === undefined) return full("has a manifest without the pages' keys (an older deploy)")
    return { target, files: state.files, keys: state.keys, pending: new Set(state.pending) }
  } finally {
    client.destroy()
  }
}
