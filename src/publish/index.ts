export { assetSources, bundleScript, fingerprint, readAssets, type Asset, type AssetUrls } from './assets.ts'
export { createStaging, discardStaging, swapIntoPlace, writeAssets } from './output.ts'
