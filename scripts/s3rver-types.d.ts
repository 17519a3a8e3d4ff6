declare module 's3rver' {
  import type { Server } from 'node:http'
  import type { AddressInfo } from 'node:net'
  /** An object as s3rver's store receives it from a PUT. */
  export interface StoredObject {
    bucket: string
    key: string
    content: Buffer | NodeJS.ReadableStream
    metadata: Record<string, string>
  }
  /** The part of s3rver's file-system store that `scripts/s3rver.ts` replaces and uses. */
  export interface FilesystemStore {
    getResourcePath(bucket: string, key: string, resource: string): string
    putMetadata(bucket: string, key: string, metadata: Record<string, string>, md5: string): Promise<void>
    putObject(object: StoredObject): Promise<{ size: number; md5: string }>
  }
  /** The subset of s3rver's API the tests and benches use. */
  export default class S3rver {
    constructor(options: { port?: number; address?: string; directory: string; silent?: boolean; configureBuckets?: Array<{ name: string }> })
    run(): Promise<AddressInfo>
    close(): Promise<void>
    httpServer: Server
    store: FilesystemStore
  }
}
