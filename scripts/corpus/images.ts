/**
 * The image pool every article draws from: file names, size, and the gradient
 * pixels each pool image is encoded from.
 */

/** Image pool written to media/ and referenced by articles. */
export const IMAGE_POOL: readonly string[] = ['anh-1.jpg', 'anh-2.jpg', 'anh-3.jpg', 'anh-4.jpg', 'anh-5.jpg', 'anh-6.jpg']

/** Width of the generated images, in pixels. */
export const IMAGE_WIDTH = 1600

/** Height of the generated images, in pixels (3:2). */
export const IMAGE_HEIGHT = 1067

/** Gradient end colours (RGB) of the six pool images. */
export const IMAGE_COLOURS: readonly (readonly [readonly number[], readonly number[]])[] = [
  [
    [28, 84, 148],
    [120, 180, 220],
  ], // sea
  [
    [46, 110, 52],
    [196, 214, 90],
  ], // rice field
  [
    [150, 40, 36],
    [240, 170, 80],
  ], // festival
  [
    [70, 70, 78],
    [190, 190, 200],
  ], // street
  [
    [120, 78, 40],
    [230, 200, 150],
  ], // village
  [
    [90, 40, 120],
    [230, 140, 170],
  ], // evening
]

/**
 * Makes the raw RGB pixels of a diagonal gradient.
 * @param width width in pixels
 * @param height height in pixels
 * @param from RGB colour at the top-left corner
 * @param to RGB colour at the bottom-right corner
 */
export function gradientPixels(width: number, height: number, from: readonly number[], to: readonly number[]): Buffer {
  const pixels = Buffer.alloc(width * height * 3)
  const [r0 = 0, g0 = 0, b0 = 0] = from
  const [r1 = 0, g1 = 0, b1 = 0] = to
  let offset = 0
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x / width) * 0.65 + (y / height) * 0.35
      pixels[offset++] = Math.round(r0 + (r1 - r0) * t)
      pixels[offset++] = Math.round(g0 + (g1 - g0) * t)
      pixels[offset++] = Math.round(b0 + (b1 - b0) * t)
    }
  }
  return pixels
}
