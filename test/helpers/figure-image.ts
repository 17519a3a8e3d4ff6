import { planImage } from '../../src/images/index.ts'
import type { FigureImage } from '../../src/markdown/index.ts'

/**
 * A listed image for Markdown tests: `anh.jpg`, 800×600, planned as the build plans images.
 *
 * @param caption Its caption. @default 'Lúa chín'
 */
export function figureImage(caption = 'Lúa chín'): FigureImage {
  const set = planImage({ sourcePath: '/x/anh.jpg', name: 'anh', hash: '0123456789abcdef', width: 800, height: 600, alpha: false })
  return { src: 'anh.jpg', url: set.fallback.url, width: set.width, height: set.height, set, alt: 'Cánh đồng lúa', caption, credit: 'Ảnh: Lan Anh' }
}
