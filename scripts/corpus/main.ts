/**
 * Writes a synthetic content folder.
 *
 * Usage: npm run corpus -- --articles N --out DIR [--seed S] [--force]
 *          [--localities FILE | --builtin-localities] [--authors N] [--concurrency N] [--own-photographs]
 */
import { parseArgs } from 'node:util'
import { generateCorpus } from './index.ts'
import type { GenerateCorpusOptions } from './index.ts'

const USAGE =
  'Usage: npm run corpus -- --articles N --out DIR [--seed S] [--force]\n' +
  '         [--localities FILE | --builtin-localities] [--authors N] [--concurrency N] [--own-photographs]'

const { values } = parseArgs({
  options: {
    articles: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string' },
    force: { type: 'boolean', default: false },
    localities: { type: 'string' },
    'builtin-localities': { type: 'boolean', default: false },
    authors: { type: 'string' },
    concurrency: { type: 'string' },
    'own-photographs': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
})

if (values.help || values.articles === undefined || values.out === undefined) {
  console.log(USAGE)
  process.exit(values.help ? 0 : 1)
}

const options: GenerateCorpusOptions = {
  articles: Number(values.articles),
  out: values.out,
  force: values.force,
  ...(values.seed !== undefined ? { seed: values.seed } : {}),
  ...(values['builtin-localities'] ? { localities: false as const } : values.localities !== undefined ? { localities: values.localities } : {}),
  ...(values.authors !== undefined ? { authors: Number(values.authors) } : {}),
  ...(values.concurrency !== undefined ? { concurrency: Number(values.concurrency) } : {}),
  ...(values['own-photographs'] ? { ownPhotographs: true } : {}),
}

const started = performance.now()
try {
  const result = await generateCorpus(options)
  const seconds = ((performance.now() - started) / 1000).toFixed(2)
  const megabytes = (result.bytes / 1_048_576).toFixed(1)
  console.log(
    `Wrote ${result.articles} articles, ${result.authors} authors, ${result.localities} localities (${result.localitiesSource}), ` +
      `${result.images} images to ${result.out} (${megabytes} MB) in ${seconds} s`
  )
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
