export { articleImageSizes } from './image-sizes.ts'
export { imageEncoder } from './image-encoder.ts'
export { cropRatios, imageOptions, planImage, variantWidths, type ImageFormat, type ImageOptions, type ImageSet, type ImageVariant } from './plan-image.ts'
export { processImages, type ProcessOptions, type ProcessResult } from './process-images.ts'
