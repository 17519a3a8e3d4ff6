/**
 * `npm run bench -- [--articles N] [--work DIR] [--no-baselines | --skip-hugo | --skip-eleventy]
 *   [--no-install] [--keep] [--baseline-timeout MIN] [--own-photographs]`: measures toasoan's builds (cold, no-op, add
 * one article, edit one body, template change) on a generated corpus against Hugo's and
 * Eleventy's cold builds of the same Markdown, in one run, and prints one Markdown table on
 * stdout (progress goes to stderr). A script, not a test. With --own-photographs every article has
 * photographs of its own (`corpus-N-own`), and each added article a new one.
 *
 * `npm run bench -- --search [--articles N[,N…]] [--work DIR] [--no-baselines] [--no-throttling]`: the search
 *   bench instead (the 32-article sample, then each size and its worst case, one article more: index
 *   costs, and 60 queries in Chromium, ten fixed and 50 drawn from the corpus, plain and Slow 4G).
 *
 * `npm run bench -- --push [--articles N] [--work DIR]`: a push to live as the workflow runs it, both ways in
 *   one run (today's: the whole cache, the whole site, a dist/ artifact; S3's now: the state and
 *   recent bodies, `build --deployed`, the deploy from the build job), for a new article and an edit
 *   of the oldest one: bytes restored, written, uploaded and saved, and each step's time.
 *
 * `npm run bench -- --deploy [--articles N] [--work DIR] [--concurrency N]`: deploys to a local
 * S3-compatible server (first, after adding one article, after a template change).
 *
 * `npm run bench -- --import [--posts N] [--baseline-posts M] [--work DIR] [--no-build] [--no-baselines] [--no-install]`: a generated
 * WordPress export of N posts (default 1,000) imported, imported again unchanged, and built, against
 * wordpress-export-to-markdown on the same file (or, with --baseline-posts, on an export of M posts
 * that toasoan also imports).
 *
 * `npm run bench -- --cms [--articles N] [--work DIR] [--runs N]`: the web editor on a generated archive
 *   (default 5,000 articles): decap-server and the built /admin/ in Chromium, list shown, newest entry
 *   first, an old article found by its title typed without diacritics, bytes before the list shows.
 *
 * `npm run bench -- --most-read [--lines N] [--articles N] [--work DIR]`: `toasoan most-read` counting a generated
 *   combined-format access log (default 10 million lines, ~2 GB, written once into the work folder) against a
 *   generated corpus (default 100,000 articles): wall time, peak memory, fragments, and the objects a deploy to
 *   s3rver uploads after the next hourly run.
 *
 * `npm run bench -- --shards N [--articles N] [--work DIR] [--no-baselines] [--with-cold] [--keep]`:
 * a sharded cold build instead (the N `--shard I/N` builds one after another, their caches packed
 * and merged, the final build), against Hugo's cold build.
 */
import { readFile } from 'node:fs/promises'

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  // The usage is this file's opening comment.
  const source = await readFile(new URL(import.meta.url), 'utf8')
  console.log((/\/\*\*([\s\S]*?)\*\//.exec(source)?.[1] ?? '').replace(/^ \* ?/gm, '').trim())
  process.exit(0)
}
// Loaded after the help: the benches import the build, Playwright and the baselines' tools.
const { benchCommand } = await import('./bench-command.ts')
await benchCommand(process.argv.slice(2))
