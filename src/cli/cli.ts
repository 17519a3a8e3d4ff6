import { deployUsage } from '../deploy/deploy-usage.ts'
import { importUsage } from '../import/import-usage.ts'
import { mostReadUsage } from '../most-read/most-read-usage.ts'
import { weatherUsage } from '../weather/weather-usage.ts'
import { checkContentDir, packageVersion, parseCliArgs } from './cli-options.ts'
import { checkBaseUrl, resolveNow } from '../shared/operator-input.ts'
import { didYouMean } from '../problems/did-you-mean.ts'
import { checkOutput } from '../publish/check-output.ts'
import { interruptBuild } from '../publish/interruption.ts'
import { progressBar, progressLines, wantsProgressBar } from '../shared/progress.ts'
import { UsageError } from '../shared/usage-error.ts'
import type { VFile } from 'vfile'

// Each command imports the stages it runs when it runs (a usage error, `check` or `new` never loads
// Eleventy, Pagefind or the S3 client): the command starts in a fraction of the time.

/** Where `toasoan schema` writes by default: beside the content, out of the way, the same for every editor. */
const defaultSchemaDir = '.toasoan/schema'

/** `--format`: problems as a compiler prints them, or as GitHub Actions workflow commands. */
function checkFormat(format: string): 'text' | 'github' {
  if (format === 'text' || format === 'github') return format
  throw new UsageError(`--format: "${format}" is not a format.`, 'Give --format text (the default) or --format github (annotations on a pull request).')
}

/** `--wait SECONDS`: a whole number of seconds, 0 when not given. */
function waitSeconds(value: string | undefined): number {
  if (value === undefined) return 0
  const seconds = Number(value)
  if (Number.isInteger(seconds) && seconds >= 0) return seconds
  throw new UsageError(`--wait: "${value}" is not a number of seconds.`, 'Give --wait a whole number of seconds, e.g. --wait 600.')
}

/**
 * Every command and its part of `--help`. The list of known commands, "did you mean" and the help
 * all come from this table, and {@link run} must handle each key (its switch is exhaustive), so a
 * command cannot be listed without running, or run without being listed (`cms` once was).
 */
export const commandUsage = {
  build: `  build   Validate the content and build the site
            --content DIR   content folder (default: content)
            --out DIR       output folder, replaced only on success (default: dist);
                            a new folder or one an earlier build wrote
            --base-url URL  override baseUrl from site.yml (http or https)
            --drafts        include drafts and future-dated articles
            --now ISO       the build's "now" (default: SOURCE_DATE_EPOCH, else the clock)
            --cache DIR     cache folder (default: .cache)
            --format github  print problems as GitHub Actions annotations
            --wait SECONDS  wait that long for another build or deploy of --out to end
                            (default: stop at once, naming it)
            --shard I/N     one of N shards of a cold build: render only its share
                            of the archive into --cache, write no output; copy the
                            N cache folders into one, then build as usual`,
  cache: `  cache key  Print the key of the code and registries the cache depends on
            --content DIR`,
  check: `  check   Validate the content without building
            --content DIR  --format text|github
            --changed [BASE]  only the articles changed since BASE (default: the merge base
                            with origin/HEAD or main) and the registries`,
  schema: `  schema  Write JSON Schema files for front matter and the registries, for editors
            --content DIR  --out DIR (default: ${defaultSchemaDir})`,
  serve: `  serve   Build, serve on http://localhost:8080 and rebuild on change
            --content DIR  --out DIR  --port N  --drafts`,
  cms: `  cms     Serve like "serve", with the web editor at /admin/ saving into the content folder
            (decap-server on the port of site.yml's cms.localBackend, 8081 by default)
            --content DIR  --out DIR  --port N  --drafts`,
  new: `  new     Write a new article with valid front matter
            toasoan new "Tiêu đề" --locality ID --author ID [--content DIR] [--date "YYYY-MM-DD HH:mm"]`,
  deploy: deployUsage,
  import: importUsage,
  'most-read': mostReadUsage,
  weather: weatherUsage,
} as const

/** A command of {@link commandUsage}. */
export type Command = keyof typeof commandUsage

/** The names `toasoan` accepts as a command, `help` and `version` included. */
export const commandNames: readonly string[] = [...Object.keys(commandUsage), 'help', 'version']

const isCommand = (name: string): name is Command => Object.hasOwn(commandUsage, name)

const usage = `Usage: toasoan <command> [options]

Commands:
${Object.values(commandUsage).join('\n')}

  --help, -h      this help          --version, -v   the version
`

/**
 * Runs the command line: `scripts/toasoan.js` calls it once per process.
 *
 * @param argv Arguments after the program name.
 * @returns The exit code: 0 success, 1 content errors, 2 wrong usage, 128 + the signal's number
 *   when a build was stopped by SIGINT (130), SIGTERM (143) or SIGHUP (129).
 */
export async function main(argv: readonly string[]): Promise<number> {
  // `toasoan check | head` closes the pipe early; that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  })
  return runCommand(argv)
}

/**
 * Runs one command in this process, as {@link main} does but without taking over the process's
 * standard output: what the command prints goes through `console`, so tests can run many commands
 * in one process and read what each printed.
 *
 * @param argv Arguments after the program name.
 * @returns The exit code, as {@link main} returns it.
 */
export async function runCommand(argv: readonly string[]): Promise<number> {
  try {
    return await run(argv)
  } catch (error) {
    // A build stopped by a signal ends with the signal's exit code (see exitOnSignal), not an error.
    if (signalExit !== undefined) return signalExit
    if (error instanceof UsageError) {
      console.error(`toasoan: ${error.message}\n  hint: ${error.hint}`)
      return 2
    }
    // Content problems are reported with positions above; this is anything else (a tool failing,
    // a full disk): say what, keep the output as it was, and fail.
    console.error(`toasoan: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}

async function run(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === '--version' || command === '-v' || command === 'version') {
    console.log(packageVersion())
    return 0
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(usage)
    return 0
  }
  if (command === undefined) {
    console.log(usage)
    return 2
  }
  if (!isCommand(command)) {
    const suggestion = didYouMean(command, commandNames)
    throw new UsageError(
      `unknown command "${command}".`,
      `${suggestion === undefined ? '' : `Did you mean "${suggestion}"? `}Run toasoan --help for the commands.`
    )
  }
  // `toasoan cms --help`: that command's part of the help; exit 0 only for a command that exists.
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`Usage: toasoan ${command} [options]\n\n${commandUsage[command]}`)
    return 0
  }
  if (command === 'deploy') return (await import('../deploy/index.ts')).deployCommand(rest)
  // Like deploy, import has options of its own (--map, --media, --dry-run…).
  if (command === 'import') return (await import('../import/index.ts')).importCommand(rest)
  // most-read and weather write fragments into a built site, with options of their own (--from, --window, --endpoint).
  if (command === 'most-read') return (await import('../most-read/index.ts')).mostReadCommand(rest)
  if (command === 'weather') return (await import('../weather/index.ts')).weatherCommand(rest)
  const { values, positionals } = parseCliArgs(rest)
  if (values.version) {
    console.log(packageVersion())
    return 0
  }
  const format = checkFormat(values.format)
  await checkContentDir(values.content)
  const cwd = process.cwd()
  const problems = await import('../problems/index.ts')
  const printProblems = (files: Parameters<typeof problems.formatProblems>[0], stream: 'log' | 'error'): void => {
    // Workflow commands are read from standard output only.
    if (format === 'github') console.log(problems.formatGithub(files, cwd))
    else console[stream](problems.formatProblems(files, cwd))
  }
  switch (command) {
    case 'build': {
      if (values.shard !== undefined) return buildShardCommand(values, printProblems)
      const out = values.out ?? 'dist'
      const bar = format === 'text' && wantsProgressBar(process.stdout) ? progressBar((text) => process.stdout.write(text)) : undefined
      const now = resolveNow(values.now)
      if (values['base-url'] !== undefined) checkBaseUrl(values['base-url'])
      // Checked again by build(); here it answers before the stages load.
      await checkOutput({ outDir: out, contentDir: values.content, cacheDir: values.cache })
      const { build } = await import('../pipeline/build.ts')
      const stopOnSignal = exitOnSignal(out)
      const result = await build({
        // A terminal gets a bar; a pipe or a CI log gets a line every few seconds of a long step.
        ...(bar
          ? {
              progress: bar.sink,
              log: (line: string) => {
                bar.clear()
                console.log(line)
              },
            }
          : { progress: progressLines((line) => console.log(line)) }),
        contentDir: values.content,
        outDir: out,
        cacheDir: values.cache,
        drafts: values.drafts,
        now,
        waitForOutput: waitSeconds(values.wait) * 1000,
        ...(values['base-url'] === undefined ? {} : { baseUrl: values['base-url'] }),
      }).finally(stopOnSignal)
      if (!result.ok) {
        printProblems(result.files, 'error')
        console.error(`Build failed: ${out} was left as it was.`)
        return 1
      }
      if (problems.countProblems(result.files).warnings > 0) printProblems(result.files, 'error')
      console.log(`Built ${result.pages} pages into ${out}.`)
      return 0
    }
    case 'cache': {
      if (positionals[0] !== 'key' || positionals.length > 1) {
        throw new UsageError(
          `cache: "${positionals.join(' ')}" is not a cache command.`,
          'Run toasoan cache key (the key of the code and registries the cache depends on).'
        )
      }
      const { cacheKey } = await import('./cache-command.ts')
      const { key, files } = await cacheKey(values.content)
      if (key === undefined) {
        printProblems(files, 'error')
        return 1
      }
      console.log(key)
      return 0
    }
    case 'check': {
      const { loadContent } = await import('../content/index.ts')
      const { checkSite } = await import('../site/check-site.ts')
      const { files } = values.changed
        ? await (await import('./check-changed.ts')).checkChanged({
            contentDir: values.content,
            ...(positionals[0] === undefined ? {} : { base: positionals[0] }),
            log: (line) => console.error(line),
          })
        : checkSite(await loadContent({ contentDir: values.content }))
      const { errors } = problems.countProblems(files)
      printProblems(files, errors > 0 ? 'error' : 'log')
      return errors > 0 ? 1 : 0
    }
    case 'schema': {
      const { writeSchemas } = await import('./schema-command.ts')
      const written = await writeSchemas({ contentDir: values.content, outDir: values.out ?? defaultSchemaDir })
      if ('files' in written) printProblems(written.files, 'error')
      if (!('paths' in written)) return 1
      console.log(`Wrote ${written.paths.length} JSON Schema files into ${values.out ?? defaultSchemaDir}.`)
      return 0
    }
    case 'serve':
      return (await import('./serve.ts')).serve({ contentDir: values.content, outDir: values.out ?? 'dist', port: Number(values.port), drafts: values.drafts })
    case 'cms':
      return (await import('./cms.ts')).serveWithCms({
        contentDir: values.content,
        outDir: values.out ?? 'dist',
        port: Number(values.port),
        drafts: values.drafts,
      })
    case 'new': {
      const title = positionals.join(' ').trim()
      if (!title || values.locality === undefined || values.author === undefined) {
        console.error(`toasoan new needs a title, --locality and --author.\n\n${usage}`)
        return 2
      }
      const { createArticle } = await import('./new-article.ts')
      const result = await createArticle({
        contentDir: values.content,
        title,
        locality: values.locality,
        author: values.author,
        now: resolveNow(values.now),
        ...(values.date === undefined ? {} : { date: values.date }),
      })
      if ('error' in result) {
        console.error(result.error)
        return 1
      }
      console.log(`Created ${result.path}`)
      return 0
    }
    default:
      // Every command of the table has its case (deploy returned above, before the shared options).
      return command satisfies never
  }
}

/**
 * `toasoan build --shard I/N`: one shard of a cold build, into the cache folder only.
 *
 * @param values The parsed options.
 * @param printProblems Prints the content's problems.
 */
async function buildShardCommand(
  values: ReturnType<typeof parseCliArgs>['values'],
  printProblems: (files: VFile[], stream: 'log' | 'error') => void
): Promise<number> {
  const { parseShard } = await import('../site/shards.ts')
  const shard = parseShard(values.shard ?? '')
  if (!shard) throw new UsageError(`--shard: "${values.shard}" is not a shard.`, 'Give --shard I/N with 1 ≤ I ≤ N, e.g. --shard 3/8 for the third of eight.')
  if (values.out !== undefined) {
    throw new UsageError(
      '--shard writes into the cache folder only; --out does not apply.',
      'Drop --out; after the shards, copy their cache folders into one and run toasoan build.'
    )
  }
  if (values['base-url'] !== undefined) checkBaseUrl(values['base-url'])
  const { buildShard } = await import('../pipeline/build-shard.ts')
  const result = await buildShard({
    shard,
    progress: progressLines((line) => console.log(line)),
    contentDir: values.content,
    cacheDir: values.cache,
    drafts: values.drafts,
    now: resolveNow(values.now),
    ...(values['base-url'] === undefined ? {} : { baseUrl: values['base-url'] }),
  })
  if (!result.ok) {
    printProblems(result.files, 'error')
    console.error(`Shard ${shard.index}/${shard.count} failed: its cache entries so far are kept, and are valid.`)
    return 1
  }
  console.log(`Shard ${shard.index}/${shard.count} cached ${result.articles} articles in ${result.bundles} search bundles into ${values.cache}.`)
  return 0
}

const signalNumbers = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const
let signalExit: number | undefined

/**
 * While a build runs, SIGINT, SIGTERM and SIGHUP (CI cancelling a run, Ctrl-C) stop it at a safe
 * point: the previous output stays as it was (or the new one is already complete), the staging
 * folder is discarded, and the process exits with 128 + the signal's number.
 *
 * @param out The output folder, for the message.
 * @returns Removes the handlers once the build is over.
 */
function exitOnSignal(out: string): () => void {
  let stopping = false
  const handlers = Object.entries(signalNumbers).map(([signal, number]) => {
    const handler = (): void => {
      if (stopping) return
      stopping = true
      signalExit = 128 + number
      console.error(`toasoan: ${signal}: stopping the build; ${out} is left as it was or fully replaced, never in between.`)
      void interruptBuild().finally(() => process.exit(signalExit))
    }
    process.on(signal, handler)
    return () => process.off(signal, handler)
  })
  return () => {
    if (!stopping) for (const remove of handlers) remove()
  }
}
