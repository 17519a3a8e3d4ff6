export { assetPaths, readAsset, readAssets, type Asset } from './assets.ts'
export { createStaging, discardStaging, swapIntoPlace, writeStatic } from './output.ts'
