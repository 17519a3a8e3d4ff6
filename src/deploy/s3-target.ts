import { gunzipSync, gzipSync } from 'node:zlib'
import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3'
import type { RemoteState } from './deploy-plan.ts'

/** A bucket and a key prefix (`''` or ending in `/`). */
export interface S3Location {
  bucket: string
  prefix: string
}

/** Where the deploy records what the bucket holds; written last, read first. */
export const remoteManifestKey = '.toasoan-manifest.json.gz'

/**
 * Reads `s3://BUCKET[/PREFIX]`.
 *
 * @param url The `--to` argument.
 */
export function parseS3Url(url: string): S3Location {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url)
  if (!match)
    throw new Error(
      `--to: "${url}" is not an S3 location; write s3://BUCKET or s3://BUCKET/PREFIX (a bucket name is 3–63 lowercase letters, digits, dots and hyphens)`
    )
  const prefix = (match[2] ?? '').replace(/^\/+|\/+$/g, '')
  return { bucket: match[1] as string, prefix: prefix === '' ? '' : `${prefix}/` }
}

/**
 * An S3 client from the standard `AWS_*` environment variables (keys, region, profile). With an
 * endpoint (MinIO, R2, a local server) paths name the bucket, which every such service accepts.
 *
 * @param options The endpoint and region from the command line.
 */
export function createS3Client(options: { endpoint?: string; region?: string }): S3Client {
  return new S3Client({
    region: options.region ?? process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'] ?? 'us-east-1',
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint, forcePathStyle: true }),
    // Checksums only where S3 requires them: R2, GCS and older servers reject the newer trailers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 5,
  })
}

/**
 * The state the last deploy stored, or `undefined` when the bucket has no manifest.
 *
 * @param client The client.
 * @param at The bucket and prefix.
 */
export async function readRemoteState(client: S3Client, at: S3Location): Promise<RemoteState | undefined> {
  try {
    const object = await client.send(new GetObjectCommand({ Bucket: at.bucket, Key: at.prefix + remoteManifestKey }))
    const bytes = await object.Body?.transformToByteArray()
    return bytes === undefined ? undefined : (JSON.parse(gunzipSync(bytes).toString('utf8')) as RemoteState)
  } catch (error) {
    if (error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404)) return undefined
    if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 403) {
      throw new Error(
        `s3://${at.bucket}/${at.prefix}${remoteManifestKey}: access denied (${error.name}). The key needs s3:ListBucket on the bucket (without it S3 answers a missing object with 403) and s3:GetObject, s3:PutObject, s3:DeleteObject on the prefix; check AWS_ACCESS_KEY_ID and the bucket policy.`
      )
    }
    throw error
  }
}

/**
 * Stores the deploy's record of the bucket.
 *
 * @param client The client.
 * @param at The bucket and prefix.
 * @param state What the bucket holds.
 */
export async function writeRemoteState(client: S3Client, at: S3Location, state: RemoteState): Promise<void> {
  const body = gzipSync(JSON.stringify(state))
  await client.send(
    new PutObjectCommand({ Bucket: at.bucket, Key: at.prefix + remoteManifestKey, Body: body, ContentType: 'application/gzip', CacheControl: 'no-store' })
  )
}

/**
 * What the bucket holds when it has no manifest (a first deploy, or one filled by hand): every
 * object under the prefix with its ETag (the MD5 of a single-part upload; a multipart ETag counts
 * as unknown). Their headers are unknown too, so the state has no rules and every file is
 * uploaded; objects the site does not have are deleted.
 *
 * @param client The client.
 * @param at The bucket and prefix.
 */
export async function listRemoteState(client: S3Client, at: S3Location): Promise<RemoteState> {
  const files: RemoteState['files'] = {}
  let token: string | undefined
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: at.bucket, Prefix: at.prefix || undefined, ...(token === undefined ? {} : { ContinuationToken: token }) })
    )
    for (const object of page.Contents ?? []) {
      const key = object.Key ?? ''
      if (key === at.prefix + remoteManifestKey) continue
      const etag = (object.ETag ?? '').replaceAll('"', '')
      files[`/${key.slice(at.prefix.length)}`] = { hash: /^[0-9a-f]{32}$/.test(etag) ? etag : '', size: object.Size ?? 0 }
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (token !== undefined)
  return { files, pending: [], rules: '' }
}

/**
 * Uploads one file.
 *
 * @param client The client.
 * @param at The bucket and prefix.
 * @param object The path, bytes and headers.
 */
export async function putFile(
  client: S3Client,
  at: S3Location,
  object: { path: string; body: Uint8Array; contentType: string; cacheControl: string; redirect?: string }
): Promise<void> {
  await client.send(
    new PutObjectCommand({
      Bucket: at.bucket,
      Key: at.prefix + object.path.slice(1),
      Body: object.body,
      ContentType: object.contentType,
      CacheControl: object.cacheControl,
      ...(object.redirect === undefined ? {} : { WebsiteRedirectLocation: object.redirect }),
    })
  )
}

/**
 * Deletes files, 1,000 per request (S3's limit).
 *
 * @param client The client.
 * @param at The bucket and prefix.
 * @param paths URL paths.
 */
export async function deleteFiles(client: S3Client, at: S3Location, paths: readonly string[]): Promise<void> {
  for (let start = 0; start < paths.length; start += 1000) {
    const batch = paths.slice(start, start + 1000)
    const result = await client.send(
      new DeleteObjectsCommand({ Bucket: at.bucket, Delete: { Objects: batch.map((path) => ({ Key: at.prefix + path.slice(1) })), Quiet: true } })
    )
    const failed = result.Errors ?? []
    if (failed.length > 0)
      throw new Error(`could not delete ${failed.length} objects (first: ${failed[0]?.Key}: ${failed[0]?.Message}); run the deploy again, it retries them`)
  }
}
