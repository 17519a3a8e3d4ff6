import { createHash } from 'node:crypto'

/**
 * The one hash behind every cache key: SHA-256 (hex) of the parts, each prefixed with its length
 * so that `('ab', 'c')` and `('a', 'bc')` never give the same key.
 *
 * @param parts Strings or bytes, in a fixed order.
 */
export function digest(...parts: ReadonlyArray<string | Uint8Array>): string {
  const hash = createHash('sha256')
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part) : part
    hash.update(`${bytes.byteLength}:`).update(bytes)
  }
  return hash.digest('hex')
}
