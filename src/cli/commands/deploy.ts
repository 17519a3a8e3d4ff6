import { defineCommand } from '../command.ts'

/** `toasoan deploy`: upload the built site, or prepare and check it for a platform. */
export const deploy = defineCommand({
  name: 'deploy',
  summary: 'Upload the built site, or prepare and check it for a CDN platform',
  usage: `            --to s3://BUCKET[/PREFIX]  [--endpoint URL] [--region R] [--dry-run] [--concurrency N]
                            --verify  compare the bucket with its manifest (exit 1 on drift)
                            --repair  upload and delete what differs, rewrite the manifest
            --to cloudflare|netlify|pages   prepare dist/ for the platform and check its limits
            --check cloudflare|netlify|pages|s3   check the limits only
            --out DIR  the built site (default: dist)    --max-files N  a paid plan's file limit`,
  options: {
    to: { type: 'string' },
    check: { type: 'string' },
    out: { type: 'string', default: 'dist' },
    endpoint: { type: 'string' },
    region: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    verify: { type: 'boolean', default: false },
    repair: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '16' },
    'max-files': { type: 'string' },
  },
  run: ({ values }) => import('../../deploy/index.ts').then((command) => command.deployCommand(values)),
})
