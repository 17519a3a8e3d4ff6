import { defineCommand } from '../command.ts'

/** `toasoan check`: the content's problems, without building. */
export const check = defineCommand({
  name: 'check',
  summary: 'Validate the content without building',
  usage: `            --content DIR  --format text|github
            --changed [BASE]  only the articles changed since BASE (default: the merge base
                            with origin/HEAD or main) and the registries`,
  options: {
    content: { type: 'string', default: 'content' },
    format: { type: 'string', default: 'text' },
    changed: { type: 'boolean', default: false },
  },
  positionals: true,
  run: ({ values, positionals }) => import('../check-command.ts').then((command) => command.checkCommand(values, positionals)),
})
