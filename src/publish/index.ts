export { readStylesheet, stylesheetPath, type Asset } from './assets.ts'
export { createStaging, discardStaging, swapIntoPlace, writeStatic } from './output.ts'
