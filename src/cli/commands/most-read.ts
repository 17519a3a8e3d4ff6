import { defaultWindows } from '../../most-read/windows.ts'
import { defineCommand } from '../command.ts'

/** `toasoan most-read`: the "Đọc nhiều" fragments from logs. */
export const mostRead = defineCommand({
  name: 'most-read',
  summary: 'Count readers in CDN or server logs and write the "Đọc nhiều" fragments',
  usage: `            --from SOURCE…  log files or folders (plain or gzip): nginx/Apache combined, CloudFront,
                            S3 access, Cloudflare Logpush or Netlify JSON lines; or a CSV
                            "path,views", a GoatCounter or a Plausible pages export
            --out DIR       the built site (default: dist)    --content DIR  --cache DIR
            --window LIST   windows to rank (default: ${defaultWindows})   --now ISO (default: the clock)`,
  options: {
    from: { type: 'string', multiple: true },
    out: { type: 'string', default: 'dist' },
    content: { type: 'string', default: 'content' },
    cache: { type: 'string', default: '.cache' },
    // windows.ts imports nothing: the help still loads no stage.
    window: { type: 'string', default: defaultWindows },
    now: { type: 'string' },
  },
  // `--from a b c`: the sources after the first are positionals.
  positionals: true,
  run: ({ values, positionals }) => import('../../most-read/index.ts').then((command) => command.mostReadCommand(values, positionals)),
})
