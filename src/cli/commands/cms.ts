import { checkPort } from '../cli-options.ts'
import { defineCommand } from '../command.ts'
import { serveOptions } from './serve.ts'

/** `toasoan cms`: the dev server with the web editor. */
export const cms = defineCommand({
  name: 'cms',
  summary: 'Serve like "serve", with the web editor at /admin/ saving into the content folder',
  usage: `            (decap-server on the port of site.yml's cms.localBackend, 8081 by default)
            --content DIR  --out DIR  --port N  --drafts`,
  options: serveOptions,
  run: ({ values }) => {
    const port = checkPort(values.port)
    return import('../cms.ts').then((command) => command.serveWithCms({ contentDir: values.content, outDir: values.out, port, drafts: values.drafts }))
  },
})
