import type { IncomingMessage } from 'node:http'
import S3rver from 's3rver'

/** A running S3-compatible server (s3rver) on 127.0.0.1 and what it was asked to write. */
export interface S3Server {
  endpoint: string
  /** Keys written by PUT, in order of arrival. */
  puts: string[]
  /** Called on each PUT (e.g. to kill a deploy half-way). */
  onPut: (listener: (key: string, count: number) => void) => void
  /** Credentials s3rver accepts, as the standard AWS variables. */
  env: Record<string, string>
  close: () => Promise<void>
}

/**
 * Starts s3rver with one bucket on a free port.
 *
 * @param directory Where it keeps objects.
 * @param bucket The bucket to create.
 */
export async function startS3Server(directory: string, bucket: string): Promise<S3Server> {
  const server = new S3rver({ port: 0, address: '127.0.0.1', directory, silent: true, configureBuckets: [{ name: bucket }] })
  const address = await server.run()
  const puts: string[] = []
  const listeners: Array<(key: string, count: number) => void> = []
  server.httpServer.on('request', (request: IncomingMessage) => {
    if (request.method !== 'PUT') return
    const key = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).replace(`/${bucket}/`, '')
    puts.push(key)
    for (const listener of listeners) listener(key, puts.length)
  })
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    puts,
    onPut: (listener) => void listeners.push(listener),
    env: { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1' },
    close: () => server.close(),
  }
}
