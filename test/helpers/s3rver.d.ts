declare module 's3rver' {
  import type { Server } from 'node:http'
  import type { AddressInfo } from 'node:net'
  /** The subset of s3rver's API the tests use. */
  export default class S3rver {
    constructor(options: { port?: number; address?: string; directory: string; silent?: boolean; configureBuckets?: Array<{ name: string }> })
    run(): Promise<AddressInfo>
    close(): Promise<void>
    httpServer: Server
  }
}
