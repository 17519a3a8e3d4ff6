import type { QueryCost } from './browser-query.ts'
import type { SearchBenchRow } from './search-bench.ts'

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`
const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a')
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length === 0 ? Number.NaN : ((sorted[Math.floor((sorted.length - 1) / 2)] ?? 0) + (sorted[Math.ceil((sorted.length - 1) / 2)] ?? 0)) / 2
}

/** The issue's targets for a reader's first search: first result, bytes and requests to it. */
export const searchTargets = { plainMs: 1500, throttledMs: 3000, bytes: 300 * 1024, requests: 30 }

/**
 * Per kind of query (common, rare, phrase, prefix…): how many, and the median and worst bytes and
 * requests to the first result and for the whole first search (until the page is done: its first
 * page of results filled, or every bundle it needs answered), and
 * how many miss the byte or request target either way. Bytes and requests do not depend on the
 * machine's load; times do.
 *
 * @param costs Each query's cost.
 * @param kinds Each query's kind.
 */
export function kindTable(costs: readonly QueryCost[], kinds: Record<string, string>): string[] {
  const lines = ['| kind | queries | to first result: median, worst | missed | whole first search: median, worst | missed |', '|---|---:|---:|---:|---:|---:|']
  const cost = (bytes: number, requests: number): string => `${kb(bytes)} / ${requests}`
  const over = (bytes: number, requests: number): boolean => bytes > searchTargets.bytes || requests > searchTargets.requests
  const groups = new Map<string, QueryCost[]>()
  for (const entry of costs) groups.set(kinds[entry.query] ?? '', [...(groups.get(kinds[entry.query] ?? '') ?? []), entry])
  for (const [kind, list] of [...groups.entries(), ['all', [...costs]] as const]) {
    const m = (pick: (entry: QueryCost) => number): number => median(list.map(pick))
    const w = (pick: (entry: QueryCost) => number): number => Math.max(...list.map(pick))
    lines.push(
      `| ${kind} | ${list.length} | ${cost(
        m((c) => c.firstBytes),
        m((c) => c.firstRequests)
      )}, ${cost(
        w((c) => c.firstBytes),
        w((c) => c.firstRequests)
      )} | ${list.filter((c) => over(c.firstBytes, c.firstRequests)).length} | ${cost(
        m((c) => c.bytes),
        m((c) => c.requests)
      )}, ${cost(
        w((c) => c.bytes),
        w((c) => c.requests)
      )} | ${list.filter((c) => over(c.bytes, c.requests)).length} |`
    )
  }
  return lines
}

function queryTable(title: string, costs: readonly QueryCost[], kinds: Record<string, string>, throttled: boolean): string[] {
  if (costs.length === 0) return [`${title}: skipped (no Chromium, or not asked for)`]
  const lines = [
    `${title}`,
    '',
    '| query | kind | first result | /pagefind/ bytes, requests to it | page done | bytes, requests in all | later query: first result, done | found |',
    '|---|---|---:|---:|---:|---:|---:|---|',
  ]
  for (const cost of costs) {
    lines.push(
      `| \`${cost.query}\` | ${kinds[cost.query] ?? ''} | ${s(cost.firstMs)} | ${kb(cost.firstBytes)}, ${cost.firstRequests} | ${s(cost.doneMs)} | ${kb(cost.bytes)}, ${cost.requests} | ${s(cost.laterFirstMs)}, ${s(cost.laterDoneMs)} | ${cost.results.replace(/\s*Đang tìm.*$/, '')} |`
    )
  }
  const m = (pick: (cost: QueryCost) => number): number => median(costs.map(pick))
  lines.push(
    `| **median** | | **${s(m((c) => c.firstMs))}** | **${kb(m((c) => c.firstBytes))}**, ${m((c) => c.firstRequests)} | ${s(m((c) => c.doneMs))} | ${kb(m((c) => c.bytes))}, ${m((c) => c.requests)} | ${s(m((c) => c.laterFirstMs))}, ${s(m((c) => c.laterDoneMs))} | |`
  )
  lines.push(
    `| **worst** | | **${s(Math.max(...costs.map((c) => c.firstMs)))}** | **${kb(Math.max(...costs.map((c) => c.firstBytes)))}** | ${s(Math.max(...costs.map((c) => c.doneMs)))} | ${kb(Math.max(...costs.map((c) => c.bytes)))} | ${s(Math.max(...costs.map((c) => c.laterFirstMs)))}, ${s(Math.max(...costs.map((c) => c.laterDoneMs)))} | |`
  )
  const worst = (pick: (cost: QueryCost) => number): number => Math.max(...costs.map(pick))
  const limit = throttled ? searchTargets.throttledMs : searchTargets.plainMs
  const held = (ok: boolean): string => (ok ? 'held' : 'missed')
  const over = costs.filter((cost) => cost.firstMs > limit || cost.firstBytes > searchTargets.bytes || cost.firstRequests > searchTargets.requests).length
  lines.push(
    '',
    '',
    ...kindTable(costs, kinds),
    '',
    `Targets for every query: first result ≤ ${s(limit)} (worst ${s(worst((c) => c.firstMs))}: ${held(worst((c) => c.firstMs) <= limit)}), ≤ ${kb(searchTargets.bytes)} to it (worst ${kb(worst((c) => c.firstBytes))}: ${held(worst((c) => c.firstBytes) <= searchTargets.bytes)}), ≤ ${searchTargets.requests} requests (worst ${worst((c) => c.firstRequests)}: ${held(worst((c) => c.firstRequests) <= searchTargets.requests)}); ${over} of ${costs.length} queries miss one.`
  )
  return lines
}

/**
 * The heading of a corpus's Slow 4G table, with the phone its CPU slowdown stood for (`cpuIndex`
 * in browser-query.ts): the same 4× is a faster phone on a faster machine.
 *
 * @param row The corpus's measurements.
 */
export function throttledTitle(row: Pick<SearchBenchRow, 'name' | 'cpu'>): string {
  const cpu = row.cpu === undefined ? '' : ` (Lighthouse's BenchmarkIndex: ${row.cpu.host} on this machine, ${row.cpu.throttled} throttled)`
  return `**${row.name}**, Slow 4G (150 ms, 1.6 Mbit/s down, 750 kbit/s up) and 4× CPU${cpu}:`
}

/**
 * Formats the rows as Markdown: one table of index costs, then per corpus (and its worst case, one
 * article more) the queries with their kind, the median, the worst and the targets,
 * unthrottled and under Slow 4G with a 4× slower CPU.
 *
 * @param rows The measurements.
 */
export function formatSearchBench(rows: readonly SearchBenchRow[]): string {
  const lines = [
    '| corpus | articles | bundles | index time (toasoan / Pagefind CLI) | Pagefind peak (toasoan / CLI) | build tree peak | index on disk (toasoan / CLI) |',
    '|---|---:|---:|---|---|---:|---|',
  ]
  for (const row of rows) {
    const base = row.baseline
    lines.push(
      `| ${row.name} | ${row.articles} | ${row.bundles} | ${s(row.indexMs)}${base ? ` / ${s(base.ms)} (${ratio(row.indexMs, base.ms)})` : ''} | ${mb(row.pagefindPeak)}${base ? ` / ${mb(base.peak)}` : ''} | ${mb(row.buildPeak)} | ${mb(row.indexBytes)}${base ? ` / ${mb(base.bytes)}` : ''} |`
    )
  }
  for (const row of rows) {
    lines.push(
      '',
      ...queryTable(`**${row.name}** (${row.articles} articles, ${row.bundles} bundles), 127.0.0.1, no throttling:`, row.queries, row.kinds, false)
    )
    lines.push('', ...queryTable(throttledTitle(row), row.throttled, row.kinds, true))
  }
  return lines.join('\n')
}
