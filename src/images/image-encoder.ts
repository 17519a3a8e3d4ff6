import { cacheFingerprint } from '../cache/index.ts'

/**
 * Identity of the code that encodes images: the module graph of `process-images.ts` with sharp's
 * version, the key of the images cache. Published image names carry it, so new encoder code
 * publishes new names instead of new bytes under names a CDN keeps for a year.
 */
export async function imageEncoder(): Promise<string> {
  return (await cacheFingerprint('images')).slice(0, 16)
}
