/** An image file of the content folder, measured (after EXIF orientation) and hashed. */
export interface MediaFile {
  /** Absolute path of the source file. */
  sourcePath: string
  /** File name without extension, for published names. */
  name: string
  /** SHA-256 of the bytes (hex, 16 characters): the cache key of everything made from it. */
  hash: string
  /** Width in pixels, as displayed (EXIF orientation applied). */
  width: number
  /** Height in pixels, as displayed. */
  height: number
  /** Whether it has transparency (then the fallback is PNG, not JPEG). */
  alpha: boolean
}
