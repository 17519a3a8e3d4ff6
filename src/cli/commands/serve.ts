import { checkPort } from '../cli-options.ts'
import { defineCommand } from '../command.ts'

/** The options `serve` and `cms` share. */
export const serveOptions = {
  content: { type: 'string', default: 'content' },
  out: { type: 'string', default: 'dist' },
  port: { type: 'string', default: '8080' },
  drafts: { type: 'boolean', default: false },
} as const

/** `toasoan serve`: the dev server. */
export const serve = defineCommand({
  name: 'serve',
  summary: 'Build, serve on http://localhost:8080 and rebuild on change',
  usage: '            --content DIR  --out DIR  --port N  --drafts',
  options: serveOptions,
  run: ({ values }) => {
    const port = checkPort(values.port)
    return import('../serve.ts').then((command) => command.serve({ contentDir: values.content, outDir: values.out, port, drafts: values.drafts }))
  },
})
