import { gunzipSync, gzipSync } from 'node:zlib'
import { GetObjectCommand, PutObjectCommand, S3ServiceException } from '@aws-sdk/client-s3'
import type { RemoteState } from './deploy-plan.ts'
import { s3Url, type S3Bucket } from './s3-client.ts'
import { DeployError, storage } from './storage-error.ts'

/** Where the deploy records what the bucket holds; written last, read first. */
export const remoteManifestKey = '.toasoan-manifest.json.gz'

/** The manifest object's address, for messages. */
export function manifestUrl(bucket: S3Bucket): string {
  return s3Url(bucket.at, `/${remoteManifestKey}`)
}

/**
 * Reads the bytes of a bucket manifest, or says why they are not one.
 *
 * @param bytes The object's bytes.
 * @returns The state, or the reason it is unreadable (`not gzip: …`, `not JSON: …`, `…`).
 */
export function parseRemoteState(bytes: Uint8Array): RemoteState | string {
  let text: string
  try {
    text = gunzipSync(bytes).toString('utf8')
  } catch (error) {
    return `not gzip (${(error as Error).message})`
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return `not JSON (${(error as Error).message})`
  }
  const state = value as Partial<RemoteState> | null
  if (typeof state !== 'object' || state === null) return 'JSON, but not an object'
  if (typeof state.rules !== 'string') return '"rules" is not a string'
  if (!Array.isArray(state.pending) || !state.pending.every((path) => typeof path === 'string')) return '"pending" is not a list of paths'
  if (typeof state.files !== 'object' || state.files === null || Array.isArray(state.files)) return '"files" is not an object'
  // for…in, not Object.entries: a quarter of a million entries at 100,000 articles, each pair an array.
  const files: Record<string, { hash?: unknown; size?: unknown } | null> = state.files
  for (const path in files) {
    const entry = files[path]
    if (typeof entry?.hash !== 'string' || typeof entry.size !== 'number') return `"files" has an entry that is not {hash, size}: ${path}`
  }
  const keys: unknown = state.keys
  if (keys !== undefined) {
    if (typeof keys !== 'object' || keys === null) return '"keys" is not an object of strings'
    const record = keys as Record<string, unknown>
    for (const path in record) if (typeof record[path] !== 'string') return '"keys" is not an object of strings'
  }
  return { files: state.files, pending: state.pending, rules: state.rules, ...(state.keys === undefined ? {} : { keys: state.keys }) }
}

/** A bucket manifest toasoan cannot read: `--repair` goes on without it, from the bucket's listing. */
export class CorruptManifest extends DeployError {
  /**
   * @param bucket The bucket.
   * @param reason What is wrong with it.
   */
  constructor(bucket: S3Bucket, reason: string) {
    super(
      `${manifestUrl(bucket)} is not a manifest toasoan can read: ${reason}.`,
      'Run the deploy again with --repair, which lists the bucket instead and rewrites the manifest; or delete that object: the next deploy then lists the bucket and uploads every file.'
    )
    this.name = 'CorruptManifest'
  }
}

/**
 * The state the last deploy stored, or `undefined` when the bucket has no manifest.
 *
 * @param bucket The bucket.
 * @throws {CorruptManifest} When it is not a manifest.
 * @throws {DeployError} When it cannot be read.
 */
export async function readRemoteState(bucket: S3Bucket): Promise<RemoteState | undefined> {
  const { client, at } = bucket
  const bytes = await storage({ operation: 's3:GetObject', url: manifestUrl(bucket), endpoint: bucket.endpoint }, async () => {
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: at.bucket, Key: at.prefix + remoteManifestKey }))
      return await object.Body?.transformToByteArray()
    } catch (error) {
      // The bucket exists (checked first), so a 404 is the object's.
      if (error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404)) return undefined
      throw error
    }
  })
  if (bytes === undefined) return undefined
  const state = parseRemoteState(bytes)
  if (typeof state === 'string') throw new CorruptManifest(bucket, state)
  return state
}

/**
 * Stores the deploy's record of the bucket.
 *
 * @param bucket The bucket.
 * @param state What the bucket holds.
 * @param serialise Makes its JSON (see {@link stateSerialiser}). @default JSON.stringify
 */
export async function writeRemoteState(bucket: S3Bucket, state: RemoteState, serialise: (state: RemoteState) => string = JSON.stringify): Promise<void> {
  const { client, at } = bucket
  const body = gzipSync(serialise(state))
  await storage({ operation: 's3:PutObject', url: manifestUrl(bucket), endpoint: bucket.endpoint }, () =>
    client.send(
      new PutObjectCommand({ Bucket: at.bucket, Key: at.prefix + remoteManifestKey, Body: body, ContentType: 'application/gzip', CacheControl: 'no-store' })
    )
  )
}

/**
 * Serialises states that share objects (their `files` and `keys`), the JSON of each object made
 * once: a deploy stores the build's entries twice, before and after its deletions (242,000
 * entries, half a second each time, at 100,000 articles). Every field is written as
 * `JSON.stringify` writes it, so a field added to {@link RemoteState} needs nothing here. The
 * objects must not change once serialised.
 */
export function stateSerialiser(): (state: RemoteState) => string {
  const made = new WeakMap<object, string>()
  const json = (value: unknown): string => {
    if (typeof value !== 'object' || value === null) return JSON.stringify(value)
    let text = made.get(value)
    if (text === undefined) {
      text = JSON.stringify(value)
      made.set(value, text)
    }
    return text
  }
  return (state) => {
    const fields = Object.entries(state).filter(([, value]) => value !== undefined)
    return `{${fields.map(([name, value]) => `${JSON.stringify(name)}:${json(value)}`).join(',')}}`
  }
}
