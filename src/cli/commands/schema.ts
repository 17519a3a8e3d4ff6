import { defineCommand } from '../command.ts'

/** `toasoan schema`: JSON Schema files for editors. */
export const schema = defineCommand({
  name: 'schema',
  summary: 'Write JSON Schema files for front matter and the registries, for editors',
  usage: '            --content DIR  --out DIR (default: .toasoan/schema)',
  options: {
    content: { type: 'string', default: 'content' },
    out: { type: 'string' },
    format: { type: 'string', default: 'text' },
  },
  run: ({ values }) => import('../schema-command.ts').then((command) => command.schemaCommand(values)),
})
