export { importCommand, type ImportArgs } from './import-command.ts'
