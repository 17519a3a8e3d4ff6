import { computeMedianRun } from 'lighthouse/core/lib/median-run.js'
import type { Budgets, PageWeight } from './budgets.ts'

/** One check on one page. */
export interface GateResult {
  gate: string
  page: string
  passed: boolean
  /** The figure shown in the report, e.g. `97` or `12.3 KB / 15 KB`. */
  value: string
  /** What failed, one line each. */
  problems: string[]
}

/** The part of a Lighthouse result the gate reads (`numericValue`: its median run's choice reads FCP's and TTI's). */
export interface LighthouseResult {
  categories: Record<string, { title: string; score: number | null; auditRefs: Array<{ id: string; weight: number }> }>
  audits: Record<string, { title: string; score: number | null; numericValue?: number }>
}

/**
 * Lighthouse: every category at least `minimum` (0–100). Lists the failing audits of a failing category.
 *
 * @param page The page's path.
 * @param result The Lighthouse result (`lhr`).
 * @param minimum The lowest acceptable score. @default 95
 */
export function lighthouseGates(page: string, result: LighthouseResult, minimum = 95): GateResult[] {
  return Object.entries(result.categories).map(([id, category]) => {
    const score = percentOf(category.score)
    const problems =
      score >= minimum
        ? []
        : category.auditRefs
            .filter((ref) => ref.weight > 0 && (result.audits[ref.id]?.score ?? 1) < 1)
            .map((ref) => `${ref.id}: ${result.audits[ref.id]?.title ?? ''}`)
    return { gate: `lighthouse ${id}`, page, passed: score >= minimum, value: String(score), problems }
  })
}

/** A Lighthouse score (0–1, or none when the category failed to run) as the report shows it, 0–100. */
const percentOf = (score: number | null | undefined): number => Math.round((score ?? 0) * 100)

/**
 * {@link lighthouseGates} on the median of several runs of one page (Lighthouse's own
 * `computeMedianRun`: the run nearest the median first paint and time to interactive), the
 * performance gate's value naming each run's score. One run is judged as it is.
 *
 * @param page The page's path.
 * @param runs Lighthouse's results for the page, in the order they ran.
 * @param minimum The lowest acceptable score. @default 95
 */
export function lighthouseGatesOfRuns(page: string, runs: readonly LighthouseResult[], minimum = 95): GateResult[] {
  const [first] = runs
  if (first === undefined) return []
  if (runs.length === 1) return lighthouseGates(page, first, minimum)
  const median = computeMedianRun(runs as unknown as Parameters<typeof computeMedianRun>[0]) as unknown as LighthouseResult
  const scores = runs.map((run) => percentOf(run.categories['performance']?.score))
  return lighthouseGates(page, median, minimum).map((gate) =>
    gate.gate === 'lighthouse performance' ? { ...gate, value: `${gate.value} (median of ${runs.length} runs: ${scores.join(', ')})` } : gate
  )
}

/** The part of an axe-core result the gate reads. */
export interface AxeResult {
  violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[] }> }>
}

/**
 * axe-core: no violations at all.
 *
 * @param page The page's path.
 * @param result What `axe.run()` returned.
 */
export function axeGate(page: string, result: AxeResult): GateResult {
  const problems = result.violations.map(
    (violation) => `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} — ${violation.nodes.length} element(s)`
  )
  return { gate: 'axe', page, passed: problems.length === 0, value: `${problems.length} violations`, problems }
}

/** The Nu HTML Checker's JSON output. */
export interface VnuResult {
  messages: Array<{ type: string; subType?: string; url?: string; lastLine?: number; firstColumn?: number; message: string }>
}

/**
 * The Nu HTML Checker: no errors (warnings are reported but do not fail).
 *
 * @param page The page's path.
 * @param result vnu's JSON for this page's file.
 */
export function vnuGate(page: string, result: VnuResult): GateResult {
  const errors = result.messages.filter((message) => message.type === 'error' || message.subType === 'fatal')
  return {
    gate: 'html',
    page,
    passed: errors.length === 0,
    value: `${errors.length} errors`,
    problems: errors.map((message) => `${message.lastLine ?? '?'}:${message.firstColumn ?? '?'} ${message.message}`),
  }
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`

/**
 * Page weight: HTML+CSS and JavaScript under budget, and nothing render-blocking.
 *
 * @param page The page's path.
 * @param weight What the page weighs.
 * @param budgets The limits.
 */
export function budgetGates(page: string, weight: PageWeight, budgets: Budgets): GateResult[] {
  const htmlAndCss = weight.htmlGzip + weight.cssGzip
  return [
    {
      gate: 'budget html+css',
      page,
      passed: htmlAndCss <= budgets.htmlAndCss,
      value: `${kb(htmlAndCss)} / ${kb(budgets.htmlAndCss)}`,
      problems: htmlAndCss <= budgets.htmlAndCss ? [] : [`${kb(htmlAndCss)} gzip is over ${kb(budgets.htmlAndCss)}`],
    },
    {
      gate: 'budget javascript',
      page,
      passed: weight.javascriptGzip <= budgets.javascript,
      value: `${kb(weight.javascriptGzip)} / ${kb(budgets.javascript)}`,
      problems: weight.javascriptGzip <= budgets.javascript ? [] : [`${kb(weight.javascriptGzip)} gzip is over ${kb(budgets.javascript)}`],
    },
    {
      gate: 'render-blocking scripts',
      page,
      passed: weight.renderBlocking.length === 0,
      value: String(weight.renderBlocking.length),
      problems: weight.renderBlocking.map((src) => `${src} blocks rendering`),
    },
  ]
}

/**
 * The front page on a phone: no part (top stories, a group of sections, the places, "Tin mới") is
 * taller than `maximum`, so each is about a few screenfuls of stories, never an endless column.
 *
 * @param page The page's path.
 * @param parts Each part's height at 390 px.
 * @param maximum Tallest part allowed, CSS pixels. @default 2500
 */
export function frontPageGate(page: string, parts: ReadonlyArray<{ name: string; height: number }>, maximum = 2500): GateResult {
  const tall = parts.filter((part) => part.height > maximum)
  const tallest = Math.max(0, ...parts.map((part) => part.height))
  return {
    gate: 'phone height per part',
    page,
    passed: parts.length > 0 && tall.length === 0,
    value: `${tallest} px / ${maximum} px`,
    problems: parts.length === 0 ? ['no part found in <main>'] : tall.map((part) => `${part.name} is ${part.height} px tall at 390 px`),
  }
}

/**
 * Links: every internal link resolves.
 *
 * @param broken `page → link (status)` lines.
 */
export function linksGate(broken: readonly string[]): GateResult {
  return { gate: 'internal links', page: '(site)', passed: broken.length === 0, value: `${broken.length} broken`, problems: [...broken] }
}

/**
 * The report: one table row per gate and page, then what failed.
 *
 * @param results Every gate's result.
 */
export function formatReport(results: readonly GateResult[]): string {
  const lines = ['| page | gate | result | |', '|---|---|---|---|']
  for (const result of results) lines.push(`| ${result.page} | ${result.gate} | ${result.value} | ${result.passed ? 'pass' : '**FAIL**'} |`)
  const failures = results.filter((result) => !result.passed)
  if (failures.length > 0) {
    lines.push('', 'Failures:')
    for (const failure of failures)
      for (const problem of failure.problems.length > 0 ? failure.problems : ['(no detail)']) lines.push(`- ${failure.page} ${failure.gate}: ${problem}`)
  }
  lines.push('', failures.length === 0 ? `All ${results.length} gates pass.` : `${failures.length} of ${results.length} gates fail.`)
  return lines.join('\n')
}
