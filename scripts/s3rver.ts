import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import S3rver, { type StoredObject } from 's3rver'

/** What {@link createS3rver} takes: s3rver's own options. */
export type S3rverOptions = ConstructorParameters<typeof S3rver>[0]

/**
 * s3rver (the S3-compatible server the tests and benches deploy to, on 127.0.0.1), with one thing
 * fixed: a PUT answers once the object is whole on disk, and replaces it whole.
 *
 * s3rver 3.7.1 (its last release) answers a PUT before its write stream has finished, and writes
 * over the object's file in place. So the next PUT of the same key can be answered while the
 * first one's bytes are still being written. When the first object was longer, its tail is left
 * after the second one. A deploy stores its manifest several times in a row, and the push-deploy
 * suite once found a gzip member followed by stray bytes ("not a manifest toasoan can read: not
 * gzip (incorrect header check)"): the deploys run in the test's process, whose file system
 * threads the builds keep busy, so s3rver's last write could wait past the next PUT. S3 itself
 * never shows a torn object. Here each object is written to a file of its own, renamed into place
 * once whole: a reader sees the old bytes or the new ones.
 *
 * @param options s3rver's options.
 * @returns The server, not yet running (`run()` starts it).
 */
export function createS3rver(options: S3rverOptions): S3rver {
  const server = new S3rver(options)
  const store = server.store
  let written = 0
  store.putObject = async (object: StoredObject) => {
    const path = store.getResourcePath(object.bucket, object.key, 'object')
    // Not a name s3rver lists: it lists the files ending in `._S3rver_object`.
    const temporary = `${path}.${process.pid}-${written++}.partial`
    const md5 = createHash('md5')
    let size = 0
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        md5.update(chunk)
        size += chunk.length
        done(null, chunk)
      },
    })
    await mkdir(dirname(path), { recursive: true })
    const content = Buffer.isBuffer(object.content) ? Readable.from([object.content]) : object.content
    try {
      await pipeline(content, count, createWriteStream(temporary))
      await rename(temporary, path)
    } catch (error) {
      await rm(temporary, { force: true })
      throw error
    }
    const digest = md5.digest('hex')
    await store.putMetadata(object.bucket, object.key, object.metadata, digest)
    return { size, md5: digest }
  }
  return server
}
