import { createHash } from 'node:crypto'

/**
 * Git's object id of a file's bytes (SHA-1 of `blob <size>\0` and the bytes): what `git ls-files -s`
 * prints for a file whose index entry holds these bytes.
 *
 * @param bytes The file's bytes.
 */
export function gitBlobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
}
