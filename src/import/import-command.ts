import { stat } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { loadRegistries } from '../content/registries.ts'
import { didYouMean } from '../problems/did-you-mean.ts'
import { formatProblems, hasErrors } from '../problems/report.ts'
import { UsageError } from '../shared/usage-error.ts'
import { readImportMap } from './import-map.ts'
import { formatSummary, type ImportResult } from './import-report.ts'
import { importWordpress } from './wordpress-import.ts'

const options = {
  content: { type: 'string', default: 'content' },
  locality: { type: 'string' },
  map: { type: 'string' },
  media: { type: 'string' },
  config: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
} as const

const help = 'Run toasoan import --help for its forms and options.'

/**
 * `toasoan import wordpress|html …`: reads the old archive, writes the content, prints the
 * problems like a compiler and a summary.
 *
 * @param args The arguments after `import`.
 * @returns 0 imported (warnings allowed), 1 input unreadable or left out with errors, 2 usage.
 */
export async function importCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(args)
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

function parseOptions(args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, options })
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error)
    throw new UsageError(`import: ${message}`, help)
  }
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false
}
