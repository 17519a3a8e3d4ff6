/** `toasoan deploy` in the command line's help. */
export const deployUsage = `  deploy  Upload the built site, or prepare and check it for a CDN platform
            --to s3://BUCKET[/PREFIX]  [--endpoint URL] [--region R] [--dry-run] [--concurrency N]
                            --verify  compare the bucket with its manifest (exit 1 on drift)
                            --repair  upload and delete what differs, rewrite the manifest
            --to cloudflare|netlify|pages   prepare dist/ for the platform and check its limits
            --check cloudflare|netlify|pages|s3   check the limits only
            --out DIR  the built site (default: dist)    --max-files N  a paid plan's file limit`
