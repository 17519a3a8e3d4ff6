import type { Registries } from '../content/registries.ts'
import type { ImportResult } from './import-report.ts'

/** Options of {@link importHtml}. */
export interface HtmlImportOptions {
  paths: readonly string[]
  configPath: string
  contentDir: string
  registries: Registries
  locality?: string
  mediaDir?: string
  dryRun?: boolean
}

/** Imports saved pages of the old site (not yet). */
export async function importHtml(_options: HtmlImportOptions): Promise<ImportResult> {
  throw new Error('import html is not built yet')
}
