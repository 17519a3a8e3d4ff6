import { DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3'
import { UsageError } from '../shared/usage-error.ts'
import type { RemoteState } from './deploy-plan.ts'
import { remoteManifestKey } from './remote-state.ts'
import { s3Url, type S3Bucket, type S3Location } from './s3-client.ts'
import { DeployError, notS3, storage } from './storage-error.ts'

/**
 * Reads `s3://BUCKET[/PREFIX]`.
 *
 * @param url The `--to` argument.
 * @throws {UsageError} When it is not one.
 */
export function parseS3Url(url: string): S3Location {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url)
  if (!match)
    throw new UsageError(
      `--to: "${url}" is not an S3 location.`,
      'Write s3://BUCKET or s3://BUCKET/PREFIX (a bucket name is 3–63 lowercase letters, digits, dots and hyphens).'
    )
  const prefix = (match[2] ?? '').replace(/^\/+|\/+$/g, '')
  return { bucket: match[1] as string, prefix: prefix === '' ? '' : `${prefix}/` }
}

/**
 * Checks that the endpoint is S3 storage and the bucket exists, before anything else is said
 * about the bucket (a missing bucket is not "a bucket without a manifest").
 *
 * @param bucket The bucket.
 * @throws {DeployError} Naming what is wrong: the endpoint, the bucket, the credentials.
 */
export async function probeBucket(bucket: S3Bucket): Promise<void> {
  const { client, at } = bucket
  const page = await storage({ operation: 's3:ListBucket', url: s3Url(at), endpoint: bucket.endpoint }, () =>
    // Listing the manifest's name alone keeps the answer small (s3rver also fails a truncated page).
    client.send(new ListObjectsV2Command({ Bucket: at.bucket, Prefix: at.prefix + remoteManifestKey }))
  )
  // Any web server answers 200 to a GET; only S3 names the bucket in its listing.
  if (page.Name === undefined) throw notS3(bucket.endpoint ?? 'AWS S3', 'answered a listing of the bucket with something else than S3 XML')
}

/** An object as a listing shows it: its ETag (quotes removed) and size. */
export interface ListedObject {
  etag: string
  size: number
}

/**
 * Every object under the prefix, by URL path, the deploy's manifest aside.
 *
 * @param bucket The bucket.
 */
export async function listObjects(bucket: S3Bucket): Promise<Map<string, ListedObject>> {
  const { client, at } = bucket
  const objects = new Map<string, ListedObject>()
  let token: string | undefined
  do {
    const page = await storage({ operation: 's3:ListBucket', url: s3Url(at), endpoint: bucket.endpoint }, () =>
      client.send(new ListObjectsV2Command({ Bucket: at.bucket, Prefix: at.prefix || undefined, ...(token === undefined ? {} : { ContinuationToken: token }) }))
    )
    for (const object of page.Contents ?? []) {
      const key = object.Key ?? ''
      if (key === at.prefix + remoteManifestKey) continue
      objects.set(`/${key.slice(at.prefix.length)}`, { etag: (object.ETag ?? '').replaceAll('"', ''), size: object.Size ?? 0 })
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (token !== undefined)
  return objects
}

/**
 * An object's MD5 from its ETag, or `''` (unknown) for a multipart upload's ETag, which is not one.
 *
 * @param etag The ETag, without quotes.
 */
export function md5OfEtag(etag: string): string {
  return /^[0-9a-f]{32}$/.test(etag) ? etag : ''
}

/**
 * What the bucket holds when it has no manifest (a first deploy, or one filled by hand): every
 * object under the prefix with its ETag. Their headers are unknown, so the state has no rules and
 * every file is uploaded; objects the site does not have are deleted.
 *
 * @param bucket The bucket.
 */
export async function listRemoteState(bucket: S3Bucket): Promise<RemoteState> {
  const files: RemoteState['files'] = {}
  for (const [path, object] of await listObjects(bucket)) files[path] = { hash: md5OfEtag(object.etag), size: object.size }
  return { files, pending: [], rules: '' }
}

/**
 * Uploads one file.
 *
 * @param bucket The bucket.
 * @param object The path, bytes and headers.
 */
export async function putFile(
  bucket: S3Bucket,
  object: { path: string; body: Uint8Array; contentType: string; cacheControl: string; redirect?: string }
): Promise<void> {
  const { client, at } = bucket
  await storage({ operation: 's3:PutObject', url: s3Url(at, object.path), endpoint: bucket.endpoint }, () =>
    client.send(
      new PutObjectCommand({
        Bucket: at.bucket,
        Key: at.prefix + object.path.slice(1),
        Body: object.body,
        ContentType: object.contentType,
        CacheControl: object.cacheControl,
        ...(object.redirect === undefined ? {} : { WebsiteRedirectLocation: object.redirect }),
      })
    )
  )
}

/**
 * Deletes files, 1,000 per request (S3's limit).
 *
 * @param bucket The bucket.
 * @param paths URL paths.
 */
export async function deleteFiles(bucket: S3Bucket, paths: readonly string[]): Promise<void> {
  const { client, at } = bucket
  for (let start = 0; start < paths.length; start += 1000) {
    const batch = paths.slice(start, start + 1000)
    const result = await storage({ operation: 's3:DeleteObject', url: s3Url(at, batch[0]), endpoint: bucket.endpoint }, () =>
      client.send(new DeleteObjectsCommand({ Bucket: at.bucket, Delete: { Objects: batch.map((path) => ({ Key: at.prefix + path.slice(1) })), Quiet: true } }))
    )
    const failed = result.Errors ?? []
    if (failed.length > 0)
      throw new DeployError(
        `could not delete ${failed.length} objects (first: s3://${at.bucket}/${failed[0]?.Key}: ${failed[0]?.Code} ${failed[0]?.Message}).`,
        `They stay listed as pending in the bucket's manifest: run the deploy again, it deletes them${failed[0]?.Code === 'AccessDenied' ? ' (the key needs s3:DeleteObject on the prefix)' : ''}.`
      )
  }
}
