export { assetSources, bundleScript, fingerprint, readAssets, type Asset, type AssetUrls } from './assets.ts'
export { createStaging, discardStaging, swapIntoPlace, writeStatic } from './output.ts'
