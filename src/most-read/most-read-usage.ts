/** `toasoan most-read` in the command line's help. */
export const mostReadUsage = `  most-read  Count readers in CDN or server logs and write the "Đọc nhiều" fragments
            --from SOURCE…  log files or folders (plain or gzip): nginx/Apache combined, CloudFront,
                            S3 access, Cloudflare Logpush or Netlify JSON lines; or a CSV
                            "path,views", a GoatCounter or a Plausible pages export
            --out DIR       the built site (default: dist)    --content DIR  --cache DIR
            --window LIST   windows to rank (default: 24h,7d)   --now ISO (default: the clock)`
