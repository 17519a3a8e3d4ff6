export { importCommand } from './import-command.ts'
export { importUsage } from './import-usage.ts'
