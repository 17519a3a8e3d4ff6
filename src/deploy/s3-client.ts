import { S3Client } from '@aws-sdk/client-s3'

/** A bucket and a key prefix (`''` or ending in `/`). */
export interface S3Location {
  bucket: string
  prefix: string
}

/** A bucket to deploy to, with the client that reaches it. */
export interface S3Bucket {
  client: S3Client
  at: S3Location
  /** The `--endpoint`, for errors; `undefined` for AWS. */
  endpoint: string | undefined
}

/** Uploads and reads are tried this many times (the SDK's standard retries: 503s, resets, throttling). */
const defaultAttempts = 5

/** Options of {@link createS3Client}. */
export interface S3ClientOptions {
  /** An S3-compatible endpoint; paths then name the bucket. */
  endpoint?: string
  region?: string
  /**
   * How long a request may go without a byte either way before it is abandoned and retried (ms):
   * a storage node that holds a request would otherwise hold the deploy for good. Idle time, not
   * the whole request's, so a large file on a slow line is not cut. @default 60000
   */
  idleTimeout?: number
}

/**
 * An S3 client from the standard `AWS_*` environment variables (keys, region, profile,
 * `AWS_MAX_ATTEMPTS`). With an endpoint (MinIO, R2, a local server) paths name the bucket, which
 * every such service accepts.
 *
 * @param options The endpoint and region from the command line.
 */
export function createS3Client(options: S3ClientOptions): S3Client {
  // The SDK warns, in nine lines on every run, that its releases after January 2027 will need
  // Node 22; toasoan supports Node 20 until then, and the warning only alarms whoever reads the
  // deploy's log. The variable is the SDK's own switch (read when a client is made).
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true'
  return new S3Client({
    region: options.region ?? process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'] ?? 'us-east-1',
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint, forcePathStyle: true }),
    // Checksums only where S3 requires them: R2, GCS and older servers reject the newer trailers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // The standard strategy backs off exponentially with full jitter (a random wait up to
    // 100 ms × 2^attempt), so a fleet of uploads hitting a busy node does not retry in step.
    retryMode: 'standard',
    ...(process.env['AWS_MAX_ATTEMPTS'] === undefined ? { maxAttempts: defaultAttempts } : {}),
    requestHandler: { socketTimeout: options.idleTimeout ?? 60_000, connectionTimeout: 10_000 },
  })
}

/**
 * An object's or the prefix's address, for messages: `s3://site/www/index.html`.
 *
 * @param at The bucket and prefix.
 * @param path A URL path (`/index.html`); the prefix itself without.
 */
export function s3Url(at: S3Location, path = '/'): string {
  return `s3://${at.bucket}/${at.prefix}${path.slice(1)}`
}
