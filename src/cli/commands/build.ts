import { defineCommand } from '../command.ts'

/** `toasoan build`: the site, or one shard of a cold build. */
export const build = defineCommand({
  name: 'build',
  summary: 'Validate the content and build the site',
  usage: `            --content DIR   content folder (default: content)
            --out DIR       output folder, replaced only on success (default: dist);
                            a new folder or one an earlier build wrote
            --base-url URL  override baseUrl from site.yml (http or https)
            --drafts        include drafts and future-dated articles
            --now ISO       the build's "now" (default: SOURCE_DATE_EPOCH, else the clock)
            --cache DIR     cache folder (default: .cache)
            --format github  print problems as GitHub Actions annotations
            --wait SECONDS  wait that long for another build or deploy of --out to end
                            (default: stop at once, naming it)
            --shard I/N     one of N shards of a cold build: render only its share
                            of the archive into --cache, write no output; copy the
                            N cache folders into one, then build as usual
            --deployed s3://BUCKET[/PREFIX]  write into --out only what that bucket's
                            last deploy lacks (the manifest lists the whole site);
                            deploy it there with toasoan deploy --to (same URL)
            --endpoint URL  --region R   the bucket's S3 API (as for deploy)`,
  options: {
    content: { type: 'string', default: 'content' },
    out: { type: 'string' },
    'base-url': { type: 'string' },
    drafts: { type: 'boolean', default: false },
    now: { type: 'string' },
    cache: { type: 'string', default: '.cache' },
    format: { type: 'string', default: 'text' },
    wait: { type: 'string' },
    shard: { type: 'string' },
    deployed: { type: 'string' },
    endpoint: { type: 'string' },
    region: { type: 'string' },
  },
  run: ({ values }) => import('../build-command.ts').then((command) => command.buildCommand(values)),
})
