import { defineCommand } from '../command.ts'

/** `toasoan new`: a new article with valid front matter. */
export const newArticle = defineCommand({
  name: 'new',
  summary: 'Write a new article with valid front matter',
  usage: '            toasoan new "Tiêu đề" --locality ID --author ID [--content DIR] [--date "YYYY-MM-DD HH:mm"]',
  options: {
    content: { type: 'string', default: 'content' },
    locality: { type: 'string' },
    author: { type: 'string' },
    date: { type: 'string' },
    now: { type: 'string' },
  },
  positionals: true,
  run: ({ values, positionals }) => import('../new-article.ts').then((command) => command.newArticleCommand(values, positionals)),
})
