import { stat } from 'node:fs/promises'
import { loadRegistries } from '../content/registries.ts'
import { didYouMean } from '../problems/did-you-mean.ts'
import { formatProblems, hasErrors } from '../problems/report.ts'
import { UsageError } from '../shared/usage-error.ts'
import { readImportMap } from './import-map.ts'
import { formatSummary, type ImportResult } from './import-report.ts'
import { importWordpress } from './wordpress-import.ts'

/** The options of `toasoan import`, parsed by the command line (`src/cli/commands/import.ts`). */
export interface ImportArgs {
  content: string
  locality?: string | undefined
  map?: string | undefined
  media?: string | undefined
  config?: string | undefined
  'dry-run': boolean
}

const help = 'Run toasoan import --help for its forms and options.'

/**
 * `toasoan import wordpress|html …`: reads the old archive, writes the content, prints the
 * problems like a compiler and a summary.
 *
 * @param values Its options.
 * @param positionals The source (`wordpress`, `html`) and its files.
 * @returns 0 imported (warnings allowed), 1 input unreadable or left out with errors; wrong usage
 *   is thrown as a {@link UsageError} (the command line exits 2).
 */
export async function importCommand(values: ImportArgs, positionals: readonly string[]): Promise<0 | 1> {
  const [kind, ...paths] = positionals
  if (kind !== 'wordpress' && kind !== 'html') {
    throw new UsageError(
      kind === undefined ? 'import needs a source: wordpress or html.' : `import: unknown source "${kind}".`,
      `Give wordpress EXPORT.xml or html --config FILE.yml PATH…. ${help}`
    )
  }
  if (kind === 'wordpress' && paths.length !== 1)
    throw new UsageError('import wordpress takes one export file.', `toasoan import wordpress EXPORT.xml. ${help}`)
  if (kind === 'html' && (paths.length === 0 || values.config === undefined))
    throw new UsageError('import html needs --config FILE.yml and at least one page or folder.', help)
  if (!(await isDirectory(values.content)))
    throw new UsageError(
      `--content: there is no content folder at ${values.content}.`,
      'Give the content folder (with site.yml, localities.yml, authors.yml): --content path/to/content.'
    )
  if (values.media !== undefined && !(await isDirectory(values.media)))
    throw new UsageError(`--media: ${values.media} is not a folder.`, 'Give the copy of wp-content/uploads (or of the old site).')
  const cwd = process.cwd()
  const { registries, files } = await loadRegistries(values.content)
  if (!registries || hasErrors(files)) {
    console.error(formatProblems(files, cwd))
    return 1
  }
  if (values.locality !== undefined && !registries.localities.some((entry) => entry.id === values.locality)) {
    const suggestion = didYouMean(
      values.locality,
      registries.localities.map((entry) => entry.id)
    )
    throw new UsageError(
      `--locality: unknown locality "${values.locality}".`,
      `${suggestion ? `Did you mean "${suggestion}"? ` : ''}Use an id of localities.yml.`
    )
  }
  for (const path of [...paths, values.map, values.config]) {
    if (path !== undefined && !(await stat(path).catch(() => undefined))) {
      console.error(`toasoan: cannot read ${path}: no such file or folder.`)
      return 1
    }
  }
  let map: Awaited<ReturnType<typeof readImportMap>>['map']
  if (values.map !== undefined) {
    const read = await readImportMap(values.map, registries)
    if (!read.map) {
      console.error(formatProblems([read.file], cwd))
      return 1
    }
    map = read.map
  }
  const common = {
    contentDir: values.content,
    registries,
    dryRun: values['dry-run'],
    ...(values.locality ? { locality: values.locality } : {}),
    ...(values.media ? { mediaDir: values.media } : {}),
  }
  let result: ImportResult
  if (kind === 'wordpress') result = await importWordpress({ exportPath: paths[0] as string, ...common, ...(map ? { map } : {}) })
  else {
    const { importHtml } = await import('./html-import.ts')
    result = await importHtml({ paths, configPath: values.config as string, ...common })
  }
  if (result.files.some((file) => file.messages.length > 0)) console.error(formatProblems(result.files, cwd))
  console.log(formatSummary(result, values['dry-run']))
  return result.unreadable || hasErrors(result.files) ? 1 : 0
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false
}
