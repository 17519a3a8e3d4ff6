export { assetSources, bundleScript, fingerprint, readAssets, type Asset, type AssetUrls } from './assets.ts'
export { createStaging, discardStaging, linkOrCopy, linkTree, swapIntoPlace, writeAssets } from './output.ts'
export { carryUnits, readUnitManifest, reusableUnits, writeUnitManifest, type OutputUnit, type UnitManifest } from './units.ts'
export { computeFileManifest, manifestName, mergeCarried, readFileManifest, writeFileManifest, writeOutputManifest, type FileManifest, type ManifestEntry } from './file-manifest.ts'
