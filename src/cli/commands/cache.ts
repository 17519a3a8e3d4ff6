import { defineCommand } from '../command.ts'

/** `toasoan cache key`: what a CI cache is saved under. */
export const cache = defineCommand({
  name: 'cache',
  invocation: 'cache key',
  summary: 'Print the key of the code and registries the cache depends on',
  usage: '            --content DIR',
  options: {
    content: { type: 'string', default: 'content' },
    format: { type: 'string', default: 'text' },
  },
  positionals: true,
  run: ({ values, positionals }) => import('../cache-command.ts').then((command) => command.cacheKeyCommand(values, positionals)),
})
