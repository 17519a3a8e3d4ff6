import { defineCommand } from '../command.ts'

/** `toasoan import`: an old archive brought in. */
export const importArchive = defineCommand({
  name: 'import',
  summary: 'Bring an existing archive in, as articles, pages, comments and media',
  usage: `            toasoan import wordpress EXPORT.xml [--map FILE] [--media DIR]
            toasoan import html --config FILE.yml PATH… [--media DIR]
            --content DIR   content folder (default: content)
            --locality ID   for articles no rule of the map or config places
            --map FILE      YAML: localities/categories {slug: id}, authors {login: id}
            --media DIR     a copy of wp-content/uploads (or of the old site's images)
            --dry-run       print what would be written, changed and left; write nothing
            Run it again for the cutover: unchanged files stay byte-identical, files
            edited since the import are reported and left.`,
  options: {
    content: { type: 'string', default: 'content' },
    locality: { type: 'string' },
    map: { type: 'string' },
    media: { type: 'string' },
    config: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
  positionals: true,
  run: ({ values, positionals }) => import('../../import/index.ts').then((command) => command.importCommand(values, positionals)),
})
