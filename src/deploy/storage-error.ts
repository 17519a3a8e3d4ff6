import { S3ServiceException } from '@aws-sdk/client-s3'

/**
 * A deploy that cannot go on, said as the command line prints it: what happened, then on its own
 * line what to do. The command line prints the message alone (no stack): it is the whole story.
 */
export class DeployError extends Error {
  /** What happened, without the hint. */
  readonly what: string
  /** What to do about it. */
  readonly hint: string
  /** Whether running the deploy again may succeed as it is (a busy or flaky storage). */
  readonly transient: boolean

  /**
   * @param what What happened, naming the object and the operation.
   * @param hint What to do.
   * @param transient Whether a retry may succeed. @default false
   */
  constructor(what: string, hint: string, transient = false) {
    super(`${what}\n  hint: ${hint}`)
    this.name = 'DeployError'
    this.what = what
    this.hint = hint
    this.transient = transient
  }
}

/**
 * The same error with more to do: e.g. "the uploads before it are recorded; run it again".
 *
 * @param error The deploy's error.
 * @param more A sentence added to its hint.
 */
export function withHint(error: DeployError, more: string): DeployError {
  return new DeployError(error.what, `${error.hint} ${more}`, error.transient)
}

/** What a storage request was doing, for its error. */
export interface StorageContext {
  /** The S3 permission the request needs, which is also its operation: `s3:PutObject`. */
  operation: string
  /** The object or bucket: `s3://site/www/index.html`. */
  url: string
  /** The `--endpoint`, or AWS when none. */
  endpoint: string | undefined
}

/** System errors a retry may get past: the SDK retried them already. */
const transientCodes = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN'])

/**
 * Says what a failed storage request means and what to do, from the SDK's error: the endpoint
 * (refused, not found, not S3), the bucket, the credentials, a missing permission, a busy storage.
 *
 * @param error What the SDK threw.
 * @param context The request.
 */
export function describeStorageError(error: unknown, context: StorageContext): DeployError {
  if (error instanceof DeployError) return error
  const { operation, url } = context
  const endpoint = context.endpoint ?? 'AWS S3'
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ECONNREFUSED')
    return new DeployError(
      `${endpoint} refused the connection (${operation} on ${url}).`,
      'Nothing listens there: check the host and port of --endpoint, and that the storage server is running.'
    )
  if (code === 'ENOTFOUND')
    return new DeployError(
      `${endpoint}: host not found (${operation} on ${url}).`,
      'Check the host name of --endpoint (and that this machine reaches the network).'
    )
  if (code !== undefined && transientCodes.has(code))
    return new DeployError(
      `${operation} on ${url} failed: ${code} (the connection to ${endpoint} broke), after the SDK's retries.`,
      'The storage or the network is flaky; wait a little and run the deploy again.',
      true
    )
  if ((error as Error | undefined)?.name === 'TimeoutError')
    return new DeployError(
      `${operation} on ${url} timed out: ${endpoint} sent nothing for too long, after the SDK's retries.`,
      'The storage or the network is stalling; wait a little and run the deploy again.',
      true
    )
  if (!(error instanceof S3ServiceException))
    return new DeployError(
      `${operation} on ${url} failed: ${(error as Error).message ?? String(error)}`,
      'Run the deploy again; if it keeps failing, check --endpoint and the storage.'
    )
  const status = error.$metadata.httpStatusCode ?? 0
  const contentType = String(error.$response?.headers['content-type'] ?? error.$response?.headers['Content-Type'] ?? '')
  if (contentType !== '' && !/xml/i.test(contentType)) return notS3(endpoint, `answered ${status} with ${contentType}, not S3's XML`)
  const bucket = /^s3:\/\/([^/]+)/.exec(url)?.[1] ?? ''
  switch (error.name) {
    case 'NoSuchBucket':
      return new DeployError(
        `the bucket "${bucket}" does not exist at ${endpoint}.`,
        'Create it first (deploy never creates buckets), or check the bucket name in --to, and --endpoint and --region.'
      )
    case 'SignatureDoesNotMatch':
      return new DeployError(
        `${endpoint} rejected the request's signature (${operation} on ${url}): the secret key does not match the key id.`,
        'Check AWS_SECRET_ACCESS_KEY: it must be the secret of the key in AWS_ACCESS_KEY_ID, both issued by this storage.'
      )
    case 'InvalidAccessKeyId':
      return new DeployError(
        `${endpoint} does not know the access key id (${operation} on ${url}).`,
        'Check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY: a key pair issued by the storage --endpoint names (AWS without it).'
      )
    case 'PermanentRedirect':
    case 'AuthorizationHeaderMalformed':
    case 'IllegalLocationConstraintException':
      return new DeployError(
        `the bucket "${bucket}" is in another region than the one asked (${operation} on ${url}: ${error.name}).`,
        "Give the bucket's region with --region (or AWS_REGION), e.g. --region eu-west-1."
      )
    case 'AccessDenied':
    case 'Forbidden':
      return new DeployError(
        `access denied: ${operation} on ${url}.`,
        `The key in AWS_ACCESS_KEY_ID needs ${operation} on ${url}: grant it in the bucket's policy or the key's permissions (a deploy needs s3:ListBucket, s3:GetObject, s3:PutObject and s3:DeleteObject).`
      )
  }
  if (status >= 500 || error.name === 'SlowDown')
    return new DeployError(
      `${operation} on ${url} failed: ${status} ${error.name} after ${plural(error.$metadata.attempts ?? 1, 'attempt')}.`,
      'The storage is busy or failing; wait a little and run the deploy again.',
      true
    )
  if (error.name === 'UnknownError' || /^\d+$/.test(error.name) || error.name === 'NotFound') return notS3(endpoint, `answered ${status} without an S3 error`)
  return new DeployError(
    `${operation} on ${url} failed: ${status} ${error.name}: ${error.message}`,
    'Check --endpoint, the bucket and the credentials, then run the deploy again.'
  )
}

/**
 * The endpoint is something else than S3 storage (a website, a proxy's page).
 *
 * @param endpoint The endpoint.
 * @param answer What it answered.
 */
export function notS3(endpoint: string, answer: string): DeployError {
  return new DeployError(
    `${endpoint} does not answer as S3-compatible storage: it ${answer}.`,
    "--endpoint must be the storage's S3 API (R2: https://ACCOUNT_ID.r2.cloudflarestorage.com, GCS: https://storage.googleapis.com, MinIO: http://HOST:9000), not the site's address."
  )
}

/**
 * Runs a storage request, turning its failure into a {@link DeployError}.
 *
 * @param context The request, for the error.
 * @param request The request.
 */
export async function storage<T>(context: StorageContext, request: () => Promise<T>): Promise<T> {
  try {
    return await request()
  } catch (error) {
    throw describeStorageError(error, context)
  }
}

/** `1 attempt`, `5 attempts`. */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
