/**
 * `npm run bench -- [--articles N[,N…]] [--work DIR]`: measures the search index on generated
 * corpora against Pagefind's own CLI in one bundle, and prints a table. A script, not a test.
 */
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { benchSearch, formatSearchBench } from '../src/bench/index.ts'

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000,30000' }, work: { type: 'string', default: '.cache/bench' } } })
const sizes = values.articles.split(',').map(Number)
await mkdir(values.work, { recursive: true })
const chromium = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium'].find((path) => path && existsSync(path))
if (!chromium) console.warn('Chromium not found (set CHROMIUM_PATH or apt-get install chromium): query costs are skipped.')
const rows = await benchSearch({ sizes, workDir: values.work, ...(chromium ? { chromium } : {}), log: (line) => console.error(line) })
console.log(formatSearchBench(rows))
