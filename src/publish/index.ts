export { assetSources, assetUrls, bundleScript, fingerprint, readAssets, type Asset, type AssetUrls } from './assets.ts'
export { checkOutput, isOutputFolder, outputMarker, pathRelation, type OutputCheck } from './check-output.ts'
export { BuildInterrupted, interruptBuild, isInterrupted, uninterruptible } from './interruption.ts'
export { isRunning, lockFileOf, lockOutput, OutputBusy, type LockHolder, type LockOptions } from './output-lock.ts'
export { cleanLeftovers, createStaging, discardStaging, spareOf, swapIntoPlace, writeAssets } from './output.ts'
export {
  carryUnits,
  readSpareUnits,
  recordUnitPages,
  takePatchable,
  readUnitManifest,
  carriableUnits,
  intactUnits,
  writeSpareManifest,
  writeUnitManifest,
  type SpareUnits,
  type UnitManifest,
} from './units.ts'
export {
  computeFileManifest,
  manifestName,
  manifestText,
  mergeCarried,
  parseManifest,
  readFileManifest,
  readManifestTable,
  recordOf,
  tableOf,
  writeOutputManifest,
  type FileManifest,
  type KeyColumns,
  type ManifestEntry,
  type ManifestTable,
} from './file-manifest.ts'
export { adminPage, decapStamp, githubRepoOf, repositoryOf, writeCmsAdmin, type CmsAdminOptions } from './cms-admin.ts'
export { outputIdentity } from './output-identity.ts'
export { fillEnclosureLengths } from './enclosure-lengths.ts'
export { deployedChecks, manifestKeys, partialManifest, type DeployedChecks, type DeployedSite } from './deployed.ts'
