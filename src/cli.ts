import { parseArgs } from 'node:util'
import { deployUsage } from './deploy/deploy-usage.ts'
import { checkBaseUrl, resolveNow } from './operator-input.ts'
import { checkOutput } from './publish/check-output.ts'
import { interruptBuild } from './publish/interruption.ts'
import { progressBar, wantsProgressBar } from './progress.ts'
import { UsageError } from './usage-error.ts'

// Each command imports the stages it runs when it runs (a usage error, `check` or `new` never loads
// Eleventy, Pagefind or the S3 client): the command starts in a fraction of the time.

const usage = `Usage: toasoan <command> [options]

Commands:
  build   Validate the content and build the site
            --content DIR   content folder (default: content)
            --out DIR       output folder, replaced only on success (default: dist);
                            a new folder or one an earlier build wrote
            --base-url URL  override baseUrl from site.yml (http or https)
            --drafts        include drafts and future-dated articles
            --now ISO       the build's "now" (default: SOURCE_DATE_EPOCH, else the clock)
  check   Validate the content without building       --content DIR
  serve   Build, serve on http://localhost:8080 and rebuild on change
            --content DIR  --out DIR  --port N  --drafts
  cms     Serve like "serve", with the web editor at /admin/ saving into the content folder
            (decap-server on the port of site.yml's cms.localBackend, 8081 by default)
            --content DIR  --out DIR  --port N  --drafts
  new     Write a new article with valid front matter
            toasoan new "Tiêu đề" --locality ID --author ID [--content DIR] [--date "YYYY-MM-DD HH:mm"]
${deployUsage}
`

/**
 * Runs the command line.
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
  if (command === 'deploy') return (await import('./deploy/index.ts')).deployCommand(rest)
  let parsed
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: {
        content: { type: 'string', default: 'content' },
        out: { type: 'string', default: 'dist' },
        'base-url': { type: 'string' },
        drafts: { type: 'boolean', default: false },
        now: { type: 'string' },
        port: { type: 'string', default: '8080' },
        locality: { type: 'string' },
        author: { type: 'string' },
        date: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help || command === undefined || command === 'help') {
    console.log(usage)
    return command === undefined ? 2 : 0
  }
  const cwd = process.cwd()
  switch (command) {
    case 'build': {
      const bar = wantsProgressBar(process.stdout) ? progressBar((text) => process.stdout.write(text)) : undefined
      const now = resolveNow(values.now)
      if (values['base-url'] !== undefined) checkBaseUrl(values['base-url'])
      // Checked again by build(); here it answers before the stages load.
      await checkOutput({ outDir: values.out, contentDir: values.content })
      const [{ build }, { countProblems, formatProblems }] = await Promise.all([import('./build.ts'), import('./problems/index.ts')])
      const stopOnSignal = exitOnSignal(values.out)
      const result = await build({
        ...(bar ? { progress: bar.sink, log: (line: string) => (bar.clear(), console.log(line)) } : {}),
        contentDir: values.content,
        outDir: values.out,
        drafts: values.drafts,
        now,
        ...(values['base-url'] === undefined ? {} : { baseUrl: values['base-url'] }),
      }).finally(stopOnSignal)
      const report = formatProblems(result.files, cwd)
      if (!result.ok) {
        console.error(`${report}\nBuild failed: ${values.out} was left as it was.`)
        return 1
      }
      if (countProblems(result.files).warnings > 0) console.error(report)
      console.log(`Built ${result.pages} pages into ${values.out}.`)
      return 0
    }
    case 'check': {
      const [{ countProblems, formatProblems }, { loadContent }] = await Promise.all([import('./problems/index.ts'), import('./content/index.ts')])
      const { files } = await loadContent({ contentDir: values.content })
      const { errors } = countProblems(files)
      console[errors > 0 ? 'error' : 'log'](formatProblems(files, cwd))
      return errors > 0 ? 1 : 0
    }
    case 'serve':
      return (await import('./serve.ts')).serve({ contentDir: values.content, outDir: values.out, port: Number(values.port), drafts: values.drafts })
    case 'cms':
      return (await import('./cms.ts')).serveWithCms({ contentDir: values.content, outDir: values.out, port: Number(values.port), drafts: values.drafts })
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
      console.error(`Unknown command "${command}".\n\n${usage}`)
      return 2
  }
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
